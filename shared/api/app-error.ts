// The one error shape that crosses every boundary (IPC, loopback HTTP, CLI). `message` is always
// Chinese and says what and where, because it is shown to the user as is.
export type AppErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'DB_NEWER'
  | 'DB_CORRUPT'
  | 'DB_READONLY'
  | 'DISK_FULL'
  | 'DB_BUSY'
  | 'IMPORT'
  | 'UNAUTHORIZED'
  | 'INTERNAL';

export interface AppErrorDetail {
  path?: string;
  message: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface AppErrorPayload {
  code: AppErrorCode;
  message: string;
  details?: AppErrorDetail[];
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: AppErrorDetail[];

  constructor(code: AppErrorCode, message: string, details: AppErrorDetail[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toPayload(): AppErrorPayload {
    return this.details.length > 0
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }

  static fromPayload(p: AppErrorPayload): AppError {
    return new AppError(p.code, p.message, p.details ?? []);
  }
}
