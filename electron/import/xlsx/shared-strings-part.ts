// The shared string table. Rich text runs are joined; phonetic runs (<rPh>) are not part of the
// text; each string is capped at Excel's own cell limit.

import { MAX_CELL_TEXT } from '../../../shared/import/cell.ts';
import { importError } from '../import-error.ts';
import type { ImportLimits } from '../limits.ts';
import { decodeXmlText, tagEnd } from './sheet-xml-parser.ts';
import type { ZipArchive } from './zip-archive.ts';

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Excel writes control characters as _xHHHH_ inside strings. */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

/** Local name of the element whose tag starts at `start` (after '<' or '</'), up to `end`. */
function localNameAt(buf: string, start: number, end: number): string {
  let nameEnd = start;
  // The prefix ends at a colon inside the name (searching the rest of the chunk for one would cost
  // a chunk's length per tag).
  let localStart = start;
  while (nameEnd < end) {
    const c = buf.charCodeAt(nameEnd);
    if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13 || c === 62) break;
    if (c === 58) localStart = nameEnd + 1;
    nameEnd++;
  }
  return buf.slice(localStart, nameEnd);
}

/**
 * The string table, scanned like the sheet (indexOf over chunks, no general XML parser): <si>
 * starts a string, the text of its <t> elements (outside phonetic <rPh> runs) is joined. Only the
 * five predefined entities and character references are decoded; a DTD is refused.
 */
export class SharedStringScanner {
  private carry = '';
  private inSi = false;
  private inT = false;
  private phonetic = 0;
  /** Raw (still escaped) text of the current <t> since its start or its last CDATA section. */
  private raw = '';
  private current = '';

  constructor(private readonly add: (text: string) => void) {}

  write(chunk: string): void {
    const buf = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    let pos = 0;
    while (pos < buf.length) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        if (this.inT) this.raw += buf.slice(pos);
        return;
      }
      if (this.inT && lt > pos) this.raw += buf.slice(pos, lt);
      const next = buf.charCodeAt(lt + 1);
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        const end = this.special(buf, lt);
        if (end < 0) {
          this.carry = buf.slice(lt);
          return;
        }
        pos = end;
        continue;
      }
      const gt = tagEnd(buf, lt);
      if (gt < 0) {
        if (buf.length - lt > 1_000_000) throw new Error('tag too long');
        this.carry = buf.slice(lt);
        return;
      }
      if (next === 47) this.close(localNameAt(buf, lt + 2, gt));
      else this.open(localNameAt(buf, lt + 1, gt), buf.charCodeAt(gt - 1) === 47);
      pos = gt + 1;
    }
  }

  end(): void {
    if (this.carry.trim() !== '' || this.inSi) throw new Error('incomplete');
  }

  private special(buf: string, lt: number): number {
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.inT) {
        this.flushRaw();
        this.appendText(buf.slice(lt + 9, end));
      }
      return end + 3;
    }
    if (buf.charCodeAt(lt + 1) === 63) {
      const end = buf.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (buf.length - lt < 9) return -1;
    throw new Error('DTD or unknown declaration');
  }

  private appendText(text: string): void {
    if (this.phonetic === 0 && this.current.length < MAX_CELL_TEXT) this.current += text;
  }

  private flushRaw(): void {
    if (this.raw !== '') this.appendText(decodeXmlText(this.raw));
    this.raw = '';
  }

  private open(name: string, selfClosing: boolean): void {
    if (name === 'si') {
      this.inSi = !selfClosing;
      this.current = '';
      if (selfClosing) this.add('');
    } else if (name === 't') {
      this.inT = !selfClosing;
      this.raw = '';
    } else if (name === 'rPh' && !selfClosing) this.phonetic++;
  }

  private close(name: string): void {
    if (name === 't') {
      if (this.inT) this.flushRaw();
      this.inT = false;
    } else if (name === 'rPh') this.phonetic--;
    else if (name === 'si') {
      this.inSi = false;
      const text = this.current;
      this.add(decodeOoxmlEscapes(text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text));
    }
  }
}

export async function readSharedStrings(
  zip: ZipArchive,
  path: string | null,
  fileName: string,
  limits: ImportLimits,
): Promise<string[]> {
  if (!path) return [];
  const strings: string[] = [];
  const scanner = new SharedStringScanner((text) => {
    if (strings.length >= limits.maxSharedStrings) {
      throw importError(`文件“${fileName}”的共享字符串超过 ${limits.maxSharedStrings} 个，已停止。`);
    }
    strings.push(text);
  });
  const stream = await zip.openStream(path, limits.maxSharedStringsBytes);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) scanner.write(decoder.decode(chunk as Buffer, { stream: true }));
    scanner.write(decoder.decode());
    scanner.end();
  } catch (err) {
    stream.destroy();
    if (err instanceof Error && err.name === 'AppError') throw err;
    throw importError(`文件“${fileName}”的共享字符串部件已损坏或不完整，无法读取。`);
  }
  return strings;
}
