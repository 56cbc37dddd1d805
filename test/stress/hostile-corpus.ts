// The mutation fuzzer's inputs (issue #7 §8, reliability-notes §5.2), generated at test time from
// a seeded PRNG: well-formed ledger and budget workbooks (.xlsx written by exceljs and by hand,
// BIFF8 .xls, GBK / UTF-8 CSV, UTF-16LE TSV, HTML-as-xls, SpreadsheetML) are mutated — at the byte
// level, or unzipped, edited as XML and re-zipped so CRCs pass and the damage reaches the parser:
// truncations, byte flips, lying <dimension>, far cells (XFD1048576), shared-string bombs, entity
// DTDs (billion laughs, external entities), zip bombs, deep nesting, huge rows and cells, wrong
// content types, missing and duplicated parts, OLE2 garbage, encoding chaos. No binary is stored.

import { inflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeZip, type ZipPart } from '../fixtures/spreadsheets/zip-writer.ts';
import { budgetRows, ledgerRows, type SheetRows, toCsv, toXls, toXlsx } from './generated-sheets.ts';

export interface FuzzInput {
  /** Seed and mutations, e.g. "xlsx-exceljs/ledger+dimension-lie+byte-flip". */
  label: string;
  target: 'ledger' | 'budget';
  ext: string;
  bytes: Buffer;
}

/** Deterministic PRNG (mulberry32) so a failing input can be regenerated from the seed. */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(this.next() * 256);
    return b;
  }
}

// --- zip parts -------------------------------------------------------------------------------

interface Part {
  name: string;
  data: Buffer;
}

