// The shared string table. Rich text runs are joined; phonetic runs (<rPh>) are not part of the
// text; each string is capped at Excel's own cell limit.

import { MAX_CELL_TEXT } from '../../../shared/import/cell.ts';
import { importError } from '../import-error.ts';
import type { ImportLimits } from '../limits.ts';
import { createXmlParser } from './parse-xml.ts';
import type { ZipArchive } from './zip-archive.ts';

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Excel writes control characters as _xHHHH_ inside strings. */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

export async function readSharedStrings(
  zip: ZipArchive,
  path: string | null,
  fileName: string,
  limits: ImportLimits,
): Promise<string[]> {
  if (!path) return [];
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let phonetic = 0;
  const parser = createXmlParser({
    open(name) {
      if (name === 't') inT = true;
      else if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
    },
    text(text) {
      if (inT && phonetic === 0 && current.length < MAX_CELL_TEXT) current += text;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings) {
          throw importError(`文件“${fileName}”的共享字符串超过 ${limits.maxSharedStrings} 个，已停止。`);
        }
        strings.push(decodeOoxmlEscapes(current.length > MAX_CELL_TEXT ? current.slice(0, MAX_CELL_TEXT) : current));
      }
    },
  });
  const stream = await zip.openStream(path, limits.maxSharedStringsBytes);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    parser.write(decoder.decode()).close();
  } catch (err) {
    stream.destroy();
    if (err instanceof Error && err.name === 'AppError') throw err;
    throw importError(`文件“${fileName}”的共享字符串部件已损坏或不完整，无法读取。`);
  }
  return strings;
}
