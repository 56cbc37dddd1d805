import { formatWan, formatYuan } from '../../../../shared/money/fen.ts';
import type { TransactionSums } from './use-transaction-pages.ts';

const COUNT = new Intl.NumberFormat('en-US');

/**
 * The line above a transaction list. Spending and income are named apart (a 财政拨款 credit is
 * not spending); income is mentioned only when the list holds any, so a plain spending list reads
 * as before.
 */
export function transactionSumsText(total: number, sums: TransactionSums, withWan = false): string {
  const amount = (fen: number) => `${formatYuan(fen)} 元${withWan ? `（${formatWan(fen)} 万元）` : ''}`;
  const income = sums.incomeFen !== 0 ? `；收入合计 ${amount(sums.incomeFen)}（不计入支出）` : '';
  return `共 ${COUNT.format(total)} 笔，支出合计 ${amount(sums.spentFen)}${income}`;
}
