// Turns a worksheet's XML, fed in chunks, into rows. Only cached values are read: formulas are
// never evaluated, and a formula without a cached result is marked so it cannot pass as empty.
//
// This is the hot loop of a 200,000-row import (81 MB of XML), so instead of a general SAX parser
// it is a scanner for the handful of elements a sheet's values live in (row, c, v, f, is/t, rPh),
// built on indexOf. Everything else is skipped without being interpreted. It is deliberately
// strict where safety matters: no DTD, only the five predefined entities and character
// references; anything else is an error, never an expansion.

import { type CellValue, dateCell, errorCell, type RawRow } from '../../../shared/import/cell.ts';
import { DATE1904_OFFSET } from '../../../shared/import/normalize-date.ts';
import { importError } from '../import-error.ts';
import { decodeOoxmlEscapes } from './shared-strings-part.ts';

export interface SheetParseContext {
  fileName: string;
  strings: readonly string[];
  dateStyles: Uint8Array;
  date1904: boolean;
  maxColumns: number;
  sheetName: string;
}

const EXCEL_MAX_ROW = 1_048_576;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

/** Decodes the XML escapes of text or an attribute value; an unknown entity is an error. */
export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{1,10});/g, (_, name: string) => {
    if (name.charCodeAt(0) === 35) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw new Error(`invalid character reference &${name};`);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`undefined entity &${name};`);
    return value;
  });
}

/** The value of attribute `name` in a start tag's text (`c r="A1" s="3" t="s"`), or undefined. */
function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return undefined;
    const before = tag.charCodeAt(at - 1);
    let i = at + name.length;
    // The name must stand alone (" r=" but not " cr=" or " ref=").
    if (before === 32 || before === 9 || before === 10 || before === 13 || before === 58) {
      while (tag.charCodeAt(i) === 32) i++;
      if (tag.charCodeAt(i) === 61) {
        i++;
        while (tag.charCodeAt(i) === 32) i++;
        const quote = tag[i];
        if (quote === '"' || quote === "'") {
          const end = tag.indexOf(quote, i + 1);
          if (end < 0) return undefined;
          return decodeXmlText(tag.slice(i + 1, end));
        }
      }
    }
    from = at + name.length;
  }
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** Index of the '>' that ends the tag starting at `lt`, skipping quoted attribute values. */
export function tagEnd(buf: string, lt: number): number {
  const gt = buf.indexOf('>', lt + 1);
  if (gt < 0) return -1;
  let i = lt + 1;
  for (; i < gt; i++) {
    const c = buf.charCodeAt(i);
    if (c === 34 || c === 39) break;
  }
  if (i === gt) return gt;
  // A quoted value may contain '>': walk the quotes.
  while (i < buf.length) {
    const c = buf.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = buf.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
    if (c === 62) return i;
    i++;
  }
  return -1;
}

// The elements the scanner acts on, told apart by the characters of their local name without
// cutting a string out of the chunk for every tag (a 200,000-row sheet has six million tags).
const OTHER = 0;
const C = 1;
const V = 2;
const F = 3;
const ROW = 4;
const IS = 5;
const T = 6;
const RPH = 7;

function elementOf(buf: string, from: number, to: number): number {
  const a = buf.charCodeAt(from);
  switch (to - from) {
    case 1:
      return a === 99 ? C : a === 118 ? V : a === 102 ? F : a === 116 ? T : OTHER;
    case 2:
      return a === 105 && buf.charCodeAt(from + 1) === 115 ? IS : OTHER;
    case 3:
      if (a === 114 && buf.charCodeAt(from + 1) === 111 && buf.charCodeAt(from + 2) === 119) return ROW;
      if (a === 114 && buf.charCodeAt(from + 1) === 80 && buf.charCodeAt(from + 2) === 104) return RPH;
      return OTHER;
    default:
      return OTHER;
  }
}

