// Identifies the container from the first bytes, never from the extension (reliability-notes
// §3.3): bank systems save HTML tables and SpreadsheetML as ".xls", and users rename files.

import { importError } from './import-error.ts';

export type Container = 'zip' | 'ole2' | 'xml2003' | 'html' | 'text';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const FOREIGN: ReadonlyArray<[Buffer, string]> = [
  [Buffer.from('%PDF'), 'PDF 文件'],
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'PNG 图片'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'JPEG 图片'],
  [Buffer.from('Rar!'), 'RAR 压缩包'],
  [Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), '7z 压缩包'],
  [Buffer.from([0x1f, 0x8b]), 'gzip 压缩文件'],
  [Buffer.from('SQLite format 3'), 'SQLite 数据文件'],
];

function startsWith(head: Buffer, magic: Buffer): boolean {
  return head.length >= magic.length && head.subarray(0, magic.length).equals(magic);
}

function leadingText(head: Buffer): string {
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    const le = head[0] === 0xff;
    const chars: number[] = [];
    for (let i = 2; i + 1 < head.length && chars.length < 512; i += 2) {
      chars.push(le ? (head[i] ?? 0) | ((head[i + 1] ?? 0) << 8) : ((head[i] ?? 0) << 8) | (head[i + 1] ?? 0));
    }
    return String.fromCharCode(...chars);
  }
  return head.subarray(start, start + 2048).toString('latin1');
}

export function sniffContainer(head: Buffer, fileName: string): Container {
  if (head.length === 0) throw importError(`文件“${fileName}”是空文件。`);
  if (startsWith(head, Buffer.from([0x50, 0x4b, 0x03, 0x04])) || startsWith(head, Buffer.from([0x50, 0x4b, 0x05, 0x06]))) {
    return 'zip';
  }
  if (startsWith(head, OLE2)) return 'ole2';
  for (const [magic, what] of FOREIGN) {
    if (startsWith(head, magic)) throw importError(`文件“${fileName}”是 ${what}，不是电子表格，请选择 Excel 或 CSV 文件。`);
  }
  const text = leadingText(head).replace(/^\s+/, '').toLowerCase();
  if (text.startsWith('<')) {
    if (text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml2003';
    if (/<(html|table|!doctype\s+html|meta|head|body|style|tr|td)[\s>]/.test(text.slice(0, 2048))) return 'html';
    if (text.startsWith('<?xml') && text.includes('<workbook')) return 'xml2003';
    if (text.startsWith('<?xml')) {
      throw importError(`文件“${fileName}”是 XML 文件，但不是 Excel 可识别的电子表格格式。`);
    }
  }
  const hasBom =
    (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xef && head[1] === 0xbb);
  if (!hasBom && head.subarray(0, 4096).includes(0)) {
    throw importError(`文件“${fileName}”不是电子表格或文本文件（含有二进制内容），请选择 Excel 或 CSV 文件。`);
  }
  return 'text';
}