/** Reads the parts of a well-formed zip (our own seeds only), via the central directory. */
export function unzipParts(zip: Buffer): Part[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('seed is not a zip');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(dataStart, dataStart + compressed);
    parts.push({ name, data: method === 8 ? inflateRawSync(body) : Buffer.from(body) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

function rezip(parts: Part[], rng: Rng): Buffer {
  return writeZip(parts.map((p): ZipPart => ({ name: p.name, data: p.data, store: rng.chance(0.1) })));
}

// --- seeds -----------------------------------------------------------------------------------

type SeedKind = 'zip' | 'ole2' | 'text' | 'markup';

interface Seed {
  name: string;
  kind: SeedKind;
  target: 'ledger' | 'budget';
  ext: string;
  bytes: Buffer;
  parts?: Part[];
}

async function exceljsXlsx(rows: SheetRows, date1904: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('明细');
  ws.mergeCells(1, 1, 1, 6);
  for (const r of rows) ws.addRow(r);
  ws.addRow(['合计']);
  ws.addRow(['制表人：张三', null, '复核：李四']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function htmlTable(rows: SheetRows): string {
  const esc = (v: unknown) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<html><head><meta charset="utf-8"></head><body><table border="1">\n${trs}\n</table></body></html>`;
}

function spreadsheetMl(rows: SheetRows): string {
  const esc = (v: unknown) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = rows
    .map(
      (r) =>
        `<Row>${r.map((c) => (typeof c === 'number' ? `<Cell><Data ss:Type="Number">${c}</Data></Cell>` : `<Cell><Data ss:Type="String">${esc(c)}</Data></Cell>`)).join('')}</Row>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="明细"><Table>\n${body}\n</Table></Worksheet></Workbook>`;
}

function tsvUtf16(rows: SheetRows): Buffer {
  const text = rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join('\t')).join('\r\n');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

export async function buildSeeds(): Promise<Seed[]> {
  const seeds: Seed[] = [];
  for (const target of ['ledger', 'budget'] as const) {
    const rows = target === 'ledger' ? ledgerRows('Z', 25, { projects: true }) : budgetRows('Z', 12);
    const withParts = (name: string, bytes: Buffer): Seed => ({ name, kind: 'zip', target, ext: 'xlsx', bytes, parts: unzipParts(bytes) });
    seeds.push(withParts('xlsx-exceljs', await exceljsXlsx(rows, false)));
    seeds.push(withParts('xlsx-exceljs-1904', await exceljsXlsx(rows, true)));
    seeds.push(withParts('xlsx-hand', toXlsx(rows)));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '明细');
    seeds.push(withParts('xlsx-sheetjs', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
    seeds.push({ name: 'xls-biff8', kind: 'ole2', target, ext: 'xls', bytes: toXls(rows) });
    seeds.push({ name: 'csv-gbk', kind: 'text', target, ext: 'csv', bytes: iconv.encode(toCsv(rows), 'gbk') });
    seeds.push({ name: 'csv-utf8-bom', kind: 'text', target, ext: 'csv', bytes: Buffer.from(`\ufeff${toCsv(rows)}`, 'utf8') });
    seeds.push({ name: 'tsv-utf16le', kind: 'text', target, ext: 'txt', bytes: tsvUtf16(rows) });
    seeds.push({ name: 'html-xls', kind: 'markup', target, ext: 'xls', bytes: Buffer.from(htmlTable(rows), 'utf8') });
    seeds.push({ name: 'xml2003-xls', kind: 'markup', target, ext: 'xls', bytes: Buffer.from(spreadsheetMl(rows), 'utf8') });
  }
  return seeds;
}

// --- mutations -------------------------------------------------------------------------------

const BILLION_LAUGHS = `<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>`;
const FAR_REFS = ['XFD1048576', 'XFD1', 'A1048576', 'ZZZZ1', 'A0', 'A-1', 'A99999999999', '', 'a1', '1A', 'XFE1', 'A1048577'];
const CELL_TYPES = ['s', 'str', 'inlineStr', 'b', 'e', 'n', 'd', 'z', ''];
const VALUES = ['NaN', '1e308', '-1e308', '-0', '', '99999999999999999999999', '0x10', '1,5', 'Infinity', '4294967296', '-1', '2.5e-320', '&amp;', '45000.75'];
const CONTENT_TYPES = [
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'text/plain',
  '',
];

function textOf(p: Part): string {
  return p.data.toString('utf8');
}

function setText(p: Part, s: string): void {
  p.data = Buffer.from(s, 'utf8');
}

function sheetPart(parts: Part[]): Part | undefined {
  return parts.find((p) => /worksheets\/sheet\d*\.xml$/.test(p.name));
}

function insertInSheetData(xml: string, snippet: string, rng: Rng): string {
  const open = xml.indexOf('<sheetData>');
  if (open < 0) return xml.replace('</worksheet>', `<sheetData>${snippet}</sheetData></worksheet>`);
  const at = rng.chance(0.5) ? open + '<sheetData>'.length : xml.lastIndexOf('</sheetData>');
  return at < 0 ? xml : xml.slice(0, at) + snippet + xml.slice(at);
}

type PartMutation = (parts: Part[], rng: Rng) => Part[];

/** XML-level mutations of an unzipped workbook (re-zipped afterwards, so CRCs match). */
const PART_MUTATIONS: Record<string, PartMutation> = {
  'part-truncate': (parts, rng) => {
    const p = rng.pick(parts);
    p.data = p.data.subarray(0, rng.int(0, p.data.length));
    return parts;
  },
  'part-byte-flip': (parts, rng) => {
    const p = rng.pick(parts);
    const b = Buffer.from(p.data);
    for (let i = rng.int(1, 8); i > 0 && b.length > 0; i--) b[rng.int(0, b.length - 1)] = rng.int(0, 255);
    p.data = b;
    return parts;
  },
  'dimension-lie': (parts, rng) => {
    const s = sheetPart(parts);
    if (!s) return parts;
    const ref = rng.pick(['A1:XFD1048576', 'A1:A1', 'A1:ZZ999999', 'B2', 'XFD1048576', 'A1:A0']);
    const xml = textOf(s).replace(/<dimension[^>]*\/>/, '');
    setText(s, xml.replace(/(<worksheet[^>]*>)/, `$1<dimension ref="${ref}"/>`));
    return parts;
  },
  'far-cell': (parts, rng) => {
    const s = sheetPart(parts);
    if (!s) return parts;
    const ref = rng.pick(FAR_REFS);
    const row = /\d+$/.exec(ref)?.[0] ?? String(rng.int(1, 2_000_000));
    setText(s, insertInSheetData(textOf(s), `<row r="${row}"><c r="${ref}" t="inlineStr"><is><t>远</t></is></c></row>`, rng));
    return parts;
  },
  'shared-string-bomb': (parts, rng) => {
    const s = sheetPart(parts);
    if (!s) return parts;
    const big = '账'.repeat(rng.int(1, 6) * 100_000);
    const cells = rng.int(500, 12_000);
    const rows: string[] = [];
    for (let r = 0; r < cells / 10; r++) {
      const cs: string[] = [];
      for (let c = 0; c < 10; c++) cs.push(`<c t="s"><v>0</v></c>`);
      rows.push(`<row r="${r + 3}">${cs.join('')}</row>`);
    }
    setText(s, insertInSheetData(textOf(s).replace(/<row r="([3-9]|\d\d+)".*?<\/row>/g, ''), rows.join(''), rng));
    const sst = parts.find((p) => /sharedStrings\.xml$/.test(p.name));
    const body = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${cells}" uniqueCount="1"><si><t>${big}</t></si></sst>`;
    if (sst) setText(sst, body);
    else parts.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(body) });
    return parts;
  },
  'entity-dtd': (parts, rng) => {
    const p = rng.pick(parts.filter((x) => x.name.endsWith('.xml') || x.name.endsWith('.rels')));
    if (!p) return parts;
    const xml = textOf(p).replace(/^<\?xml[^>]*\?>\s*/, '');
    const withRefs = xml.replace(/<t>([^<]*)<\/t>/, '<t>$1&lol4;&xxe;&net;</t>').replace(/<v>([^<]*)<\/v>/, '<v>&lol4;</v>');
    setText(p, `<?xml version="1.0"?>\n${BILLION_LAUGHS}\n${withRefs}`);
    return parts;
  },
  'deep-nesting': (parts, rng) => {
    const s = sheetPart(parts) ?? rng.pick(parts);
    const depth = rng.pick([1000, 10_000, 100_000, 500_000]);
    const tag = rng.pick(['x', 'row', 'c', 'is', 'r']);
    const snippet = `<${tag}>`.repeat(depth) + (rng.chance(0.5) ? `</${tag}>`.repeat(depth) : '');
    setText(s, insertInSheetData(textOf(s), snippet, rng));
    return parts;
  },
  'huge-row': (parts, rng) => {
    const s = sheetPart(parts);
    if (!s) return parts;
    const cols = rng.pick([300, 2000, 16_384, 40_000]);
    const cs: string[] = [];
    for (let c = 0; c < cols; c++) cs.push(`<c t="inlineStr"><is><t>列${c}</t></is></c>`);
    setText(s, insertInSheetData(textOf(s), `<row r="${rng.int(2, 40)}">${cs.join('')}</row>`, rng));
    return parts;
  },
  'huge-cell': (parts, rng) => {
    const s = sheetPart(parts);
    if (!s) return parts;
    const text = '款'.repeat(rng.pick([40_000, 400_000, 3_000_000]));
    setText(s, insertInSheetData(textOf(s), `<row r="3"><c r="B3" t="inlineStr"><is><t>${text}</t></is></c></row>`, rng));
    return parts;
  },
  'content-types': (parts, rng) => {
    const ct = parts.find((p) => p.name === '[Content_Types].xml');
    if (!ct || rng.chance(0.3)) return parts.filter((p) => p !== ct);
    setText(ct, textOf(ct).replace(/ContentType="[^"]*sheet\.main\+xml"/, `ContentType="${rng.pick(CONTENT_TYPES)}"`).replace(/<Override PartName="\/xl\/worksheets[^>]*\/>/, ''));
    return parts;
  },
  'drop-part': (parts, rng) => {
    const victim = rng.pick(parts);
    return parts.filter((p) => p !== victim);
  },
  'duplicate-part': (parts, rng) => {
    const p = rng.pick(parts);
    return [...parts, { name: p.name, data: rng.chance(0.5) ? p.data : rng.bytes(64) }];
  },
  'rename-part': (parts, rng) => {
    const p = rng.pick(parts);
    p.name = rng.pick([p.name.toUpperCase(), `../../${p.name}`, `/${p.name}`, `${p.name}\u0000.txt`, p.name.replace('xl/', 'xl\\'), '']);
    return parts;
  },
  'attr-chaos': (parts, rng) => {
    const s = sheetPart(parts);
    if (!s) return parts;
    let n = 0;
    const xml = textOf(s)
      .replace(/ r="[A-Z]+\d+"/g, (m) => (rng.chance(0.2) && ++n ? ` r="${rng.pick(FAR_REFS)}"` : m))
      .replace(/ t="\w*"/g, (m) => (rng.chance(0.2) ? ` t="${rng.pick(CELL_TYPES)}"` : m))
      .replace(/ s="\d+"/g, (m) => (rng.chance(0.2) ? ` s="${rng.pick(['999999', '-1', 'x', ''])}"` : m))
      .replace(/<row r="\d+"/g, (m) => (rng.chance(0.1) ? `<row r="${rng.pick(['0', '-5', '1', '1048577', 'x', '3'])}"` : m));
    setText(s, xml);
    return parts;
  },
  'value-chaos': (parts, rng) => {
    const s = sheetPart(parts);
    if (!s) return parts;
    setText(s, textOf(s).replace(/<v>[^<]*<\/v>/g, (m) => (rng.chance(0.3) ? `<v>${rng.pick(VALUES)}</v>` : m)));
    return parts;
  },
  'workbook-chaos': (parts, rng) => {
    const wb = parts.find((p) => /xl\/workbook\.xml$/.test(p.name));
    if (!wb) return parts;
    const sheets: string[] = [];
    const count = rng.pick([2, 50, 300]);
    for (let i = 0; i < count; i++) sheets.push(`<sheet name="${rng.chance(0.5) ? '明细' : `S${i}`}" sheetId="${i + 2}" r:id="rId${rng.int(1, 9)}"/>`);
    let xml = textOf(wb).replace('</sheets>', `${sheets.join('')}</sheets>`);
    if (rng.chance(0.5)) xml = xml.replace(/<workbookPr[^>]*\/>|(<workbook[^>]*>)/, (_m, open) => (open ? `${open}<workbookPr date1904="1"/>` : '<workbookPr date1904="true"/>'));
    setText(wb, xml);
    return parts;
  },
  macro: (parts) => [...parts, { name: 'xl/vbaProject.bin', data: Buffer.alloc(512, 7) }],
};

/** Byte-level mutations of any file. */
const BYTE_MUTATIONS: Record<string, (b: Buffer, rng: Rng) => Buffer> = {
  truncate: (b, rng) => b.subarray(0, rng.int(0, b.length)),
  'byte-flip': (b, rng) => {
    const out = Buffer.from(b);
    for (let i = rng.int(1, 32); i > 0 && out.length > 0; i--) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
    return out;
  },
  'insert-junk': (b, rng) => {
    const at = rng.int(0, b.length);
    return Buffer.concat([b.subarray(0, at), rng.bytes(rng.int(1, 4096)), b.subarray(at)]);
  },
  'repeat-chunk': (b, rng) => {
    const at = rng.int(0, Math.max(0, b.length - 1));
    const chunk = b.subarray(at, at + rng.int(1, 512));
    return Buffer.concat([b.subarray(0, at), ...Array.from({ length: rng.int(2, 2000) }, () => chunk), b.subarray(at)]);
  },
  'zero-range': (b, rng) => {
    const out = Buffer.from(b);
    const at = rng.int(0, out.length);
    out.fill(0, at, Math.min(out.length, at + rng.int(1, 2048)));
    return out;
  },
  'swap-halves': (b) => Buffer.concat([b.subarray(b.length >> 1), b.subarray(0, b.length >> 1)]),
};

/** Mutations of decoded text files and markup. */
const TEXT_MUTATIONS: Record<string, (s: string, rng: Rng) => string> = {
  'unbalanced-quote': (s, rng) => {
    const at = rng.int(0, s.length);
    return `${s.slice(0, at)}"${s.slice(at)}`;
  },
  'huge-field': (s, rng) => s.replace(/\n/, `,"${'字'.repeat(rng.pick([40_000, 1_000_000]))}"\n`),
  'many-columns': (s, rng) => s.replace(/\n/, `${','.repeat(rng.pick([300, 20_000]))}\n`),
  'nul-bytes': (s, rng) => s.replace(/,/g, (m) => (rng.chance(0.1) ? '\u0000' : m)),
  'delimiter-swap': (s, rng) => s.replace(/,/g, rng.pick(['|', '，', ';', '\t', '\u0001'])),
  'formula-cells': (s) => s.replace(/\n(.)/g, '\n=HYPERLINK("http://x","$1"),+1,-2,@SUM(1)\n$1'),
  'line-chaos': (s, rng) => s.replace(/\r?\n/g, () => rng.pick(['\n', '\r', '\r\n', '\n\n', '\u2028', '\r\r\n'])),
  'duplicate-lines': (s, rng) => {
    const lines = s.split('\n');
    const line = rng.pick(lines);
    return [...lines, ...Array.from({ length: rng.int(1, 3000) }, () => line)].join('\n');
  },
  'markup-deep': (s, rng) => s.replace('<table', `${'<div>'.repeat(rng.pick([1000, 50_000]))}<table`),
  'markup-spans': (s, rng) => s.replace(/<td>/, `<td rowspan="${rng.pick([1000, 100_000, 1_048_576])}" colspan="${rng.pick([2, 1000, 16384])}">`),
  'markup-entity': (s) => s.replace(/^(<\?xml[^>]*\?>)?/, `$1\n${BILLION_LAUGHS}`).replace(/<Data ss:Type="String">/, '<Data ss:Type="String">&lol4;&xxe;'),
  'xml2003-index': (s, rng) => s.replace(/<Cell>/, `<Cell ss:Index="${rng.pick([16384, 16385, 1_000_000, -1])}">`).replace(/<Row>/, `<Row ss:Index="${rng.pick([1048576, 2_000_000, 0])}">`),
  'mojibake-mix': (s) => s + iconv.decode(iconv.encode('摘要,金额\n错码,1.00\n', 'gbk'), 'latin1'),
};

// A few fixed hostile files: zip bombs (the deflate is done once), encrypted and garbage OLE2.
function fixedHostiles(rng: Rng): Array<{ name: string; ext: string; bytes: Buffer }> {
  const bombSheet = Buffer.concat([Buffer.from('<worksheet><sheetData>'), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from('</sheetData></worksheet>')]);
  const seedParts = unzipParts(toXlsx(ledgerRows('B', 3)));
  const bomb = writeZip(seedParts.map((p) => (/sheet1\.xml$/.test(p.name) ? { name: p.name, data: bombSheet } : p)));
  const sstBomb = writeZip(
    seedParts.map((p) =>
      /sharedStrings\.xml$/.test(p.name)
        ? { name: p.name, data: Buffer.concat([Buffer.from('<sst><si><t>'), Buffer.alloc(32 * 1024 * 1024, 0x41), Buffer.from('</t></si></sst>')]) }
        : p,
    ),
  );
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(8192, 0x5a));
  const encrypted = XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
  const garbage = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(garbage, '/Workbook', rng.bytes(20_000));
  const garbageOle = XLSX.CFB.write(garbage, { type: 'buffer' }) as Buffer;
  const ole2Header = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), rng.bytes(4000)]);
  return [
    { name: 'zip-bomb', ext: 'xlsx', bytes: bomb },
    { name: 'sst-zip-bomb', ext: 'xlsx', bytes: sstBomb },
    { name: 'ole2-encrypted', ext: 'xlsx', bytes: encrypted },
    { name: 'ole2-garbage-workbook', ext: 'xls', bytes: garbageOle },
    { name: 'ole2-header-only', ext: 'xls', bytes: ole2Header },
    { name: 'empty', ext: 'csv', bytes: Buffer.alloc(0) },
  ];
}

