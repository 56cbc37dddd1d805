// A 借/贷 (or 收/支, 来账/往账) column next to a single amount. 收/支-type words say the direction
// outright; 借/贷 name a side, read by the book's convention (book-side.ts): 借 = money spent
// unless the file is an asset book, where 借 = money in.

import type { DebitMeans } from './book-side.ts';
import type { Direction } from '../domain/enums.ts';
import { toParseText } from './normalize-text.ts';

const DEBIT = new Set(['借', '借方', 'd', 'dr', 'debit']);
const CREDIT = new Set(['贷', '贷方', 'c', 'cr', 'credit']);
const OUT = new Set(['支', '支出', '付', '付款', '付出', '转出', '往账', '出', '支取', '-']);
const IN = new Set(['收', '收入', '收款', '转入', '来账', '入', '存入', '+']);

export type DirectionResult = { kind: 'empty' } | { kind: 'ok'; direction: Direction } | { kind: 'error'; reason: string };

export function parseDirectionText(raw: string, debitMeans: DebitMeans = 'out'): DirectionResult {
  const s = toParseText(raw).replace(/\s+/g, '').toLowerCase();
  if (s === '') return { kind: 'empty' };
  if (DEBIT.has(s)) return { kind: 'ok', direction: debitMeans };
  if (CREDIT.has(s)) return { kind: 'ok', direction: debitMeans === 'out' ? 'in' : 'out' };
  if (OUT.has(s)) return { kind: 'ok', direction: 'out' };
  if (IN.has(s)) return { kind: 'ok', direction: 'in' };
  if (s === '平') return { kind: 'error', reason: '方向为“平”，不是一笔收支' };
  return { kind: 'error', reason: `无法识别的收支方向“${s.slice(0, 20)}”（应为 借/贷、支出/收入 等）` };
}
