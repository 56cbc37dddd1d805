import {
  PROJECT_INDICATOR_KINDS,
  type ProjectIndicator,
  type ProjectIndicatorKind,
  type QualitativeGrade,
  targetWithSign,
} from '../domain/project-indicator.ts';
import { formatWan, type Fen } from '../money/fen.ts';
import { formatPoints } from '../scoring/points.ts';
import { compare, div, formatRational, parseDecimal, percentOf, type Rational, rational } from '../scoring/rational.ts';
import { scorePositive } from '../scoring/rules/positive.ts';
import { scaleWeight } from '../scoring/rules/scale-weight.ts';
import type { ProjectEvalRules } from './rules.ts';
import { splitCenti } from './split-weight.ts';

// One project's 项目支出绩效自评表 (财预〔2020〕10号), scored from its budget, spending and indicators:
//   预算执行率 score = 执行数 ÷ 全年预算数 × 分值, at most 分值;
//   定量 正向 = 实际 ÷ 目标 × 分值 (at most 分值), 定量 反向 = 目标 ÷ 实际 × 分值 (full at or below target);
//   定性 = the grade's percentage of 分值.
// Every score is rounded once, half up, to 0.01 分 from the exact ratio; the total adds the rounded
// scores so the printed parts add up to the printed total.

export interface FundFigures {
  fundingSource: string;
  initialFen: Fen;
  finalFen: Fen;
  actualFen: Fen;
}

export interface ProjectEvalInput {
  projectId: number;
  name: string;
  departmentName: string;
  unitName: string;
  funds: FundFigures[];
  goal: string;
  achievement: string;
  /** Per-project 一级 weights in centi; null = the rules' default. */
  weights: Record<ProjectIndicatorKind, number | null>;
  indicators: ProjectIndicator[];
}

export type FundRowKey = 'total' | 'fiscal' | 'carryover' | 'other';
export const FUND_ROW_LABELS: Record<FundRowKey, string> = {
  total: '年度资金总额',
  fiscal: '其中：当年财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
};

export interface FundRow {
  key: FundRowKey;
  label: string;
  initialFen: Fen;
  finalFen: Fen;
  actualFen: Fen;
  /** 执行率 in percent, exact; null without a budget. */
  rate: Rational | null;
}

export interface EvaluatedIndicator {
  id: number;
  kind: ProjectIndicatorKind;
  level1: string;
  level2: string;
  name: string;
  nature: ProjectIndicator['nature'];
  direction: ProjectIndicator['direction'];
  /** 年度指标值 as printed: "≥95%", "≤4小时", or the 定性 target in words. */
  target: string;
  /** 实际完成值 as printed: "98.6%", or the 定性 grade's label; '' when not filled in. */
  actual: string;
  /** The figures as typed (定量), for a spreadsheet that recomputes the score. */
  targetValue: string | null;
  actualValue: string | null;
  unit: string;
  weightCenti: number;
  /** True when 分值 was typed for this indicator rather than shared out. */
  weightTyped: boolean;
  scoreCenti: number | null;
  reason: string;
}

export type FindingKind = 'missing' | 'advisory';
export interface ProjectEvalFinding {
  kind: FindingKind;
  indicatorId: number | null;
  message: string;
}

export interface ProjectEvalResult {
  projectId: number;
  name: string;
  departmentName: string;
  unitName: string;
  funds: FundRow[];
  executionWeightCenti: number;
  executionScoreCenti: number | null;
  goal: string;
  achievement: string;
  levels: Array<{ kind: ProjectIndicatorKind; label: string; weightCenti: number; defaultWeightCenti: number; typed: boolean }>;
  indicators: EvaluatedIndicator[];
  totalCenti: number;
  maxCenti: number;
  grade: string;
  findings: ProjectEvalFinding[];
}

const centi = (points: number): number => Math.round(points * 100);
const HUNDRED = rational(100);