/**
 * An endless stream of mutated inputs from `seed`: 1–3 mutations each, picked to fit the seed
 * (XML-level edits for zip seeds, text edits for CSV and markup) plus byte-level damage on top.
 * The fixed hostile files come first and return every 500 inputs.
 */
export async function* hostileInputs(seed: number): AsyncGenerator<FuzzInput> {
  const rng = new Rng(seed);
  const seeds = await buildSeeds();
  const fixed = fixedHostiles(rng);
  for (let i = 0; ; i++) {
    if (i % 500 < fixed.length) {
      const f = fixed[i % 500] as { name: string; ext: string; bytes: Buffer };
      yield { label: `fixed/${f.name}`, target: rng.chance(0.5) ? 'ledger' : 'budget', ext: f.ext, bytes: f.bytes };
      continue;
    }
    const s = rng.pick(seeds);
    const names: string[] = [];
    let bytes: Buffer;
    if (s.kind === 'zip' && s.parts && rng.chance(0.85)) {
      let parts = s.parts.map((p) => ({ name: p.name, data: p.data }));
      for (let k = rng.int(1, 2); k > 0; k--) {
        const name = rng.pick(Object.keys(PART_MUTATIONS));
        names.push(name);
        parts = (PART_MUTATIONS[name] as PartMutation)(parts, rng);
      }
      bytes = rezip(parts, rng);
    } else if ((s.kind === 'text' || s.kind === 'markup') && rng.chance(0.7)) {
      const utf16 = s.name.startsWith('tsv-utf16');
      const gbk = s.name === 'csv-gbk';
      let text = utf16 ? s.bytes.subarray(2).toString('utf16le') : gbk ? iconv.decode(s.bytes, 'gbk') : s.bytes.toString('utf8');
      const applicable = Object.keys(TEXT_MUTATIONS).filter((n) => (s.kind === 'markup') === (n.startsWith('markup') || n.startsWith('xml2003')) || n === 'unbalanced-quote' || n === 'line-chaos');
      const name = rng.pick(applicable);
      names.push(name);
      text = (TEXT_MUTATIONS[name] as (t: string, r: Rng) => string)(text, rng);
      bytes = utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : gbk ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
    } else {
      bytes = s.bytes;
    }
    // Byte-level damage on top (always when nothing else was done).
    if (names.length === 0 || rng.chance(0.35)) {
      const name = rng.pick(Object.keys(BYTE_MUTATIONS));
      names.push(name);
      bytes = (BYTE_MUTATIONS[name] as (b: Buffer, r: Rng) => Buffer)(bytes, rng);
    }
    const ext = rng.chance(0.9) ? s.ext : rng.pick(['xlsx', 'xls', 'csv', 'txt', 'xlsm', '']);
    yield { label: `${s.name}/${s.target}+${names.join('+')}`, target: s.target, ext, bytes };
  }
}
