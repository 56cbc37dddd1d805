// Bounds that keep a hostile or broken file from exhausting memory or time. A real finance or
// bank export is far inside all of them (the 200,000-row bench file is 15 MB with an 81 MB sheet).

export interface ImportLimits {
  maxFileBytes: number;
  maxTextFileBytes: number;
  maxZipEntries: number;
  /** Declared uncompressed size of one sheet's XML. */
  maxSheetXmlBytes: number;
  maxSharedStringsBytes: number;
  maxSmallPartBytes: number;
  /** Uncompressed : compressed, for entries above 10 MB (a zip bomb reaches thousands). */
  maxCompressionRatio: number;
  /** Rows read over all imported sheets, layout rows included. */
  maxRows: number;
  maxColumns: number;
  maxSheets: number;
  maxSharedStrings: number;
  /** Rows of an .xls sheet parsed and held at once (read-sheetjs.ts); tests pass fewer. */
  xlsBandRows: number;
  /** Worker heap cap and wall-clock limit. */
  workerHeapMb: number;
  workerTimeoutMs: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxTextFileBytes: 60 * 1024 * 1024,
  maxZipEntries: 5000,
  maxSheetXmlBytes: 600 * 1024 * 1024,
  maxSharedStringsBytes: 200 * 1024 * 1024,
  maxSmallPartBytes: 20 * 1024 * 1024,
  maxCompressionRatio: 400,
  maxRows: 600_000,
  maxColumns: 256,
  maxSheets: 255,
  maxSharedStrings: 2_000_000,
  // ≈40 MB of SheetJS cell objects at 10 columns. Fewer rows per band hold less but parse the
  // workbook globals (shared strings) more often.
  xlsBandRows: 8192,
  workerHeapMb: 768,
  workerTimeoutMs: 180_000,
};
