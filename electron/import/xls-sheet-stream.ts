// A BIFF5/BIFF8 Workbook stream cut down to one sheet. SheetJS parses every sheet of an .xls it is
// given (its `sheets` option only applies to .xlsx), holding all of them as cell objects: a
// workbook of four full 65,536-row sheets does not fit in the import worker's heap. The stream is
// the workbook globals followed by one substream per sheet, each found through the position its
// BoundSheet8 record gives; rebuilding it with every other sheet reduced to its BOF and EOF records
// (positions in BoundSheet8 adjusted) lets SheetJS see the whole sheet list while parsing and
// holding the cells of one sheet only.
//
// A sheet's cells are cut further into bands of rows: SheetJS holds every cell as an object of a
// few hundred bytes (≈4.7 KB per 10-column row), so even one full 65,536-row sheet would take
// 300 MB. A band keeps the sheet's other records and, of the records that belong to a row (cells,
// ROW, NOTE, with their CONTINUE, STRING and shared-formula followers), those of its rows.
//
// Anything unexpected (an encrypted stream, a position outside the stream, a substream without its
// EOF) makes `sheetLayout` return null: the caller then reads the file whole, as before, so a
// damaged file fails with the same message as ever.

const BOF = 0x0809;
const EOF = 0x000a;
const BOUND_SHEET = 0x0085;
const FILE_PASS = 0x002f;
/** BOF record types of older BIFF versions, which may begin nested substreams too. */
const OLD_BOFS = new Set([0x0009, 0x0209, 0x0409]);
/**
 * Records whose body starts with the 0-based row they belong to: FORMULA, NOTE, MULRK, MULBLANK,
 * RSTRING, LABELSST, BLANK, NUMBER, LABEL, BOOLERR, ROW, RK.
 */
const ROW_RECORDS = new Set([0x0006, 0x001c, 0x00bd, 0x00be, 0x00d6, 0x00fd, 0x0201, 0x0203, 0x0204, 0x0205, 0x0208, 0x027e]);
/** Records that belong to the record before them: CONTINUE, STRING (a formula's text), SHRFMLA, ARRAY, TABLE. */
const FOLLOWERS = new Set([0x003c, 0x0207, 0x04bc, 0x0221, 0x0236]);

/** Rows [from, to) of a sheet, 0-based. */
export interface RowBand {
  from: number;
  to: number;
}

export interface SheetSpan {
  /** Offset of the sheet's BoundSheet8 record in the globals. */
  boundSheetAt: number;
  /** The substream: from its BOF record up to and including its EOF record. */
  start: number;
  end: number;
  /** Length of the substream's BOF record (header included). */
  bofLength: number;
  /** hsState of BoundSheet8: hidden or very hidden. */
  hidden: boolean;
}

export interface SheetLayout {
  /** End of the globals substream (after its EOF record). */
  globalsEnd: number;
  sheets: SheetSpan[];
}

function recordAt(stream: Buffer, at: number): { type: number; length: number } | null {
  if (at + 4 > stream.length) return null;
  const type = stream.readUInt16LE(at);
  const length = stream.readUInt16LE(at + 2);
  if (at + 4 + length > stream.length) return null;
  return { type, length };
}

/** Where a substream starting with a BOF record at `start` ends (after its EOF), or -1. */
function substreamEnd(stream: Buffer, start: number): number {
  let depth = 0;
  let at = start;
  for (;;) {
    const r = recordAt(stream, at);
    if (!r) return -1;
    if (at === start && r.type !== BOF) return -1;
    if (r.type === BOF || OLD_BOFS.has(r.type)) depth++;
    at += 4 + r.length;
    if (r.type === EOF && --depth === 0) return at;
  }
}

