// What 借方 and 贷方 mean for the file at hand. The app's convention (parse-direction.ts) is the
// spender's: 借方 = money spent, 贷方 = money received — right for 支出明细账 (expense accounts
// increase on the debit side) and for bank statements, whose 借方发生额（支取） is the bank's view
// of the holder's withdrawals (domain-notes §2.5). A unit's own cash book — 银行存款日记账, 现金
// 日记账, 零余额账户用款额度 (asset accounts 1001/1002/1011/1021, §2.2) — runs the other way: an
// asset grows on the debit side, so 借 = money in, 贷 = money out.

import type { ColumnMapping } from './fields.ts';
import type { HeaderColumn } from './detect-header.ts';
import { toParseText } from './normalize-text.ts';

export const DEBIT_MEANINGS = ['out', 'in'] as const;
export type DebitMeans = (typeof DEBIT_MEANINGS)[number];

export interface BookSide {
  debitMeans: DebitMeans;
  /** Why: the title or account line that names an asset book; null for the default. */
  evidence: string | null;
  /** Chosen by the user rather than read from the file. */
  chosen: boolean;
}

const ASSET_BOOK = /(银行存款|库存现金|现金|零余额账户用款额度|零余额账户|用款额度|其他货币资金)[^，,。；;]{0,6}(日记账|明细账|总账|分类账)/;
const ASSET_ACCOUNT = /(?:科目|账户)\s*(?:编码|代码|名称)?\s*[:：]?\s*(1001|1002|1011|1021)(?!\d)/;

/** Reads the book type from title lines (and the sheet name). */
export function detectBookSide(lines: readonly string[]): BookSide {
  for (const raw of lines) {
    const text = toParseText(raw).replace(/\s+/g, '');
    if (text === '') continue;
    if (ASSET_BOOK.test(text) || ASSET_ACCOUNT.test(text)) {
      return { debitMeans: 'in', evidence: text.length > 40 ? `${text.slice(0, 40)}…` : text, chosen: false };
    }
  }
  return { debitMeans: 'out', evidence: null, chosen: false };
}

const DEBIT_HEADER = /借/;
const CREDIT_HEADER = /贷/;

/**
 * In an asset book the automatic mapping (借方 → 支出, 贷方 → 收入) is turned round: the 借方
 * column holds receipts. Only columns named 借/贷 are swapped; 收入/支出 columns mean what they say.
 */
export function applyBookSide(mapping: ColumnMapping, columns: readonly HeaderColumn[], side: BookSide): ColumnMapping {
  if (side.debitMeans === 'out' || mapping.outflow === undefined || mapping.inflow === undefined) return mapping;
  const name = (i: number) => columns.find((c) => c.index === i)?.name ?? '';
  const out = name(mapping.outflow);
  const inn = name(mapping.inflow);
  if (!DEBIT_HEADER.test(out) || !CREDIT_HEADER.test(inn)) return mapping;
  return { ...mapping, outflow: mapping.inflow, inflow: mapping.outflow };
}

/** The preview line that makes the 借/贷 reading explicit. */
export function describeBookSide(side: BookSide): string {
  const reading = side.debitMeans === 'in' ? '借方 = 收入（存入），贷方 = 支出（付出）' : '借方 = 支出，贷方 = 收入';
  if (side.chosen) return `借贷方向：${reading}（手工指定）`;
  if (side.evidence) return `借贷方向：${reading}（依据“${side.evidence}”：资产类账户的账簿，借方表示增加）`;
  return `借贷方向：${reading}（支出账和银行对账单的通常口径）`;
}
