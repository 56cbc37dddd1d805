import pdfmake from 'pdfmake';
import { buildReportModel, type ReportModel } from '../../../shared/report/build-report-model.ts';
import type { ReportInput } from '../../../shared/report/input.ts';
import { validateReportInput } from '../../../shared/report/validate-input.ts';
import type { ExportOptions } from '../draft-mark.ts';
import { installCffSubsetFastPath } from './cff-subset-fast-path.ts';
import { buildDocDefinition } from './doc-definition.ts';
import { markDraft } from './draft-mark-pdf.ts';
import { FACES, type FaceId, type FontSet, loadFontSet } from './font-registry.ts';

// ReportInput → PDF bytes. The same input gives the same bytes: the creation date and the file ID
// (pdfkit derives it from the info dictionary) come from the report date, never from the clock.

export interface RenderPdfOptions extends ExportOptions {
  /** Directory holding the font files (resources/fonts by default). */
  fontDir?: string;
}

// pdfmake's Node build keeps one virtual file system per process; the buffers go in once.
interface PdfmakeVfs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

const vfsOf = (pm: typeof pdfmake): PdfmakeVfs => (pm as unknown as { virtualfs: PdfmakeVfs }).virtualfs;

function registerFonts(fonts: FontSet): void {
  const vfs = vfsOf(pdfmake);
  const dict: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const id of Object.keys(FACES) as FaceId[]) {
    const name = `selfeval-fonts/${id}`;
    // Keyed by directory too, so a second font directory never reuses the first one's buffers.
    const vname = `${name}@${Buffer.from(fonts.dir).toString('base64url')}`;
    if (!vfs.existsSync(vname)) vfs.writeFileSync(vname, fonts.faces[id].buffer);
    dict[id] = { normal: vname, bold: vname, italics: vname, bolditalics: vname };
  }
  pdfmake.setFonts(dict);
  // Reports never load anything from outside: no URLs, no local files (fonts come from the vfs).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
}

function creationDate(model: ReportModel): Date {
  return new Date(`${model.documentDate}T00:00:00+08:00`);
}

/** Loads the report faces and hands them to pdfmake; every PDF the app writes starts here. */
export async function preparePdfFonts(opts: RenderPdfOptions = {}): Promise<FontSet> {
  const fonts = await loadFontSet(opts.fontDir);
  installCffSubsetFastPath(fonts.faces.fang.buffer);
  registerFonts(fonts);
  return fonts;
}

export async function renderModelPdf(model: ReportModel, opts: RenderPdfOptions = {}): Promise<Buffer> {
  const fonts = await preparePdfFonts(opts);
  const dd = buildDocDefinition(model, fonts);
  if (opts.draft) markDraft(dd, fonts);
  const date = creationDate(model);
  dd.info = {
    title: model.title,
    author: model.unitName,
    subject: `${model.year}年度部门整体支出绩效自评报告`,
    creator: 'SelfEval Desk',
    producer: 'SelfEval Desk',
    creationDate: date,
    modDate: date,
  };
  dd.language = 'zh-CN';
  return pdfmake.createPdf(dd).getBuffer();
}

export async function renderReportPdf(input: ReportInput, opts: RenderPdfOptions = {}): Promise<Buffer> {
  return renderModelPdf(buildReportModel(validateReportInput(input)), opts);
}
