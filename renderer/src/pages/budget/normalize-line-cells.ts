import { CODE_KIND_LABELS, CODE_LEVELS, type CodeKind } from '../../../../shared/budget/code-list.ts';
import { CATEGORY_LABELS, type Category, deriveCategory, FUNDING_SOURCE_LABELS, type FundingSource } from '../../../../shared/domain/enums.ts';
import type { Unit } from '../../../../shared/domain/organization.ts';
import type { AmountUnit } from '../../../../shared/money/fen.ts';
import { parseAmountText } from '../../../../shared/import/normalize-amount.ts';
import { isNoProjectText, parseCategoryText, parseFundingSource } from '../../../../shared/import/parse-classification.ts';
import { splitCodeName } from '../../../../shared/import/split-code-name.ts';
import { type CellMessages, type CellTexts, COLUMN_TITLES } from './grid-columns.ts';
import { amountText } from './line-cells.ts';

// One grid row's texts → the values of a budget line. Every cell is read the way an import reads
// it (full-width digits, "1,234.56", "(1,234.56)", "￥", "30201 办公费"), and every problem is
// reported on its own cell so the rest of the row keeps what was typed.

export interface RowContext {
  units: readonly Unit[];
  amountUnit: AmountUnit;
}

export interface LineValues {
  unitId: number;
  fundingSource: FundingSource;
  category: Category;
  /** '' = no project. */
  projectName: string;
  funcCode: string;
  funcName: string;
  econCode: string;
  econName: string;
  initialFen: number;
  adjustmentFen: number;
  docNo: string;
  note: string;
}

export interface RowCheck {
  /** The cells rewritten in their standard form where they could be read, as typed where not. */
  cells: CellTexts;
  errors: CellMessages;
  /** Problems that do not stop the row from being saved. */
  warnings: CellMessages;
  value: LineValues | null;
}

const TEXT_LIMITS = { funcName: 100, econName: 100, docNo: 100, note: 500, projectName: 200 } as const;

function readUnit(raw: string, units: readonly Unit[]): { id: number; name: string } | { error: string } {
  const text = raw.trim();
  if (text === '') {
    if (units.length === 1) return { id: units[0]!.id, name: units[0]!.name };
    return { error: '请填写单位' };
  }
  const exact = units.find((u) => u.name === text);
  if (exact) return { id: exact.id, name: exact.name };
  const partial = units.filter((u) => u.name.includes(text) || text.includes(u.name));
  if (partial.length === 1) return { id: partial[0]!.id, name: partial[0]!.name };
  const names = units.map((u) => u.name).join('、');
  return { error: partial.length > 1 ? `“${text}”对应多个单位，请写全称（${names}）` : `没有名为“${text}”的单位（现有：${names || '无'}）` };
}

function readCode(kind: CodeKind, raw: string): { code: string; name: string; error?: string; warning?: string } {
  const { code, name } = splitCodeName(raw);
  const digits = code.replaceAll('.', '');
  if (raw.trim() !== '' && digits === '') return { code: raw.trim(), name: '', error: `${CODE_KIND_LABELS[kind]}编码只能是数字` };
  if (!/^\d*$/.test(digits)) return { code: raw.trim(), name: '', error: `${CODE_KIND_LABELS[kind]}编码只能是数字` };
  if (digits.length > 20) return { code: digits, name, error: '编码过长' };
  const levels = CODE_LEVELS[kind];
  const warning =
    digits !== '' && !levels.includes(digits.length) ? `${CODE_KIND_LABELS[kind]}编码一般为 ${levels.join('、')} 位数字，请核对` : undefined;
  return { code: digits, name, ...(warning ? { warning } : {}) };
}

/** Code cells that look wrong but are saved anyway (the shipped code lists are not exhaustive). */
export function codeWarnings(cells: CellTexts): CellMessages {
  const out: CellMessages = {};
  const f = readCode('func', cells.funcCode);
  const e = readCode('econ', cells.econCode);
  if (!f.error && f.warning) out.funcCode = f.warning;
  if (!e.error && e.warning) out.econCode = e.warning;
  return out;
}

export function checkRow(input: CellTexts, ctx: RowContext): RowCheck {
  const cells = { ...input };
  const errors: CellMessages = {};
  const warnings: CellMessages = {};

  const unit = readUnit(input.unit, ctx.units);
  if ('error' in unit) errors.unit = unit.error;
  else cells.unit = unit.name;

  let fundingSource: FundingSource = 'general_budget';
  const fs = parseFundingSource(input.fundingSource);
  if (fs.kind === 'error') errors.fundingSource = fs.reason;
  else {
    if (fs.kind === 'ok') fundingSource = fs.value;
    cells.fundingSource = FUNDING_SOURCE_LABELS[fundingSource];
  }

  const project = isNoProjectText(input.projectName) ? '' : input.projectName.trim();
  cells.projectName = project;

  const func = readCode('func', input.funcCode);
  const econ = readCode('econ', input.econCode);
  for (const [key, nameKey, r] of [
    ['funcCode', 'funcName', func],
    ['econCode', 'econName', econ],
  ] as const) {
    cells[key] = r.code;
    if (r.error) errors[key] = r.error;
    if (r.warning) warnings[key] = r.warning;
    // "30201 办公费" in the code cell also names the code when the name cell is empty.
    if (r.name !== '' && input[nameKey].trim() === '') cells[nameKey] = r.name;
  }

  let category: Category | null = null;
  const cat = parseCategoryText(input.category);
  if (cat.kind === 'error') errors.category = cat.reason;
  else if (cat.kind === 'empty' || cat.value === 'basic') {
    category = project !== '' && cat.kind === 'empty' ? 'project' : deriveCategory(econ.code, false);
  } else category = cat.value;
  if (category) cells.category = CATEGORY_LABELS[category];
  if (category === 'project' && project === '') errors.projectName = '项目支出必须填写项目名称';
  if (category !== null && category !== 'project' && project !== '') errors.projectName = '填写了项目名称的指标，支出类别应为“项目支出”';

  const scale = ctx.amountUnit === 'wan' ? 'wan' : 'yuan';
  const amounts = { initial: 0, adjustment: 0 };
  for (const key of ['initial', 'adjustment'] as const) {
    const r = parseAmountText(input[key], scale);
    if (r.kind === 'error') errors[key] = `${COLUMN_TITLES[key]}：${r.reason}`;
    else if (r.kind === 'empty') {
      if (key === 'initial') errors.initial = '请填写年初预算（没有请填 0）';
      else cells.adjustment = amountText(0, ctx.amountUnit);
    } else {
      amounts[key] = r.fen;
      cells[key] = amountText(r.fen, ctx.amountUnit);
    }
  }

  for (const key of ['funcName', 'econName', 'docNo', 'note'] as const) cells[key] = cells[key].trim();
  for (const [key, max] of Object.entries(TEXT_LIMITS) as Array<[keyof typeof TEXT_LIMITS, number]>) {
    if (cells[key].length > max) errors[key] = `${COLUMN_TITLES[key]}不能超过 ${max} 个字`;
  }

  const ok = Object.keys(errors).length === 0 && !('error' in unit) && category !== null;
  return {
    cells,
    errors,
    warnings,
    value: ok
      ? {
          unitId: (unit as { id: number }).id,
          fundingSource,
          category: category!,
          projectName: project,
          funcCode: cells.funcCode,
          funcName: cells.funcName,
          econCode: cells.econCode,
          econName: cells.econName,
          initialFen: amounts.initial,
          adjustmentFen: amounts.adjustment,
          docNo: cells.docNo,
          note: cells.note,
        }
      : null,
  };
}
