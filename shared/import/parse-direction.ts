// A 借/贷 (or 收/支, 来账/往账) column next to a single amount. The words follow the issue's
// convention for this app: 借方 = money spent, 贷方 = money received (bank statements use the
// same sides from the account holder's view).

import type { Direction } from '../domain/enums.ts';
import { toParseText } from './normalize-text.ts';

const OUT = new Set(['借', '借方', '支', '支出', '付', '付款', '付出', '转出', '往账', '出', '支取', 'd', 'dr', 'debit', '-']);
const IN = new Set(['贷', '贷方', '收', '收入', '收款', '转入', '来账', '入', '存入', 'c', 'cr', 'credit', '+']);

export type DirectionResult = { kind: 'empty' } | { kind: 'ok'; direction: Direction } | { kind: 'error'; reason: string };

export function parseDirectionText(raw: string): DirectionResult {
  const s = toParseText(raw).replace(/\s+/g, '').toLowerCase();
  if (s === '') return { kind: 'empty' };
  if (OUT.has(s)) return { kind: 'ok', direction: 'out' };
  if (IN.has(s)) return { kind: 'ok', direction: 'in' };
  if (s === '平') return { kind: 'error', reason: '方向为“平”，不是一笔收支' };
  return { kind: 'error', reason: `无法识别的收支方向“${s.slice(0, 20)}”（应为 借/贷、支出/收入 等）` };
}
