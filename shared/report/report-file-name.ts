// The name an exported report is saved under: who, which year, and whether it is the signed copy,
// so a folder of exports never mixes up a draft with the final report.

/** Characters Windows and macOS refuse in a file name. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]/gu;

export function reportFileName(p: { departmentName: string; year: number; final: boolean; format: string }): string {
  const who = p.departmentName.trim().replace(UNSAFE, '_');
  return `${who}${p.year}年度部门整体支出绩效自评报告（${p.final ? '定稿' : '草稿'}）.${p.format}`;
}
