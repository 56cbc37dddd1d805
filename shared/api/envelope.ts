import { z } from 'zod';
import type { AppErrorPayload } from './app-error.ts';

// What every transport carries back: a result or a typed error, never a thrown exception.
export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: AppErrorPayload };

export const ApiRequest = z.object({ method: z.string().max(100), input: z.unknown() });
export type ApiRequest = z.infer<typeof ApiRequest>;
