import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadFailureText, recordAttempt, shouldTryDownload } from '../../../scripts/electron-download-attempt.ts';

const HOUR = 60 * 60 * 1000;

describe('Electron download attempts at npm start', () => {
  it('tries once, then not again for a day after a failure, unless asked to', () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'selfeval-dl-')), 'build', 'electron-download-failed.json');
    const t0 = Date.UTC(2026, 11, 7);
    expect(shouldTryDownload(marker, t0, false)).toBe(true);
    recordAttempt(marker, t0, '找不到下载服务器');
    expect(shouldTryDownload(marker, t0 + HOUR, false)).toBe(false);
    expect(shouldTryDownload(marker, t0 + HOUR, true)).toBe(true);
    expect(shouldTryDownload(marker, t0 + 25 * HOUR, false)).toBe(true);
    recordAttempt(marker, t0 + 25 * HOUR, null);
    expect(shouldTryDownload(marker, t0 + 26 * HOUR, false)).toBe(true);
  });

  it.each([
    ['Error: getaddrinfo ENOTFOUND github.com', false, '找不到下载服务器'],
    ['', true, '连接下载服务器超时'],
    ['RequestError: connect ECONNREFUSED 127.0.0.1:443', false, '拒绝或中断了连接'],
    ['HTTPError: Response code 404 (Not Found)', false, '下载地址不可用'],
    ['Error: unable to verify the first certificate', false, '安全证书无法验证'],
    ['something else', false, '下载没有完成'],
  ])('says why in Chinese: %s', (stderr, timedOut, words) => {
    const text = downloadFailureText(stderr, timedOut);
    expect(text.startsWith(words) || text.includes(words)).toBe(true);
    expect(/^[\u4e00-\u9fff]/.test(text)).toBe(true);
  });
});
