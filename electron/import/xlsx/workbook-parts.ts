// The workbook's table of contents: which parts are worksheets (by name and order), where the
// shared strings and styles live, and whether dates use the 1904 system. Macro-enabled and binary
// workbooks are refused here.

import { importError } from '../import-error.ts';
import type { ImportLimits } from '../limits.ts';
import { attrByLocalName, parseXmlText } from './parse-xml.ts';
import type { ZipArchive } from './zip-archive.ts';

export interface XlsxSheetPart {
  name: string;
  hidden: boolean;
  path: string;
}

export interface WorkbookParts {
  sheets: XlsxSheetPart[];
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

interface Relationship {
  type: string;
  target: string;
}

function resolvePath(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${baseDir}${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

async function readRels(zip: ZipArchive, path: string, limits: ImportLimits, what: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  if (!zip.has(path)) return rels;
  const xml = await zip.readText(path, limits.maxSmallPartBytes);
  parseXmlText(
    xml,
    {
      open(name, attrs) {
        if (name === 'Relationship' && attrs.Id && attrs.Target) {
          rels.set(attrs.Id, { type: attrs.Type ?? '', target: attrs.Target });
        }
      },
    },
    what,
  );
  return rels;
}

export async function readWorkbookParts(zip: ZipArchive, fileName: string, limits: ImportLimits): Promise<WorkbookParts> {
  const what = `文件“${fileName}”`;
  if (zip.has('xl/vbaproject.bin') || zip.names().some((n) => n.endsWith('vbaproject.bin'))) {
    throw importError(`${what}是包含宏（VBA）的工作簿。为安全起见不导入宏文件，请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再导入。`);
  }
  const rootRels = await readRels(zip, '_rels/.rels', limits, what);
  let workbookPath = 'xl/workbook.xml';
  for (const rel of rootRels.values()) {
    if (rel.type.endsWith('/officeDocument')) workbookPath = resolvePath('', rel.target);
  }
  if (workbookPath.endsWith('.bin')) {
    throw importError(`${what}是二进制工作簿（.xlsb），请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再导入。`);
  }
  if (!zip.has(workbookPath)) {
    if (zip.has('word/document.xml')) throw importError(`${what}是 Word 文档，不是电子表格。`);
    if (zip.has('ppt/presentation.xml')) throw importError(`${what}是 PowerPoint 演示文稿，不是电子表格。`);
    throw importError(`${what}是压缩文件，但其中没有 Excel 工作簿。`);
  }
  const baseDir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const relsPath = `${baseDir}_rels/${workbookPath.slice(baseDir.length)}.rels`;
  const rels = await readRels(zip, relsPath, limits, what);
  const xml = await zip.readText(workbookPath, limits.maxSmallPartBytes);
  const sheets: XlsxSheetPart[] = [];
  let date1904 = false;
  parseXmlText(
    xml,
    {
      open(name, attrs) {
        if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
        if (name === 'sheet') {
          const rel = rels.get(attrByLocalName(attrs, 'id') ?? '');
          if (!rel?.type.endsWith('/worksheet')) return;
          sheets.push({
            name: attrs.name ?? `Sheet${sheets.length + 1}`,
            hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden',
            path: resolvePath(baseDir, rel.target),
          });
        }
      },
    },
    what,
  );
  if (sheets.length === 0) throw importError(`${what}中没有工作表。`);
  if (sheets.length > limits.maxSheets) throw importError(`${what}的工作表超过 ${limits.maxSheets} 个，已停止。`);
  let sharedStringsPath: string | null = null;
  let stylesPath: string | null = null;
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/sharedStrings')) sharedStringsPath = resolvePath(baseDir, rel.target);
    if (rel.type.endsWith('/styles')) stylesPath = resolvePath(baseDir, rel.target);
  }
  if (sharedStringsPath && !zip.has(sharedStringsPath)) sharedStringsPath = null;
  if (stylesPath && !zip.has(stylesPath)) stylesPath = null;
  return { sheets, date1904, sharedStringsPath, stylesPath };
}
