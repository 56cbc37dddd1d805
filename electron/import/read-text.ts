// CSV / TXT exports (bank statements, "Unicode text" from Excel): decoded first, then split. The
// whole file is one sheet named after the file.

import type { RawRow } from '../../shared/import/cell.ts';
import { MAX_CELL_TEXT } from '../../shared/import/cell.ts';
import type { TextEncodingChoice } from '../../shared/import/file-formats.ts';
import { parseDelimited, sniffDelimiter } from '../../shared/import/parse-delimited.ts';
import { decodeText } from './decode-text.ts';
import { importError } from './import-error.ts';
import type { ImportLimits } from './limits.ts';
import type { WorkbookSource } from './workbook-source.ts';

export function openText(buffer: Buffer, fileName: string, encoding: TextEncodingChoice, limits: ImportLimits): WorkbookSource {
  if (buffer.length > limits.maxTextFileBytes) {
    throw importError(
      `文本文件“${fileName}”有 ${Math.round(buffer.length / 1048576)} MB，超过上限 ${Math.round(limits.maxTextFileBytes / 1048576)} MB。`,
    );
  }
  const decoded = decodeText(buffer, encoding);
  const delimiter = sniffDelimiter(decoded.text);
  const sheetName = fileName.replace(/\.[^.]+$/, '') || '文本';
  let consumedRows = 0;
  let approxRows = 1;

  async function* rows(sheetIndex: number): AsyncGenerator<RawRow[]> {
    if (sheetIndex !== 0) throw importError(`文本文件“${fileName}”只有一个表。`);
    approxRows = Math.max(1, decoded.text.length / 80);
    let row = 0;
    let batch: RawRow[] = [];
    for (const fields of parseDelimited(decoded.text, delimiter, MAX_CELL_TEXT)) {
      row++;
      consumedRows = row;
      if (row > limits.maxRows) {
        throw importError(`文本文件“${fileName}”超过 ${limits.maxRows} 行，已停止。请按月拆分后分别导入。`);
      }
      const width = Math.min(fields.length, limits.maxColumns);
      batch.push({ row, cells: width === fields.length ? fields : fields.slice(0, width), hidden: false });
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    approxRows = consumedRows;
  }

  return {
    format: 'csv',
    sheets: [{ index: 0, name: sheetName, hidden: false }],
    text: { encoding: decoded.encoding, source: decoded.source, delimiter },
    rows,
    progress: () => Math.min(1, consumedRows / approxRows),
    warnings: [],
  };
}
