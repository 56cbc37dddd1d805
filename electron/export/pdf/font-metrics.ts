// Line metrics of an sfnt font (TTF/OTF) read and rewritten in place. pdfkit takes a face's line
// box from hhea; FandolSong-Regular ships a positive hhea.descender (lines overlap) and the Noto
// faces a 1.44 em box, so a line mixing faces would jump. Setting hhea to the OS/2 typographic
// values (880/−120 for every face we ship) gives all faces one 1 em box and a fixed line pitch.

export interface LineMetrics {
  ascender: number;
  descender: number;
  lineGap: number;
}

function tableOffset(buf: Buffer, tag: string): number | null {
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (buf.toString('latin1', rec, rec + 4) === tag) return buf.readUInt32BE(rec + 8);
  }
  return null;
}

function assertSfnt(buf: Buffer, what: string): void {
  const magic = buf.readUInt32BE(0);
  // 0x00010000 TrueType, 'OTTO' CFF, 'true' Apple TrueType. woff/woff2/ttc are refused on purpose.
  if (magic !== 0x00010000 && magic !== 0x4f54544f && magic !== 0x74727565) {
    throw new Error(`字体文件不是 TTF/OTF 格式（woff/woff2 字体嵌入后会显示为空白）：${what}`);
  }
}

export function readHheaMetrics(buf: Buffer, what = '字体'): LineMetrics {
  assertSfnt(buf, what);
  const hhea = tableOffset(buf, 'hhea');
  if (hhea === null) throw new Error(`字体缺少 hhea 表：${what}`);
  return { ascender: buf.readInt16BE(hhea + 4), descender: buf.readInt16BE(hhea + 6), lineGap: buf.readInt16BE(hhea + 8) };
}

export function readTypoMetrics(buf: Buffer, what = '字体'): LineMetrics {
  assertSfnt(buf, what);
  const os2 = tableOffset(buf, 'OS/2');
  if (os2 === null) throw new Error(`字体缺少 OS/2 表：${what}`);
  return { ascender: buf.readInt16BE(os2 + 68), descender: buf.readInt16BE(os2 + 70), lineGap: buf.readInt16BE(os2 + 72) };
}

/** Rewrites hhea ascender/descender from OS/2 typo metrics, lineGap 0; returns the same buffer. */
export function normalizeLineMetrics(buf: Buffer, what = '字体'): Buffer {
  const typo = readTypoMetrics(buf, what);
  if (typo.ascender <= 0 || typo.descender >= 0) {
    throw new Error(`字体的 OS/2 行高数据异常（上伸 ${typo.ascender}，下伸 ${typo.descender}）：${what}`);
  }
  const hhea = tableOffset(buf, 'hhea')!;
  buf.writeInt16BE(typo.ascender, hhea + 4);
  buf.writeInt16BE(typo.descender, hhea + 6);
  buf.writeInt16BE(0, hhea + 8);
  return buf;
}
