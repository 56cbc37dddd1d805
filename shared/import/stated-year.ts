// The fiscal year a ledger file states about itself: in a header cell above split 月/日 columns
// ("2021年" merged over 月 | 日) or in a title or period line ("2021年度银行存款日记账", "2021年 现金
// 日记账", "会计年度：2021"). Dates written without a year ("03-05", 月 | 日, 会计期间 "03") take
// this year; a file that states another year than the import's is refused before any row is read.

import { toParseText } from './normalize-text.ts';

export type YearSourceKind = 'header' | 'title' | 'import';

export interface YearSource {
  year: number;
  kind: YearSourceKind;
  /** The cell text the year was read from; '' when it is the import's year. */
  evidence: string;
}

const HEADER_YEAR = /^(20\d{2})\s*年?度?$/;
// "2021年", "2021 年度", "2021年1月1日至…", "会计年度：2021", "年度:2021"; a year glued to more
// digits (20210101, a phone number) is not a statement.
const TITLE_YEAR = /(?:^|[^\d])(20\d{2})\s*年/;
const LABELLED_YEAR = /(?:会计)?年度\s*[:：]\s*(20\d{2})(?!\d)/;
// Lines about when or by whom the file was made, not which year it covers.
const NOT_ABOUT_PERIOD = /打印|制表|导出|生成|下载|查询时间|编制日期|报送日期|填报日期/;

/** A year written alone in a header cell ("2021年", "2021年度", 2021). */
export function yearInHeaderCell(text: string): number | null {
  const m = HEADER_YEAR.exec(toParseText(text).trim());
  return m ? Number(m[1]) : null;
}

/** The first year a title or period line states, with the line it came from. */
export function yearInTitleLines(lines: readonly string[]): { year: number; text: string } | null {
  for (const raw of lines) {
    const text = toParseText(raw).replace(/\s+/g, ' ').trim();
    if (text === '' || NOT_ABOUT_PERIOD.test(text)) continue;
    // A range across years ("2020年12月1日至2021年3月31日") states no single year.
    const years = new Set(Array.from(text.matchAll(/(?:^|[^\d])(20\d{2})(?!\d)/g), (y) => y[1]));
    if (years.size > 1) continue;
    const m = LABELLED_YEAR.exec(text) ?? TITLE_YEAR.exec(text) ?? (HEADER_YEAR.test(text) ? HEADER_YEAR.exec(text) : null);
    if (m) return { year: Number(m[1]), text: text.length > 40 ? `${text.slice(0, 40)}…` : text };
  }
  return null;
}

/** Where the year of the rows comes from: the header cell, else a title line, else the import. */
export function resolveYearSource(
  header: { year: number; text: string } | null,
  title: { year: number; text: string } | null,
  importYear: number,
): YearSource {
  if (header) return { year: header.year, kind: 'header', evidence: header.text };
  if (title) return { year: title.year, kind: 'title', evidence: title.text };
  return { year: importYear, kind: 'import', evidence: '' };
}

const KIND_WORDS: Record<Exclude<YearSourceKind, 'import'>, string> = { header: '表头', title: '标题' };

/** The preview line: 年份：2021（取自标题“2021年度银行存款日记账”） / 年份：取自导入年度 2021. */
export function describeYearSource(s: YearSource): string {
  return s.kind === 'import' ? `年份：取自导入年度 ${s.year}` : `年份：${s.year}（取自${KIND_WORDS[s.kind]}“${s.evidence}”）`;
}

/** The refusal when the file states a year other than the import's, or null. */
export function yearMismatchProblem(s: YearSource, importYear: number): string | null {
  if (s.kind === 'import' || s.year === importYear) return null;
  return `文件${KIND_WORDS[s.kind]}“${s.evidence}”表明这是 ${s.year} 年的账，而当前导入的是 ${importYear} 年度。请切换到 ${s.year} 年度后再导入；如果文件确属 ${importYear} 年度，请先更正文件中的年份`;
}