function fundRows(funds: FundFigures[], rules: ProjectEvalRules): FundRow[] {
  const rowOf = (source: string): FundRowKey =>
    rules.fundingRows.fiscal.includes(source) ? 'fiscal' : rules.fundingRows.carryover.includes(source) ? 'carryover' : 'other';
  const keys: FundRowKey[] = ['total', 'fiscal', 'carryover', 'other'];
  return keys.map((key) => {
    const parts = funds.filter((f) => key === 'total' || rowOf(f.fundingSource) === key);
    const initialFen = parts.reduce((a, f) => a + f.initialFen, 0);
    const finalFen = parts.reduce((a, f) => a + f.finalFen, 0);
    const actualFen = parts.reduce((a, f) => a + f.actualFen, 0);
    return { key, label: FUND_ROW_LABELS[key], initialFen, finalFen, actualFen, rate: percentOf(actualFen, finalFen) };
  });
}

/** Each 一级 weight, with the weight of a 一级 that has no indicator shared among those that do. */
function levelWeights(input: ProjectEvalInput, rules: ProjectEvalRules): ProjectEvalResult['levels'] {
  const levels = PROJECT_INDICATOR_KINDS.map((kind) => {
    const rule = rules.levels.find((l) => l.kind === kind)!;
    const typed = input.weights[kind];
    return { kind, label: rule.name, defaultWeightCenti: centi(rule.weight), weightCenti: typed ?? centi(rule.weight), typed: typed !== null };
  });
  const present = levels.filter((l) => input.indicators.some((i) => i.kind === l.kind));
  const vacant = levels.filter((l) => !present.includes(l)).reduce((a, l) => a + l.weightCenti, 0);
  if (present.length === 0 || vacant === 0) return levels;
  const extra = splitCenti(
    vacant,
    present.map((l) => l.weightCenti),
  );
  return levels.map((l) => {
    const at = present.indexOf(l);
    return at < 0 ? { ...l, weightCenti: 0 } : { ...l, weightCenti: l.weightCenti + extra[at]! };
  });
}

/** 分值 of each indicator of one 一级: typed ones as typed, the rest share what is left evenly. */
function indicatorWeights(items: ProjectIndicator[], levelCenti: number): number[] {
  const typedSum = items.reduce((a, i) => a + (i.weightCenti ?? 0), 0);
  const open = items.filter((i) => i.weightCenti === null);
  const shares = splitCenti(Math.max(0, levelCenti - typedSum), open.map(() => 1));
  return items.map((i) => i.weightCenti ?? shares[open.indexOf(i)]!);
}

function printedValue(text: string | null, unit: string): string {
  return text === null ? '' : `${text}${unit}`;
}

/** 反向 (lower is better): full at or below the target, else 目标 ÷ 实际 × 分值. */
function scoreLower(actual: Rational, target: Rational, weightCenti: number): number {
  if (compare(actual, target) <= 0) return weightCenti;
  if (target.num <= 0n) return 0;
  return scaleWeight(weightCenti, div(target, actual));
}

function scoreIndicator(i: ProjectIndicator, weightCenti: number, rules: ProjectEvalRules): { score: number | null; missing: string | null } {
  if (i.nature === 'qualitative') {
    if (i.grade === null) return { score: null, missing: '尚未选择完成档次（达成 / 部分达成 / 未达成）' };
    const percent = parseDecimal(rules.qualitative.find((g) => g.grade === i.grade)!.percent)!;
    return { score: scaleWeight(weightCenti, div(percent, HUNDRED)), missing: null };
  }
  const target = i.targetValue === null ? null : parseDecimal(i.targetValue);
  const actual = i.actualValue === null ? null : parseDecimal(i.actualValue);
  if (target === null) return { score: null, missing: '尚未填写年度指标值' };
  if (actual === null) return { score: null, missing: '尚未填写实际完成值' };
  return { score: i.direction === 'lower' ? scoreLower(actual, target, weightCenti) : scorePositive(actual, target, weightCenti), missing: null };
}

function gradeLabel(grade: QualitativeGrade | null, rules: ProjectEvalRules): string {
  return grade === null ? '' : rules.qualitative.find((g) => g.grade === grade)!.label;
}

/** 评价等次 of a total: the first grade whose threshold the total reaches. */
export function gradeOf(totalCenti: number, rules: ProjectEvalRules): string {
  const total = rational(totalCenti, 100);
  return rules.grades.find((g) => compare(total, parseDecimal(g.min)!) >= 0)?.name ?? rules.grades[rules.grades.length - 1]!.name;
}

