import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** The request path decoded, or null when it is not valid percent-encoding (a malformed request, not a missing file). */
export function decodeRequestPath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
}

/**
 * Reads a file of the built renderer. Paths are confined to `root` (no `..` escapes); unknown
 * paths fall back to index.html so client-side routes reload correctly.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  const decoded = decodeRequestPath(urlPath);
  if (decoded === null || decoded.includes('\0')) return null;
  const clean = normalize(decoded).replace(/^([/\\])+/, '');
  const target = join(root, clean || 'index.html');
  if (target !== root && !target.startsWith(root + sep)) return null;
  try {
    return { body: await readFile(target), contentType: MIME[extname(target)] ?? 'application/octet-stream' };
  } catch {
    if (extname(clean)) return null;
    try {
      return { body: await readFile(join(root, 'index.html')), contentType: MIME['.html']! };
    } catch {
      return null;
    }
  }
}
