// A structural check of an OLE2 (Compound File Binary) container before SheetJS sees it. SheetJS
// trusts the container: a damaged .xls can keep it busy until the worker's time cap, or fail with
// an English message. Walking the header, the sector allocation table (FAT), the directory and
// the workbook stream's sector chain costs a few milliseconds, catches truncated and scrambled
// files at once, and names what is wrong. It also refuses password-protected, macro and non-Excel
// Office files by their stream names. [MS-CFB] §2, [MS-XLS] §2.4.21 (BOF).

import { importError } from './import-error.ts';

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;
const STREAM = 2;
const ROOT = 5;
const BOF_BIFF5_8 = 0x0809;
const EOF_RECORD = 0x000a;

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

/** What is wrong, in words for the user; caught below and turned into the file's message. */
class Damage extends Error {}

class Container {
  readonly sectorSize: number;
  readonly sectorCount: number;
  readonly fat: Uint32Array;
  readonly entries: Entry[];
  private readonly miniCutoff: number;
  private readonly miniFatStart: number;
  private readonly miniFatSectors: number;

  constructor(private readonly buf: Buffer) {
    if (buf.length < 512) throw new Damage(`文件只有 ${buf.length} 字节，文件头不完整`);
    const major = buf.readUInt16LE(0x1a);
    const shift = buf.readUInt16LE(0x1e);
    if (buf.readUInt16LE(0x1c) !== 0xfffe) throw new Damage('文件头的字节序标记错误');
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) {
      throw new Damage(`文件头的版本或扇区大小异常（版本 ${major}，扇区 2^${shift} 字节）`);
    }
    if (buf.readUInt16LE(0x20) !== 6) throw new Damage('文件头的小扇区大小异常');
    this.sectorSize = 1 << shift;
    if (buf.length < this.sectorSize) throw new Damage(`文件只有 ${buf.length} 字节，文件头不完整`);
    this.sectorCount = Math.ceil((buf.length - this.sectorSize) / this.sectorSize);
    this.miniCutoff = buf.readUInt32LE(0x38);
    this.miniFatStart = buf.readUInt32LE(0x3c);
    this.miniFatSectors = buf.readUInt32LE(0x40);
    this.fat = this.readFat();
    this.entries = this.readDirectory();
  }

  /** The byte offset of a sector, checked to lie wholly (or, for a stream's tail, `need` bytes) in the file. */
  private sectorOffset(sector: number, what: string, need = this.sectorSize): number {
    const offset = (sector + 1) * this.sectorSize;
    if (sector > MAX_REGULAR_SECTOR || offset + need > this.buf.length) {
      throw new Damage(
        offset >= this.buf.length
          ? `${what}指向第 ${sector} 扇区，超出文件末尾（文件只有 ${this.buf.length} 字节，可能被截断）`
          : `${what}的第 ${sector} 扇区不完整（文件可能被截断）`,
      );
    }
    return offset;
  }

  private readFat(): Uint32Array {
    const buf = this.buf;
    const fatSectors = buf.readUInt32LE(0x2c);
    // One FAT sector maps sectorSize / 4 sectors; twice what the file needs (plus a little) is
    // generous, and keeps a lying header from making the check allocate far more than the file.
    const needed = Math.ceil(this.sectorCount / (this.sectorSize / 4));
    if (fatSectors === 0 || fatSectors > 2 * needed + 8) {
      throw new Damage(`扇区分配表（FAT）的扇区数异常（${fatSectors}，文件共 ${this.sectorCount} 个扇区）`);
    }
    const locations: number[] = [];
    for (let i = 0; i < Math.min(fatSectors, HEADER_DIFAT_ENTRIES); i++) locations.push(buf.readUInt32LE(0x4c + i * 4));
    let difat = buf.readUInt32LE(0x44);
    const perDifat = this.sectorSize / 4 - 1;
    const seen = new Set<number>();
    while (locations.length < fatSectors) {
      if (difat === END_OF_CHAIN || difat === FREE_SECTOR) throw new Damage('扇区分配表（FAT）的索引链提前结束');
      if (seen.has(difat)) throw new Damage('扇区分配表（FAT）的索引链有循环');
      seen.add(difat);
      const offset = this.sectorOffset(difat, '扇区分配表索引');
      for (let i = 0; i < perDifat && locations.length < fatSectors; i++) locations.push(buf.readUInt32LE(offset + i * 4));
      difat = buf.readUInt32LE(offset + perDifat * 4);
    }
    const perSector = this.sectorSize / 4;
    const fat = new Uint32Array(fatSectors * perSector);
    for (let s = 0; s < locations.length; s++) {
      const offset = this.sectorOffset(locations[s] as number, '扇区分配表（FAT）');
      for (let i = 0; i < perSector; i++) fat[s * perSector + i] = buf.readUInt32LE(offset + i * 4);
    }
    return fat;
  }

  /**
   * The sectors of a chain, in order. `count` bounds the walk (a stream needs exactly so many);
   * without it the chain runs to its end mark. A sector met twice is a loop, not a longer stream.
   */
  chain(start: number, what: string, table: Uint32Array, limit: number, count?: number): number[] {
    const sectors: number[] = [];
    const seen = new Uint8Array(limit);
    let s = start;
    while (count === undefined || sectors.length < count) {
      if (s === END_OF_CHAIN) {
        if (count === undefined) break;
        throw new Damage(`${what}的扇区链比声明的长度短（${sectors.length} / ${count} 个扇区）`);
      }
      if (s >= limit || s >= table.length) throw new Damage(`${what}的扇区链指向不存在的扇区 ${s}（文件可能被截断或已损坏）`);
      if (seen[s]) throw new Damage(`${what}的扇区链有循环（扇区 ${s}）`);
      seen[s] = 1;
      sectors.push(s);
      s = table[s] as number;
    }
    return sectors;
  }

  private readDirectory(): Entry[] {
    const start = this.buf.readUInt32LE(0x30);
    const sectors = this.chain(start, '目录', this.fat, this.sectorCount);
    if (sectors.length === 0) throw new Damage('目录为空');
    const entries: Entry[] = [];
    const major = this.buf.readUInt16LE(0x1a);
    for (const sector of sectors) {
      const offset = this.sectorOffset(sector, '目录');
      for (let at = offset; at < offset + this.sectorSize; at += DIRECTORY_ENTRY_BYTES) {
        const nameBytes = Math.min(this.buf.readUInt16LE(at + 0x40), 64);
        const type = this.buf[at + 0x42] ?? 0;
        const low = this.buf.readUInt32LE(at + 0x78);
        // Version 3 files may leave garbage in the size's high half ([MS-CFB] §2.6.1).
        const high = major === 4 ? this.buf.readUInt32LE(at + 0x7c) : 0;
        entries.push({
          name: this.buf.toString('utf16le', at, at + Math.max(0, nameBytes - 2)),
          type,
          start: this.buf.readUInt32LE(at + 0x74),
          size: high * 2 ** 32 + low,
        });
      }
    }
    if (entries[0]?.type !== ROOT) throw new Damage('目录的根条目缺失或损坏');
    return entries;
  }

  /** A stream's bytes: from the mini stream when it is small, else from regular sectors. */
  stream(entry: Entry, what: string): Buffer {
    if (entry.size > this.buf.length) {
      throw new Damage(`${what}声明的长度 ${entry.size} 字节超过整个文件（${this.buf.length} 字节），文件可能被截断`);
    }
    return entry.size < this.miniCutoff ? this.miniStream(entry, what) : this.regularStream(entry, what);
  }

  private regularStream(entry: Entry, what: string): Buffer {
    const size = this.sectorSize;
    const sectors = this.chain(entry.start, what, this.fat, this.sectorCount, Math.ceil(entry.size / size));
    const out = Buffer.allocUnsafe(entry.size);
    sectors.forEach((sector, i) => {
      const need = Math.min(size, entry.size - i * size);
      const offset = this.sectorOffset(sector, what, need);
      this.buf.copy(out, i * size, offset, offset + need);
    });
    return out;
  }

  private miniStream(entry: Entry, what: string): Buffer {
    // The mini stream lives in regular sectors, chained from the root entry, whatever its size.
    const root = this.entries[0] as Entry;
    if (root.size > this.buf.length) throw new Damage('小扇区数据区的长度超过整个文件');
    const container = this.regularStream(root, '小扇区数据区');
    const fatSectors = this.chain(this.miniFatStart, '小扇区分配表', this.fat, this.sectorCount, this.miniFatSectors);
    const miniFat = new Uint32Array(fatSectors.length * (this.sectorSize / 4));
    fatSectors.forEach((sector, s) => {
      const offset = this.sectorOffset(sector, '小扇区分配表');
      for (let i = 0; i < this.sectorSize / 4; i++) miniFat[s * (this.sectorSize / 4) + i] = this.buf.readUInt32LE(offset + i * 4);
    });
    const sectors = this.chain(entry.start, what, miniFat, Math.floor(container.length / 64), Math.ceil(entry.size / 64));
    const out = Buffer.allocUnsafe(entry.size);
    sectors.forEach((sector, i) => {
      container.copy(out, i * 64, sector * 64, sector * 64 + Math.min(64, entry.size - i * 64));
    });
    return out;
  }
}

