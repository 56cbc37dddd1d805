// The report exports: pure ReportInput in, file bytes out. The PDF is deterministic for the same
// input (fixed creation date and file ID), so its SHA-256 identifies the signed copy.
export { DRAFT_FOOTER, DRAFT_MARK, type ExportOptions } from './draft-mark.ts';
export { renderReportDocx } from './docx/render-report-docx.ts';
export { type RenderPdfOptions, renderModelPdf, renderReportPdf } from './pdf/render-report-pdf.ts';
export { renderDetailXlsx, renderReportXlsx, writeDetailXlsx, writeReportXlsx, type XlsxExportOptions } from './xlsx/render-report-xlsx.ts';
