// What every reader (xlsx stream, xls/xml/html via SheetJS, csv/txt) hands the pipeline: the sheet
// list and, per sheet, its rows in order. Rows arrive as they are parsed, so a 200,000-row file
// never sits in memory whole.

import type { RawRow } from '../../shared/import/cell.ts';
import type { FileFormat, TextEncoding } from '../../shared/import/file-formats.ts';

export interface SheetMeta {
  index: number;
  name: string;
  hidden: boolean;
}

export interface TextFileInfo {
  encoding: TextEncoding;
  source: 'bom' | 'utf8' | 'fallback' | 'option';
  delimiter: string;
}

export interface WorkbookSource {
  format: FileFormat;
  sheets: readonly SheetMeta[];
  text: TextFileInfo | null;
  /** The sheet's rows in order, a batch at a time (one await per batch, not per row). */
  rows(sheetIndex: number): AsyncIterable<RawRow[]>;
  /** Share (0–1) of the sheet being read that has been consumed. */
  progress(): number;
  /** Things the user should know that do not stop the import (ignored columns …). */
  warnings: string[];
}