/** Damage in the workbook stream's record layout: where the BIFF records stop making sense. */
function checkBiff(stream: Buffer, name: string): void {
  if (stream.length < 8) throw new Damage(`${name} 数据流只有 ${stream.length} 字节`);
  const type = stream.readUInt16LE(0);
  const length = stream.readUInt16LE(2);
  if (type !== BOF_BIFF5_8 || length < 4 || length > 20) {
    throw new Damage(`${name} 数据流不是 Excel 工作表数据（开头不是 BIFF 起始记录）`);
  }
  // The records must tile the stream: substream after substream (BOF … EOF), up to the last EOF.
  // What follows the last EOF (anything but another BOF) is padding and is not read.
  let pos = 0;
  let depth = 0;
  while (pos + 4 <= stream.length) {
    const t = stream.readUInt16LE(pos);
    const len = stream.readUInt16LE(pos + 2);
    const bof = t === BOF_BIFF5_8 || t === 0x0009 || t === 0x0209 || t === 0x0409;
    if (depth === 0 && pos > 0 && !bof) return;
    if (pos + 4 + len > stream.length) {
      throw new Damage(`${name} 数据流第 ${pos} 字节处的记录超出数据流末尾（文件可能被截断或已损坏）`);
    }
    if (bof) depth++;
    else if (t === EOF_RECORD) depth--;
    if (depth < 0) throw new Damage(`${name} 数据流第 ${pos} 字节处有多余的结束记录`);
    pos += 4 + len;
  }
  if (depth > 0) throw new Damage(`${name} 数据流没有结束记录（文件可能被截断）`);
}

