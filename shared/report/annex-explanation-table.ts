import { formatWan } from '../money/fen.ts';
import type { CheckExplanation } from './input.ts';
import { type ReportTable, text } from './table-model.ts';

// 审核提示说明: the 出错说明 the office wrote for the app's 提示 findings, as an annex the office may
// choose. Check messages state amounts in 元 to the fen (a check is about exact figures); the report
// states them in its own unit, 万元. A finding that fires for several subjects with one explanation
// (the four quarters of a slow year) is one row: the explanation prints once.

const YUAN_AMOUNT = /(-?)(\d{1,3}(?:,\d{3})*|\d+)\.(\d{2}) 元/g;

/** "8,586,700.10 元" → "858.67 万元", every amount of a check message. */
export function amountsInWan(message: string): string {
  return message.replace(YUAN_AMOUNT, (_all, sign: string, whole: string, cents: string) => {
    const fen = Number(whole.replaceAll(',', '')) * 100 + Number(cents);
    return `${formatWan(sign === '-' ? -fen : fen)} 万元`;
  });
}

const withoutFullStop = (s: string) => s.trim().replace(/[。；]+$/, '');

export function buildExplanationTable(items: CheckExplanation[]): ReportTable {
  const groups = new Map<string, { title: string; subjects: string[]; explanation: string }>();
  for (const e of items) {
    const explanation = e.explanation.trim();
    const key = `${e.checkId}\u0000${explanation}`;
    const group = groups.get(key) ?? { title: e.checkTitle, subjects: [], explanation };
    group.subjects.push(withoutFullStop(amountsInWan(e.subject)));
    groups.set(key, group);
  }
  return {
    name: '审核提示说明',
    title: '审核提示说明',
    unitLine: '',
    columns: [
      { header: '审核项', width: 3, align: 'left' },
      // The subject states the figures behind the finding (amounts, rates, target); it is as long as the explanation.
      { header: '对象', width: 6, align: 'left' },
      { header: '说明', width: 6, align: 'left' },
    ],
    rows: [...groups.values()].map((g) => ({
      role: 'data',
      indent: 0,
      cells: [text(g.title), text(`${g.subjects.join('；')}。`), text(g.explanation)],
    })),
  };
}
