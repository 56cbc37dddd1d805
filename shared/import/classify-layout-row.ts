// Rows inside the table that are not transactions: blank lines, 合计/小计/本月合计/本年累计 and
// carried balances, repeated headers on printed pages, and the signature/footer lines.

import { type CellValue, isBlankCell } from './cell.ts';
import { toParseText } from './normalize-text.ts';

export const LAYOUT_KINDS = ['title', 'header', 'blank', 'total', 'footer', 'repeated_header'] as const;
export type LayoutKind = (typeof LAYOUT_KINDS)[number];

export const LAYOUT_KIND_LABELS: Record<LayoutKind, string> = {
  title: '表头前的标题或说明行',
  header: '表头行',
  blank: '空行',
  total: '合计/小计/累计/余额行',
  footer: '表尾签名或说明行',
  repeated_header: '重复的表头行',
};

/**
 * Which imported rows a totals row adds up, for the checksum: those since the last page total
 * (本页合计, 小计), the month's (本月合计), or the year's so far (本年累计, 合计). Carried balances
 * (期初余额, 上年结转, 承前页) add up nothing.
 */
export const TOTAL_SCOPES = ['page', 'month', 'year', 'none'] as const;
export type TotalScope = (typeof TOTAL_SCOPES)[number];

export interface LayoutRow {
  kind: LayoutKind;
  /** The text that identified it, e.g. "本月合计". */
  label: string;
  totalScope: TotalScope;
}

const TOTAL =
  /^(本页|本月|本年|本期|本日|全年|当月|当年|上月|上年|月|年)?(合计|小计|总计|累计|共计)(数|金额|发生额)?(?=$|[:：(（\s]|借|贷|笔)/;
const CARRY = /^(期初余额|期末余额|年初余额|上年结转|上年余额|承前页|过次页|转下页|承上页|上页结转|结转下页|本月余额|月末余额)/;
const FOOTER =
  /^(制表人?|制单人?|复核人?|审核人?|审批人?|打印日期|打印时间|打印人|单位负责人|财务负责人|会计主管|主管会计|记账人?|出纳|经办人|填报人|填表人|注[:：]|说明[:：]|备注[:：]|数据来源|总笔数|借方总笔数|贷方总笔数|借方总金额|贷方总金额|交易笔数|合计笔数)/;

// Every label above starts with one of these characters: a cheap test before the patterns.
const FIRST_CHARS = new Set('本全当上月年合小总累共期承过转结制复审打单财会主记出经填注说备数借贷交'.split(''));
const FIRST_CODES = new Set([...FIRST_CHARS].map((c) => c.charCodeAt(0)));

/** What String.prototype.trimStart removes (WhiteSpace and LineTerminator). */
function isJsSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0x80 &&
      (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff))
  );
}

function scopeOf(label: string): TotalScope {
  if (/^(本月|当月|月)/.test(label)) return 'month';
  if (/^(本页|本期|本日|小计)/.test(label)) return 'page';
  if (/^(本年|当年|全年|年|合计|总计|共计|累计)/.test(label)) return 'year';
  return 'none';
}

/** A text cell that may be a label: only first characters NFKC can turn into one are looked at closely. */
function labelText(c: CellValue | undefined): string | null {
  if (typeof c !== 'string') return null;
  // The first character after leading white space, read without allocating (every data row's
  // text cells pass through here).
  let i = 0;
  while (i < c.length && isJsSpace(c.charCodeAt(i))) i++;
  if (i === c.length) return null;
  const code = c.charCodeAt(i);
  if (!FIRST_CODES.has(code)) {
    const foldable = code === 0x3000 || code === 0x200b || code === 0xfeff || (code >= 0x3200 && code <= 0x33ff) || code >= 0xf900;
    if (!foldable) return null;
  }
  const s = toParseText(c).replace(/\s+/g, '');
  return s !== '' && FIRST_CHARS.has(s.charAt(0)) ? s : null;
}

function firstTexts(cells: readonly CellValue[], columns: readonly number[], notLabels: readonly number[]): string[] {
  const out: string[] = [];
  for (const i of columns) {
    const t = labelText(cells[i]);
    if (t) out.push(t);
  }
  let seen = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (isBlankCell(c) || notLabels.includes(i)) continue;
    const t = labelText(c);
    if (t) out.push(t);
    if (++seen >= 3) break;
  }
  return out;
}

/**
 * Classifies a row below the header. `textColumns` are the mapped text columns (摘要 first),
 * where finance systems write 本月合计 even when the date column is filled. A footer word only
 * counts when the row carries no amount, so a transaction whose 摘要 starts with "说明：" stays data.
 */
export function classifyLayoutRow(
  cells: readonly CellValue[],
  textColumns: readonly number[],
  amountColumns: readonly number[],
  /** Columns whose words name data, never a layout row: a 资金来源 of 上年结转结余 is money, not a carried balance. */
  notLabels: readonly number[] = [],
): LayoutRow | null {
  let blank = true;
  for (const c of cells) {
    if (!isBlankCell(c)) {
      blank = false;
      break;
    }
  }
  if (blank) return { kind: 'blank', label: '', totalScope: 'none' };
  for (const text of firstTexts(cells, textColumns, notLabels)) {
    const total = TOTAL.exec(text);
    if (total) {
      const label = total[0];
      return { kind: 'total', label, totalScope: scopeOf(label) };
    }
    const carry = CARRY.exec(text);
    if (carry) return { kind: 'total', label: carry[0], totalScope: 'none' };
    const footer = FOOTER.exec(text);
    if (footer && amountColumns.every((i) => isBlankCell(cells[i]))) {
      return { kind: 'footer', label: footer[0], totalScope: 'none' };
    }
  }
  return null;
}