/** The globals and each sheet's substream, in sheet order; null when the stream is not a plain BIFF5/8 workbook. */
export function sheetLayout(bytes: Uint8Array): SheetLayout | null {
  const stream = asBuffer(bytes);
  const first = recordAt(stream, 0);
  if (!first || first.type !== BOF || first.length < 4) return null;
  // BOF's first field is the BIFF version: 0x0500 (BIFF5) or 0x0600 (BIFF8).
  const version = stream.readUInt16LE(4);
  if (version !== 0x0500 && version !== 0x0600) return null;
  const bound: number[] = [];
  let at = 0;
  let globalsEnd = -1;
  while (globalsEnd < 0) {
    const r = recordAt(stream, at);
    if (!r) return null;
    if (r.type === FILE_PASS) return null;
    if (r.type === BOUND_SHEET) {
      if (r.length < 6) return null;
      bound.push(at);
    }
    at += 4 + r.length;
    if (r.type === EOF) globalsEnd = at;
  }
  if (bound.length === 0) return null;
  const sheets: SheetSpan[] = [];
  for (const boundSheetAt of bound) {
    const start = stream.readUInt32LE(boundSheetAt + 4);
    if (start < globalsEnd) return null;
    const end = substreamEnd(stream, start);
    const bof = recordAt(stream, start);
    if (end < 0 || !bof) return null;
    if (sheets.some((s) => start < s.end && s.start < end)) return null;
    // hsState, the low two bits after lbPlyPos: 0 visible, 1 hidden, 2 very hidden.
    const hidden = (stream.readUInt8(boundSheetAt + 8) & 0x03) !== 0;
    sheets.push({ boundSheetAt, start, end, bofLength: 4 + bof.length, hidden });
  }
  return { globalsEnd, sheets };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Calls `visit` for each record of a sheet's substream with the row it belongs to (-1: not a row's,
 * kept in every band). Records of nested substreams (an embedded chart) belong to no row.
 */
function eachRecord(stream: Buffer, span: SheetSpan, visit: (at: number, size: number, row: number) => void): void {
  let at = span.start;
  let depth = 0;
  let row = -1;
  while (at < span.end) {
    const type = stream.readUInt16LE(at);
    const size = 4 + stream.readUInt16LE(at + 2);
    if (type === BOF || OLD_BOFS.has(type)) depth++;
    if (depth === 1 && ROW_RECORDS.has(type) && size >= 6) row = stream.readUInt16LE(at + 4);
    else if (depth !== 1 || !FOLLOWERS.has(type)) row = -1;
    if (type === EOF) depth--;
    visit(at, size, row);
    at += size;
  }
}

/** Rows the sheet spans: one more than the last row any cell or ROW record names. */
export function sheetRowCount(bytes: Uint8Array, span: SheetSpan): number {
  let last = -1;
  eachRecord(asBuffer(bytes), span, (_at, _size, row) => {
    if (row > last) last = row;
  });
  return last + 1;
}

/** A sheet's substream with only the row records of `band` (and every record that is no row's). */
function bandOf(stream: Buffer, span: SheetSpan, band: RowBand): Buffer {
  const parts: Buffer[] = [];
  let runStart = -1;
  let runEnd = -1;
  eachRecord(stream, span, (at, size, row) => {
    const keep = row < 0 || (row >= band.from && row < band.to);
    if (!keep) return;
    if (at === runEnd) runEnd += size;
    else {
      if (runStart >= 0) parts.push(stream.subarray(runStart, runEnd));
      runStart = at;
      runEnd = at + size;
    }
  });
  if (runStart >= 0) parts.push(stream.subarray(runStart, runEnd));
  return Buffer.concat(parts);
}

/**
 * The stream with every sheet but `keep` emptied (its BOF and an EOF); `keep` null empties all of
 * them, for reading the sheet names and the workbook's date system cheaply. (SheetJS lists an
 * emptied sheet's visibility nowhere: it comes from the layout.)
 */
export function streamWithOnly(bytes: Uint8Array, layout: SheetLayout, keep: number | null, band?: RowBand): Buffer {
  const stream = asBuffer(bytes);
  const kept = keep === null ? null : layout.sheets[keep];
  const body = kept ? (band ? bandOf(stream, kept, band) : stream.subarray(kept.start, kept.end)) : null;
  const sizes = layout.sheets.map((s, i) => (i === keep && body ? body.length : s.bofLength + 4));
  const out = Buffer.alloc(layout.globalsEnd + sizes.reduce((a, b) => a + b, 0));
  out.set(stream.subarray(0, layout.globalsEnd), 0);
  let at = layout.globalsEnd;
  layout.sheets.forEach((s, i) => {
    out.writeUInt32LE(at, s.boundSheetAt + 4);
    if (i === keep && body) {
      out.set(body, at);
    } else {
      out.set(stream.subarray(s.start, s.start + s.bofLength), at);
      // An EOF record: type 0x000A, length 0 (the bytes after it are already zero).
      out.writeUInt16LE(EOF, at + s.bofLength);
    }
    at += sizes[i] as number;
  });
  return out;
}
