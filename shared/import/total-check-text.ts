// The sentence a failed checksum row becomes, the same in the wizard and the CLI.

import { formatYuan } from '../money/fen.ts';
import type { TotalCheck } from './schemas.ts';

function side(file: number | null, rows: number, word: string): string | null {
  return file === null || file === rows ? null : `${word}文件中为 ${formatYuan(file)} 元，导入的各行合计 ${formatYuan(rows)} 元`;
}

export function describeTotalMismatch(c: TotalCheck): string {
  const sides = [side(c.fileOutFen, c.rowsOutFen, '支出'), side(c.fileInFen, c.rowsInFen, '收入')].filter((s) => s !== null);
  const hint = /累计/.test(c.label) ? '（如文件不是从 1 月开始，本年累计还包含文件以外的月份）' : '';
  return `工作表“${c.sheet}”第 ${c.row} 行“${c.label}”与导入的各行之和不符：${sides.join('；')}。可能有行被漏读、重复或读错，请核对${hint}。`;
}
