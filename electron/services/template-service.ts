import { createHash } from 'node:crypto';
import type { ImportTarget } from '../../shared/import/fields.ts';
import { IMPORT_TEMPLATES } from '../../shared/import/import-templates.ts';
import { PROCUREMENT_TEMPLATE } from '../../shared/procurement/procurement-table.ts';
import type { RenderedFile } from '../../shared/report/api-schemas.ts';
import { renderImportTemplate } from '../export/xlsx/render-import-template.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The blank import workbook for `target` (a wizard target, or the 政府采购 list), handed to the renderer as a download. */
export async function importTemplateFile(target: ImportTarget | 'procurement'): Promise<RenderedFile> {
  const template = target === 'procurement' ? PROCUREMENT_TEMPLATE : IMPORT_TEMPLATES[target];
  const bytes = await renderImportTemplate(template);
  return {
    fileName: template.fileName,
    mimeType: XLSX_MIME,
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
