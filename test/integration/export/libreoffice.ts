import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import type ExcelJS from 'exceljs';

// LibreOffice (apt-get install libreoffice-calc-nogui libreoffice-writer-nogui) lays out the Word
// and Excel files the way an office suite on the finance officer's PC would. Tests that need it
// skip without it, and say so.

export const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Converts an .xlsx or .docx to a PDF beside it; returns the PDF's path. */
export function sofficePdf(file: string): string {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dirname(file), file], { stdio: 'ignore', timeout: 180_000 });
  return file.replace(/\.[^./]+$/, '.pdf');
}

/** Drops every formula's cached result, so only a recalculation can print the figures. */
export function clearCachedResults(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === 'object' && v.formula) cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
      }),
    );
  }
}
