import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { normalizeLineMetrics } from './font-metrics.ts';

// The report's faces, loaded once per process (about 51 MB of font files) and kept as patched
// buffers plus fontkit handles for coverage look-ups. pdfkit parses its own copy per document from
// the cached buffer, so no font file is read twice.

export const FACES = {
  fang: 'FandolFang-Regular.otf',
  hei: 'FandolHei-Regular.otf',
  kai: 'FandolKai-Regular.otf',
  songBold: 'FandolSong-Bold.otf',
  serif: 'NotoSerifSC-Regular.ttf',
  sans: 'NotoSansSC-Regular.ttf',
} as const;

export type FaceId = keyof typeof FACES;

/** Where a face's missing characters are taken from. */
export const FALLBACK: Record<FaceId, FaceId | null> = {
  fang: 'serif',
  kai: 'serif',
  songBold: 'serif',
  hei: 'sans',
  serif: null,
  sans: null,
};

export interface LoadedFace {
  id: FaceId;
  file: string;
  buffer: Buffer;
  font: fontkit.Font;
}

export interface FontSet {
  dir: string;
  faces: Record<FaceId, LoadedFace>;
  /** Cached cmap look-up. */
  covers(face: FaceId, codePoint: number): boolean;
  /** Advance width in points, as pdfkit will lay the text out (same fontkit shaping). */
  measure(text: string, face: FaceId, size: number): number;
}

/** resources/fonts next to the source tree; a packaged app passes its own directory. */
export function defaultFontDir(): string {
  return process.env.SELFEVAL_FONT_DIR ?? fileURLToPath(new URL('../../../resources/fonts/', import.meta.url));
}

const cache = new Map<string, Promise<FontSet>>();

async function loadFace(dir: string, id: FaceId): Promise<LoadedFace> {
  const file = path.join(dir, FACES[id]);
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (err) {
    throw new Error(`无法读取报告字体文件：${file}（${(err as Error).message}）`);
  }
  normalizeLineMetrics(buffer, file);
  return { id, file, buffer, font: fontkit.create(buffer) };
}

async function load(dir: string): Promise<FontSet> {
  const ids = Object.keys(FACES) as FaceId[];
  const loaded = await Promise.all(ids.map((id) => loadFace(dir, id)));
  const faces = Object.fromEntries(loaded.map((f) => [f.id, f])) as Record<FaceId, LoadedFace>;
  // One cache per face, keyed by code point / text: no key strings to build on every look-up.
  const coverage = Object.fromEntries(ids.map((id) => [id, new Map<number, boolean>()])) as Record<FaceId, Map<number, boolean>>;
  const widths = Object.fromEntries(ids.map((id) => [id, new Map<string, number>()])) as Record<FaceId, Map<string, number>>;
  return {
    dir,
    faces,
    covers(face, codePoint) {
      const cache = coverage[face];
      let v = cache.get(codePoint);
      if (v === undefined) {
        v = faces[face].font.hasGlyphForCodePoint(codePoint);
        cache.set(codePoint, v);
      }
      return v;
    },
    measure(text, face, size) {
      const cache = widths[face];
      let em = cache.get(text);
      if (em === undefined) {
        const font = faces[face].font;
        em = font.layout(text).advanceWidth / font.unitsPerEm;
        // Keys are single characters and short Latin tokens; a cap keeps a long-lived process bounded.
        if (cache.size > 20_000) cache.clear();
        cache.set(text, em);
      }
      return em * size;
    },
  };
}

export function loadFontSet(dir = defaultFontDir()): Promise<FontSet> {
  const key = path.resolve(dir);
  let p = cache.get(key);
  if (!p) {
    p = load(key);
    // A failed load (missing file) must not poison the cache for a corrected directory.
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
