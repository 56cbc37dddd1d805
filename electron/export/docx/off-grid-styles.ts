import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

// The line grid (22 lines a page) would also stretch every line of a table, of a title in 二号 and
// of a caption to a 28.95 pt grid line: Word does so for "single" spacing and LibreOffice for any
// spacing. Such paragraphs get "snap to grid" off through their style. The docx library writes no
// paragraph-level <w:snapToGrid>, so the finished package's styles.xml is patched here.

const STYLES = 'word/styles.xml';

/** Turns snap-to-grid off in the pPr of each named paragraph style (each must set spacing). */
export function unsnapStyles(docx: Buffer, styleIds: readonly string[]): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const xml = files[STYLES];
  if (!xml) throw new Error('Word 文件缺少 styles.xml');
  let styles = strFromU8(xml);
  for (const id of styleIds) {
    const re = new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>(?:(?!</w:style>).)*?<w:pPr>(?:(?!</w:pPr>).)*?)(<w:spacing )`, 's');
    if (!re.test(styles)) throw new Error(`样式 ${id} 没有段落间距，无法取消对齐网格`);
    styles = styles.replace(re, '$1<w:snapToGrid w:val="0"/>$2');
  }
  files[STYLES] = strToU8(styles);
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }));
}
