// Picks the reader for a file by its bytes and returns a WorkbookSource. Every failure is an
// AppError('IMPORT') naming the file.

import type { TextEncodingChoice } from '../../shared/import/file-formats.ts';
import { toImportError } from './import-error.ts';
import type { ImportLimits } from './limits.ts';
import { checkOle2 } from './ole2-check.ts';
import { openText } from './read-text.ts';
import { openXlsx } from './read-xlsx.ts';
import { sniffContainer } from './sniff-format.ts';
import type { WorkbookSource } from './workbook-source.ts';
import { openZip } from './xlsx/zip-archive.ts';

// SheetJS (with its code-page tables) is loaded only for the formats that need it, so the worker
// starts quickly for .xlsx and .csv.
async function sheetJs() {
  return import('./read-sheetjs.ts');
}

export async function openWorkbook(
  buffer: Buffer,
  fileName: string,
  encoding: TextEncodingChoice,
  limits: ImportLimits,
): Promise<WorkbookSource> {
  try {
    const container = sniffContainer(buffer.subarray(0, 4096), fileName);
    switch (container) {
      case 'zip': {
        const zip = await openZip(buffer, fileName, limits);
        if (zip.has('mimetype') && !zip.has('[content_types].xml')) {
          zip.close();
          return (await sheetJs()).openSheetJs(buffer, 'ods', fileName, limits);
        }
        return await openXlsx(zip, fileName, limits);
      }
      case 'ole2': {
        // A damaged container is refused before SheetJS could spend minutes on it.
        checkOle2(buffer, fileName);
        return (await sheetJs()).openSheetJs(buffer, 'xls', fileName, limits);
      }
      case 'xml2003':
        return (await sheetJs()).openSheetJs(buffer, 'xml2003', fileName, limits);
      case 'html':
        return (await sheetJs()).openSheetJs(buffer, 'html', fileName, limits);
      case 'text':
        return openText(buffer, fileName, encoding, limits);
    }
  } catch (err) {
    throw toImportError(err, fileName);
  }
}
