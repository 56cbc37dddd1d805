import { formatWan } from '../money/fen.ts';
import { formatCentiFixed } from '../report/format-score.ts';
import type { ProjectEvalTable } from './api-schemas.ts';
import type { ProjectEvalRules } from './rules.ts';

// The 项目支出绩效自评表 of one project as a renderer-neutral grid of nine columns with merged
// cells, in the layout of the table attached to 财预〔2020〕10号:
//   A label | B 一级 | C 二级 | D 三级 | E 年度指标值 | F 实际完成值 | G 分值 | H 得分 | I 偏差原因
// The fund block reuses D–I for 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
// Each cell carries its printed text; numeric cells also carry their number and, where a
// spreadsheet should recompute, a formula over other cells of the grid (see GridFormula).

export const GRID_COLUMNS = 9;
/** Relative column widths, shared by the PDF, Word and Excel layouts. */
export const GRID_WIDTHS = [1.6, 1.25, 1.25, 2.2, 1.35, 1.35, 1.3, 1.35, 2.2];

/**
 * Formulas in grid coordinates: `{r,c}` stands for the cell at grid row r, column c (0-based),
 * which the spreadsheet writer turns into an A1 reference.
 */
export type GridFormula = string;

export type CellStyle = 'label' | 'header' | 'text' | 'number' | 'total';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  style: CellStyle;
  /** The value a spreadsheet holds: 万元 for money, points for scores, a fraction for a rate. */
  number?: number | null;
  /** Excel number format for `number` ("0.00", "0.00%", a target with its sign and unit…). */
  numberFormat?: string;
  formula?: GridFormula;
}

export interface ProjectEvalGrid {
  title: string;
  subtitle: string;
  unitLine: string;
  rows: number;
  cells: GridCell[];
}

const ref = (r: number, c: number) => `{${r},${c}}`;
const wan = (fen: number) => fen / 1_000_000;
const quoteFormat = (s: string) => (s === '' ? '' : `"${s.replace(/"/g, '')}"`);