export class SheetXmlParser {
  /** Rows completed since the caller last drained this array. */
  ready: RawRow[] = [];
  /** Set once a cell beyond the column limit was ignored. */
  droppedColumns = false;
  private carry = '';
  private rowNumber = 0;
  private cells: CellValue[] = [];
  private col = -1;
  private type = '';
  private style = 0;
  private value = '';
  private inValue = false;
  private hasFormula = false;
  private inInline = false;
  private inText = false;
  private phonetic = 0;
  private inlineText = '';
  private inCell = false;
  private inRow = false;
  private rowHidden = false;

  constructor(private readonly ctx: SheetParseContext) {}

  private fail(what: string): never {
    throw importError(`文件“${this.ctx.fileName}”的工作表“${this.ctx.sheetName}”内部结构有误（${what}），文件可能已损坏。`);
  }

  write(chunk: string): void {
    const buf = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        this.text(buf, pos, n);
        return;
      }
      if (lt > pos) this.text(buf, pos, lt);
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
      if (next === 99 /* c */ && buf.charCodeAt(lt + 2) === 32) {
        const end = this.commonCell(buf, lt);
        if (end >= 0) {
          pos = end;
          continue;
        }
      }
      const gt = tagEnd(buf, lt);
      if (gt < 0) {
        if (n - lt > 1_000_000) this.fail('标签过长');
        this.carry = buf.slice(lt);
        return;
      }
      if (next === 47 /* / */) {
        this.close(buf, lt + 2, gt);
        pos = gt + 1;
      } else pos = this.open(buf, lt + 1, gt);
    }
  }

  /** Comments, processing instructions and CDATA; a DOCTYPE has no place in a sheet and is refused. */
  private special(buf: string, lt: number): number {
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      const data = buf.slice(lt + 9, end);
      if (this.inValue) this.value += data;
      else if (this.inText && this.phonetic === 0) this.inlineText += data;
      return end + 3;
    }
    if (buf.charCodeAt(lt + 1) === 63) {
      const end = buf.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (buf.length - lt < 9) return -1;
    return this.fail('含有 DTD 或未知声明');
  }

  private text(buf: string, from: number, to: number): void {
    if (this.inValue) this.value += buf.slice(from, to);
    else if (this.inText && this.phonetic === 0) this.inlineText += buf.slice(from, to);
  }

  end(): void {
    if (this.carry.trim() !== '') this.fail('数据在标签中间结束');
    if (this.inCell || this.inRow) this.fail('最后一行不完整');
  }

  /** Handles a start tag; returns where scanning continues (past the element when read whole). */
  private open(buf: string, start: number, gt: number): number {
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    let nameEnd = start;
    let local = start;
    while (nameEnd < gt) {
      const c = buf.charCodeAt(nameEnd);
      if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break;
      if (c === 58) local = nameEnd + 1;
      nameEnd++;
    }
    switch (elementOf(buf, local, nameEnd)) {
      case C: {
        if (this.inCell) this.fail('单元格未结束');
        this.cellAttributes(buf, nameEnd, selfClosing ? gt - 1 : gt);
        return this.cellOpened(buf, gt, selfClosing);
      }
      case V: {
        if (selfClosing) break;
        // Fast path for the common <v>text</v>: the value is everything up to the next tag when
        // that tag is </v>; anything else (a comment, CDATA, a prefixed name) takes the general path.
        const lt = buf.indexOf('<', gt + 1);
        if (lt >= 0 && buf.charCodeAt(lt + 1) === 47 && buf.charCodeAt(lt + 2) === 118 && buf.charCodeAt(lt + 3) === 62) {
          this.value += buf.slice(gt + 1, lt);
          return lt + 4;
        }
        this.inValue = true;
        break;
      }
      case F:
        this.hasFormula = true;
        break;
      case ROW: {
        if (this.inRow) this.fail(`第 ${this.rowNumber} 行未结束`);
        const tag = buf.slice(nameEnd, gt);
        const r = attribute(tag, 'r');
        const n = r ? Number(r) : this.rowNumber + 1;
        if (!Number.isInteger(n) || n <= this.rowNumber || n > EXCEL_MAX_ROW) {
          throw importError(`文件“${this.ctx.fileName}”的工作表“${this.ctx.sheetName}”行号异常（${r ?? ''}），文件可能已损坏。`);
        }
        this.rowNumber = n;
        this.cells = [];
        this.col = -1;
        // Excel marks each row of a collapsed outline group hidden="1" as well, so this one
        // attribute covers both. The indexOf on the short tag keeps the common case to one scan.
        this.rowHidden = tag.includes('hidden') && isTrue(attribute(tag, 'hidden'));
        if (selfClosing) this.ready.push({ row: n, cells: this.cells, hidden: this.rowHidden });
        else this.inRow = true;
        break;
      }
      case IS:
        if (!selfClosing) this.inInline = true;
        break;
      case T:
        if (this.inInline && !selfClosing) this.inText = true;
        break;
      case RPH:
        if (!selfClosing) this.phonetic++;
        break;
    }
    return gt + 1;
  }

  /** After a cell's start tag (ending at `gt`); returns where scanning continues. */
  private cellOpened(buf: string, gt: number, selfClosing: boolean): number {
    this.value = '';
    this.hasFormula = false;
    this.inlineText = '';
    this.inCell = true;
    if (selfClosing) {
      this.finishCell();
      return gt + 1;
    }
    // Fast path for the common <c …><v>text</v></c>: read whole when the value is plain text
    // followed by exactly </v></c>; anything else takes the general path.
    if (buf.startsWith('<v>', gt + 1)) {
      const lt = buf.indexOf('<', gt + 4);
      if (lt >= 0 && buf.startsWith('</v></c>', lt)) {
        this.value = buf.slice(gt + 4, lt);
        this.finishCell();
        return lt + 8;
      }
    }
    return gt + 1;
  }

  /**
   * The start tag nearly every cell has, `<c r="B2" s="3" t="s">`: one-letter attributes
   * separated by single spaces, double quotes, no escapes. Read in one pass, cutting no strings but
   * an unusual type, then the cell as cellOpened reads it. Returns -1 for any other form (another
   * attribute, other white space, an entity, a tag cut by the chunk's end): the general path then
   * reads the tag from the start.
   */
  private commonCell(buf: string, lt: number): number {
    if (this.inCell) return -1;
    let i = lt + 2;
    let col = -2;
    let style = 0;
    let type = '';
    for (;;) {
      const ch = buf.charCodeAt(i);
      if (ch === 62 /* > */) break;
      if (ch !== 32 || buf.charCodeAt(i + 2) !== 61 || buf.charCodeAt(i + 3) !== 34) return -1;
      const name = buf.charCodeAt(i + 1);
      const from = i + 4;
      const close = buf.indexOf('"', from);
      if (close < 0) return -1;
      if (name === 114 /* r */) {
        // As columnIndex: the letters, then digits; a reference without letters is column -1.
        let k = from;
        let letters = 0;
        for (; k < close; k++) {
          const c = buf.charCodeAt(k);
          if (c >= 65 && c <= 90) letters = letters * 26 + (c - 64);
          else if (c >= 97 && c <= 122) letters = letters * 26 + (c - 96);
          else break;
        }
        for (; k < close; k++) {
          const c = buf.charCodeAt(k);
          if (c < 48 || c > 57) return -1;
        }
        if (close > from) col = letters - 1;
      } else if (name === 115 /* s */) {
        if (close === from) return -1;
        style = 0;
        for (let k = from; k < close; k++) {
          const c = buf.charCodeAt(k);
          if (c < 48 || c > 57) return -1;
          style = style * 10 + (c - 48);
        }
      } else if (name === 116 /* t */) {
        type = close === from + 1 && buf.charCodeAt(from) === 115 ? 's' : buf.slice(from, close);
        if (type.includes('&')) return -1;
      } else return -1;
      i = close + 1;
    }
    this.col = col === -2 ? this.col + 1 : col;
    this.type = type;
    this.style = style;
    return this.cellOpened(buf, i, false);
  }

  /** Reads r, s and t of a cell's start tag in one pass (the common, double-quoted, unescaped form). */
  private cellAttributes(buf: string, from: number, to: number): void {
    let ref: string | undefined;
    let type = '';
    let style = 0;
    let i = from;
    while (i < to) {
      const eq = buf.indexOf('=', i);
      if (eq < 0 || eq >= to) break;
      let nameEnd = eq - 1;
      while (nameEnd > i && buf.charCodeAt(nameEnd) === 32) nameEnd--;
      let k = nameEnd;
      while (k >= i && buf.charCodeAt(k) !== 32 && buf.charCodeAt(k) !== 9 && buf.charCodeAt(k) !== 10) k--;
      // One-letter names (r, s, t) are told apart by their character; longer ones may carry a prefix.
      let name = nameEnd === k + 1 ? 0 : -1;
      if (name === 0) name = buf.charCodeAt(nameEnd);
      else {
        const full = buf.slice(k + 1, nameEnd + 1);
        const colon = full.indexOf(':');
        const local = colon >= 0 ? full.slice(colon + 1) : full;
        name = local.length === 1 ? local.charCodeAt(0) : -1;
      }
      let q = eq + 1;
      while (buf.charCodeAt(q) === 32) q++;
      const quote = buf[q];
      if (quote !== '"' && quote !== "'") this.fail('属性格式错误');
      const close = buf.indexOf(quote, q + 1);
      if (close < 0 || close > to) this.fail('属性格式错误');
      if (name === 114 /* r */ || name === 115 /* s */ || name === 116 /* t */) {
        const raw = buf.slice(q + 1, close);
        const value = raw.includes('&') ? this.decode(raw) : raw;
        if (name === 114) ref = value;
        else if (name === 116) type = value;
        else style = Number(value);
      }
      i = close + 1;
    }
    this.col = ref ? columnIndex(ref) : this.col + 1;
    this.type = type;
    this.style = Number.isInteger(style) ? style : 0;
  }

  private close(buf: string, start: number, gt: number): void {
    let end = gt;
    while (end > start && buf.charCodeAt(end - 1) === 32) end--;
    let local = start;
    for (let i = start; i < end; i++) if (buf.charCodeAt(i) === 58) local = i + 1;
    switch (elementOf(buf, local, end)) {
      case V:
        this.inValue = false;
        break;
      case C:
        this.finishCell();
        break;
      case ROW:
        if (!this.inRow) this.fail('多余的行结束标记');
        this.inRow = false;
        this.ready.push({ row: this.rowNumber, cells: this.cells, hidden: this.rowHidden });
        break;
      case IS:
        this.inInline = false;
        break;
      case T:
        this.inText = false;
        break;
      case RPH:
        this.phonetic--;
        break;
    }
  }

  private finishCell(): void {
    this.inCell = false;
    this.inValue = false;
    const col = this.col;
    if (col < 0) return;
    if (col >= this.ctx.maxColumns) {
      this.droppedColumns = true;
      return;
    }
    const v = this.value;
    let value: CellValue;
    switch (this.type) {
      case 's':
        value = this.ctx.strings[Number(v)] ?? '';
        break;
      case 'str':
        value = decodeOoxmlEscapes(this.decode(v));
        break;
      case 'inlineStr':
        value = decodeOoxmlEscapes(this.decode(this.inlineText));
        break;
      case 'b':
        value = v.trim() === '1' || v.trim() === 'true';
        break;
      case 'e':
        value = errorCell(this.decode(v).trim() || '#ERROR');
        break;
      case 'd':
        value = this.decode(v);
        break;
      default: {
        if (v === '') {
          value = this.hasFormula ? errorCell('NO_CACHE') : null;
          break;
        }
        const n = Number(v);
        if (Number.isNaN(n)) value = this.decode(v);
        else if (this.ctx.dateStyles[this.style] === 1) value = dateCell(this.ctx.date1904 ? n + DATE1904_OFFSET : n);
        else value = n;
      }
    }
    if (value === null) return;
    const cells = this.cells;
    while (cells.length < col) cells.push(null);
    cells[col] = value;
  }

  private decode(raw: string): string {
    try {
      return decodeXmlText(raw);
    } catch (err) {
      return this.fail(err instanceof Error ? err.message : '字符引用错误');
    }
  }
}