/**
 * Refuses an OLE2 file that is damaged, encrypted, holds macros, or is not an Excel workbook;
 * returns normally for a container SheetJS can be given.
 */
export function checkOle2(buffer: Buffer, fileName: string): void {
  if (!buffer.subarray(0, 8).equals(SIGNATURE)) throw importError(`文件“${fileName}”不是 Office 97–2003 文件（文件头标记错误）。`);
  let container: Container;
  try {
    container = new Container(buffer);
  } catch (err) {
    if (err instanceof Damage) throw damaged(fileName, err.message);
    throw err;
  }
  const named = container.entries.filter((e) => e.type === 1 || e.type === STREAM);
  const names = new Set(named.map((e) => e.name));
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) {
    throw importError(`文件“${fileName}”有密码保护，无法读取。请先在 Excel 中打开，取消密码后另存，再导入。`);
  }
  if (names.has('_VBA_PROJECT_CUR') || names.has('VBA') || names.has('_VBA_PROJECT')) {
    throw importError(`文件“${fileName}”包含宏（VBA）。为安全起见不导入宏文件，请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再导入。`);
  }
  // As SheetJS does: "Workbook" (BIFF8) before "Book" (BIFF5), whatever the letter case.
  const stream = (name: string) => named.find((e) => e.type === STREAM && e.name.toLowerCase() === name);
  const workbook = stream('workbook') ?? stream('book');
  if (!workbook) {
    if (names.has('WordDocument')) throw importError(`文件“${fileName}”是 Word 文档，不是电子表格。`);
    if (names.has('PowerPoint Document')) throw importError(`文件“${fileName}”是 PowerPoint 演示文稿，不是电子表格。`);
    throw importError(`文件“${fileName}”是 Office 文件，但其中没有 Excel 工作簿数据（Workbook 数据流），可能不是 Excel 文件或已损坏。`);
  }
  try {
    checkBiff(container.stream(workbook, `${workbook.name} 数据流`), workbook.name);
  } catch (err) {
    if (err instanceof Damage) throw damaged(fileName, err.message);
    throw err;
  }
}

function damaged(fileName: string, what: string): Error {
  return importError(`文件“${fileName}”的 Office 文件结构已损坏或不完整：${what}。请重新导出，或在 Excel 中打开后另存，再导入。`);
}