function numericTarget(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function gradeFormula(total: string, rules: ProjectEvalRules): string {
  const grades = rules.grades;
  let f = `"${grades[grades.length - 1]!.name}"`;
  for (let i = grades.length - 2; i >= 0; i--) f = `IF(${total}>=${grades[i]!.min},"${grades[i]!.name}",${f})`;
  return `"评价等次："&${f}`;
}

export function buildProjectEvalGrid(t: ProjectEvalTable, rules: ProjectEvalRules, year: number): ProjectEvalGrid {
  const cells: GridCell[] = [];
  const put = (row: number, col: number, text: string, style: CellStyle, extra: Partial<GridCell> = {}) =>
    cells.push({ row, col, rowSpan: 1, colSpan: 1, text, style, ...extra });
  let r = 0;
  put(r, 0, '项目名称', 'label');
  put(r, 1, t.name, 'text', { colSpan: 8 });
  r += 1;
  put(r, 0, '主管部门', 'label');
  put(r, 1, t.departmentName, 'text', { colSpan: 3 });
  put(r, 4, '实施单位', 'label');
  put(r, 5, t.unitName, 'text', { colSpan: 4 });
  r += 1;

  // 项目资金（万元）: a header row and four money rows.
  put(r, 0, '项目资金（万元）', 'label', { rowSpan: 1 + t.funds.length });
  put(r, 1, '', 'header', { colSpan: 2 });
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => {
    put(r, 3 + i, h, 'header');
  });
  r += 1;
  const executionRow = r;
  for (const f of t.funds) {
    const isTotal = f.key === 'total';
    put(r, 1, f.label, 'label', { colSpan: 2 });
    put(r, 3, formatWan(f.initialFen, { grouping: true }), 'number', { number: wan(f.initialFen), numberFormat: '#,##0.00' });
    put(r, 4, formatWan(f.finalFen, { grouping: true }), 'number', { number: wan(f.finalFen), numberFormat: '#,##0.00' });
    put(r, 5, formatWan(f.actualFen, { grouping: true }), 'number', { number: wan(f.actualFen), numberFormat: '#,##0.00' });
    put(r, 6, isTotal ? formatCentiFixed(t.executionWeightCenti) : '—', isTotal ? 'number' : 'text', isTotal ? { number: t.executionWeightCenti / 100, numberFormat: '0.00' } : {});
    put(r, 7, f.rateText === null ? '—' : `${f.rateText}%`, 'number', {
      number: f.finalFen === 0 ? null : f.actualFen / f.finalFen,
      numberFormat: '0.00%',
      formula: `IF(${ref(r, 4)}=0,"",${ref(r, 5)}/${ref(r, 4)})`,
    });
    if (isTotal) {
      put(r, 8, t.executionScoreCenti === null ? '—' : formatCentiFixed(t.executionScoreCenti), 'number', {
        number: t.executionScoreCenti === null ? null : t.executionScoreCenti / 100,
        numberFormat: '0.00',
        formula: `IF(${ref(r, 4)}=0,"",ROUND(MIN(${ref(r, 5)}/${ref(r, 4)},1)*${ref(r, 6)},2))`,
      });
    } else put(r, 8, '—', 'text');
    r += 1;
  }

  // 年度总体目标.
  put(r, 0, '年度总体目标', 'label', { rowSpan: 2 });
  put(r, 1, '预期目标', 'header', { colSpan: 4 });
  put(r, 5, '实际完成情况', 'header', { colSpan: 4 });
  r += 1;
  put(r, 1, t.goal, 'text', { colSpan: 4 });
  put(r, 5, t.achievement, 'text', { colSpan: 4 });
  r += 1;

  // 绩效指标: header, then rows with 一级 and 二级 merged down where they repeat.
  put(r, 0, '绩效指标', 'label', { rowSpan: 1 + Math.max(1, t.indicators.length) });
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) => {
    put(r, 1 + i, h, 'header');
  });
  r += 1;
  const firstIndicatorRow = r;
  if (t.indicators.length === 0) {
    put(r, 1, '（尚未设置绩效指标）', 'text', { colSpan: 8 });
    r += 1;
  }
  /** How many rows from `at` on share the same 一级 (and 二级, when `level2`). */
  const runLength = (at: number, level2: boolean) => {
    const i = t.indicators[at]!;
    const rest = t.indicators.slice(at);
    const end = rest.findIndex((x) => x.level1 !== i.level1 || (level2 && x.level2 !== i.level2));
    return end < 0 ? rest.length : end;
  };
  t.indicators.forEach((i, at) => {
    const prev = t.indicators[at - 1];
    if (!prev || prev.level1 !== i.level1) put(r, 1, i.level1, 'text', { rowSpan: runLength(at, false) });
    if (!prev || prev.level1 !== i.level1 || prev.level2 !== i.level2) put(r, 2, i.level2, 'text', { rowSpan: runLength(at, true) });
    put(r, 3, i.name, 'text');
    const qualitative = i.nature === 'qualitative';
    const target = qualitative ? null : numericTarget(i.targetValue);
    const actual = qualitative ? null : numericTarget(i.actualValue);
    const sign = i.direction === 'lower' ? '≤' : '≥';
    const unit = quoteFormat(i.unit);
    put(r, 4, i.target, qualitative || target === null ? 'text' : 'number', target === null ? {} : { number: target, numberFormat: `"${sign}"0.####${unit}` });
    put(r, 5, i.actual, qualitative || actual === null ? 'text' : 'number', actual === null ? {} : { number: actual, numberFormat: `0.####${unit}` });
    put(r, 6, formatCentiFixed(i.weightCenti), 'number', { number: i.weightCenti / 100, numberFormat: '0.00' });
    const [E, F, G] = [ref(r, 4), ref(r, 5), ref(r, 6)];
    let formula: string | undefined;
    if (qualitative) {
      const grade = rules.qualitative.find((g) => g.label === i.actual);
      if (grade) formula = `ROUND(${G}*${grade.percent}/100,2)`;
    } else if (target !== null && actual !== null) {
      formula =
        i.direction === 'lower'
          ? `ROUND(IF(${F}<=${E},${G},IF(${E}<=0,0,${E}/${F}*${G})),2)`
          : `ROUND(IF(${F}>=${E},${G},IF(OR(${E}<=0,${F}<=0),0,${F}/${E}*${G})),2)`;
    }
    put(r, 7, i.scoreCenti === null ? '' : formatCentiFixed(i.scoreCenti), 'number', {
      number: i.scoreCenti === null ? null : i.scoreCenti / 100,
      numberFormat: '0.00',
      ...(formula ? { formula } : {}),
    });
    put(r, 8, i.reason, 'text');
    r += 1;
  });
  const lastIndicatorRow = r - 1;

  // 总分 and 评价等次.
  put(r, 0, '总分', 'total', { colSpan: 6 });
  put(r, 6, formatCentiFixed(t.maxCenti), 'number', {
    number: t.maxCenti / 100,
    numberFormat: '0.00',
    formula: `${ref(executionRow, 6)}+SUM(${ref(firstIndicatorRow, 6)}:${ref(Math.max(firstIndicatorRow, lastIndicatorRow), 6)})`,
  });
  const totalFormula = `${ref(executionRow, 8)}+SUM(${ref(firstIndicatorRow, 7)}:${ref(Math.max(firstIndicatorRow, lastIndicatorRow), 7)})`;
  put(r, 7, formatCentiFixed(t.totalCenti), 'number', { number: t.totalCenti / 100, numberFormat: '0.00', formula: totalFormula });
  put(r, 8, `评价等次：${t.grade}`, 'total', { formula: gradeFormula(ref(r, 7), rules) });
  r += 1;

  return { title: '项目支出绩效自评表', subtitle: `（${year}年度）`, unitLine: '', rows: r, cells };
}