export function evaluateProject(input: ProjectEvalInput, rules: ProjectEvalRules): ProjectEvalResult {
  const findings: ProjectEvalFinding[] = [];
  const funds = fundRows(input.funds, rules);
  const total = funds[0]!;
  const executionWeightCenti = centi(rules.execution.weight);
  const executionScoreCenti = total.finalFen > 0 ? scaleWeight(executionWeightCenti, rational(total.actualFen, total.finalFen)) : null;
  if (executionScoreCenti === null) {
    findings.push({ kind: 'missing', indicatorId: null, message: `全年预算数为 0，无法计算预算执行率：请先在“预算指标”中为该项目录入预算` });
  }
  const levels = levelWeights(input, rules);
  const indicators: EvaluatedIndicator[] = [];
  for (const level of levels) {
    const items = input.indicators.filter((i) => i.kind === level.kind);
    if (items.length === 0) continue;
    const weights = indicatorWeights(items, level.weightCenti);
    const weightSum = weights.reduce((a, w) => a + w, 0);
    if (weightSum !== level.weightCenti) {
      findings.push({
        kind: 'missing',
        indicatorId: null,
        message: `${level.label}各项分值合计 ${formatPoints(weightSum)} 分，与一级指标权重 ${formatPoints(level.weightCenti)} 分不一致：请调整分值`,
      });
    }
    const levelRule = rules.levels.find((l) => l.kind === level.kind)!;
    items.forEach((i, at) => {
      const weightCenti = weights[at]!;
      const { score, missing } = scoreIndicator(i, weightCenti, rules);
      if (missing) findings.push({ kind: 'missing', indicatorId: i.id, message: `指标“${i.name}”${missing}` });
      else if (score !== null && score < weightCenti && i.deviationReason.trim() === '') {
        findings.push({
          kind: 'advisory',
          indicatorId: i.id,
          message: `指标“${i.name}”得分 ${formatPoints(score)} 分，低于分值 ${formatPoints(weightCenti)} 分：请填写偏差原因分析及改进措施`,
        });
      }
      indicators.push({
        id: i.id,
        kind: i.kind,
        level1: level.label,
        level2: i.level2 || (levelRule.level2.length === 1 ? levelRule.level2[0]! : ''),
        name: i.name,
        nature: i.nature,
        direction: i.direction,
        target: i.nature === 'qualitative' ? i.targetText : printedValue(targetWithSign(i.direction, i.targetValue), i.unit),
        actual: i.nature === 'qualitative' ? gradeLabel(i.grade, rules) : printedValue(i.actualValue, i.unit),
        targetValue: i.targetValue,
        actualValue: i.actualValue,
        unit: i.unit,
        weightCenti,
        weightTyped: i.weightCenti !== null,
        scoreCenti: score,
        reason: i.deviationReason,
      });
    });
  }
  if (indicators.length === 0) {
    findings.push({ kind: 'missing', indicatorId: null, message: '尚未设置绩效指标：请添加产出、效益、满意度指标' });
  }
  const allMet = indicators.length > 0 && indicators.every((i) => i.scoreCenti !== null && i.scoreCenti === i.weightCenti);
  const low = parseDecimal(rules.lowSpending.below)!;
  if (allMet && total.rate !== null && compare(total.rate, low) < 0) {
    findings.push({
      kind: 'advisory',
      indicatorId: null,
      message:
        `预算执行率仅 ${formatRational(total.rate)}%（全年预算 ${formatWan(total.finalFen)} 万元，执行 ${formatWan(total.actualFen)} 万元），` +
        `低于 ${rules.lowSpending.below}%，而绩效指标全部完成或超额完成：请核实是预算编制偏大，还是绩效目标设定偏低`,
    });
  }
  const totalCenti = (executionScoreCenti ?? 0) + indicators.reduce((a, i) => a + (i.scoreCenti ?? 0), 0);
  const maxCenti = executionWeightCenti + levels.reduce((a, l) => a + l.weightCenti, 0);
  return {
    projectId: input.projectId,
    name: input.name,
    departmentName: input.departmentName,
    unitName: input.unitName,
    funds,
    executionWeightCenti,
    executionScoreCenti,
    goal: input.goal,
    achievement: input.achievement,
    levels,
    indicators,
    totalCenti,
    maxCenti,
    grade: gradeOf(totalCenti, rules),
    findings,
  };
}
