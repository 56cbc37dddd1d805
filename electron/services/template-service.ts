import { createHash } from 'node:crypto';
import type { ImportTarget } from '../../shared/import/fields.ts';
import { IMPORT_TEMPLATES } from '../../shared/import/import-templates.ts';
import type { RenderedFile } from '../../shared/report/api-schemas.ts';
import { renderImportTemplate } from '../export/xlsx/render-import-template.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The blank import workbook for `target`, handed to the renderer as a download. */
export async function importTemplateFile(target: ImportTarget): Promise<RenderedFile> {
  const template = IMPORT_TEMPLATES[target];
  const bytes = await renderImportTemplate(template);
  return {
    fileName: template.fileName,
    mimeType: XLSX_MIME,
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
