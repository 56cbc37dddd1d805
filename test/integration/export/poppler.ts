import { execFileSync } from 'node:child_process';

// Thin wrappers over poppler-utils (apt-get install poppler-utils): the tests read the PDF the way
// a person's viewer does, not through the library that wrote it.

export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

/** Whitespace collapsed to single spaces: pdftotext breaks lines and may space out glyph runs. */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo 未报告页数：${file}`);
  return Number(m[1]);
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(file: string): PdfFontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object ID.
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`无法解析 pdffonts 输出行：${l}`);
      return { name: m[1]!, type: m[2]!, embedded: m[4] === 'yes', subset: m[5] === 'yes' };
    });
}

/** Renders one page to `${prefix}.png` at 60 dpi and returns the file name. */
export function renderPagePng(file: string, page: number, prefix: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', String(page), '-l', String(page), file, prefix]);
  return `${prefix}.png`;
}

/** pdftotext's layout text, one table row per line with its whitespace collapsed, as a reader sees it. */
export function layoutText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map(normalizeWhitespace)
    .join('\n');
}
