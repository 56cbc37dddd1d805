// Which cell styles (cellXfs indexes) show a date. A date in .xlsx is just a number with a date
// format, so without this a 2021-03-05 cell would arrive as 44260.

import { isBuiltinDateFormat, isDateFormatCode } from '../../../shared/import/excel-date-format.ts';
import type { ImportLimits } from '../limits.ts';
import { parseXmlText } from './parse-xml.ts';
import type { ZipArchive } from './zip-archive.ts';

export async function readDateStyles(
  zip: ZipArchive,
  path: string | null,
  fileName: string,
  limits: ImportLimits,
): Promise<Uint8Array> {
  if (!path) return new Uint8Array(0);
  const xml = await zip.readText(path, limits.maxSmallPartBytes);
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXmlText(
    xml,
    {
      open(name, attrs) {
        if (name === 'numFmt') custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attrs.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    `文件“${fileName}”的样式部件`,
  );
  const isDate = new Uint8Array(xfFormats.length);
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    isDate[i] = (code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id)) ? 1 : 0;
  });
  return isDate;
}
