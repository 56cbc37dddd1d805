import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Where Electron's download host cannot be reached, every `npm start` used to try again (a wait,
// "仅首次" on every start, and an English network error). A failed attempt is remembered for a day;
// `npm start -- --retry-electron` tries again at once.

const RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

export interface FailedAttempt {
  at: number;
  reason: string;
}

export function lastFailedAttempt(marker: string): FailedAttempt | null {
  if (!existsSync(marker)) return null;
  try {
    const parsed = JSON.parse(readFileSync(marker, 'utf8')) as Partial<FailedAttempt>;
    return typeof parsed.at === 'number' && typeof parsed.reason === 'string' ? { at: parsed.at, reason: parsed.reason } : null;
  } catch {
    return null;
  }
}

export function shouldTryDownload(marker: string, now: number, forced: boolean): boolean {
  if (forced) return true;
  const last = lastFailedAttempt(marker);
  return last === null || now - last.at >= RETRY_AFTER_MS;
}

export function recordAttempt(marker: string, now: number, failure: string | null): void {
  if (failure === null) {
    rmSync(marker, { force: true });
    return;
  }
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, JSON.stringify({ at: now, reason: failure }));
}

/** The download's failure in words a finance clerk can act on (the technical text follows in brackets). */
export function downloadFailureText(stderr: string, timedOut: boolean): string {
  const detail = stderr.split('\n').find((l) => l.trim())?.trim() ?? '';
  const why = timedOut
    ? '连接下载服务器超时'
    : /ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(detail)
      ? '找不到下载服务器（本机可能没有联网，或网络不允许访问该地址）'
      : /ETIMEDOUT|timed? ?out/i.test(detail)
        ? '连接下载服务器超时'
        : /ECONNREFUSED|ECONNRESET|EPIPE|socket hang up/i.test(detail)
          ? '下载服务器拒绝或中断了连接'
          : /\b(403|404|410)\b/.test(detail)
            ? '下载地址不可用（镜像中可能没有这个版本）'
            : /CERT|certificate|SSL|TLS/i.test(detail)
              ? '下载服务器的安全证书无法验证（可能有网络代理拦截）'
              : '下载没有完成';
  return detail ? `${why}（技术信息：${detail.slice(0, 160)}）` : why;
}
