import type { DataValues } from './data-values.ts';
import type { FrameworkNode } from './framework-tree.ts';
import { formatPoints } from './points.ts';
import { compare, formatRational, parseDecimal, type Rational } from './rational.ts';
import { isNumericRule, type NumericRule } from './rule-spec.ts';
import { scoreChecklist } from './rules/checklist.ts';
import { scoreEqual } from './rules/equal.ts';
import { scorePointSteps } from './rules/point-steps.ts';
import { scorePositive } from './rules/positive.ts';
import { BAND_LABELS, bandRange, isInBand } from './rules/qualitative-bands.ts';
import { scoreReverse } from './rules/reverse.ts';
import { bandRanges } from './band-ranges.ts';
import { rangeText, scoreBands } from './rules/score-bands.ts';
import { CHECKLIST_NO, CHECKLIST_YES, type ScoreInputRow } from './score-input.ts';
import { isDataSource, VALUE_SOURCE_MISSING } from './value-sources.ts';

export interface LeafEvaluation {
  /** Target as printed, with unit ("100%"). */
  targetText: string | null;
  /** Actual value as printed ("94.23%", "是", a band label). */
  actualText: string | null;
  /** Where the value came from, in figures ("支出 … ÷ 预算 …"); empty for typed values. */
  valueDetail: string;
  computedCenti: number | null;
  /** The score that counts: the override if any, else the computed score. */
  scoreCenti: number | null;
  overridden: boolean;
  deductionCenti: number | null;
  /** Why points were lost, as a phrase naming the indicator; empty at full marks. */
  reason: string;
  /** The shared part of a rule-made reason ("未达 100%"), so the summary can group like deductions. */
  condition: string | null;
  /** The user's reason (or the checklist's default) behind a judged or adjusted deduction. */
  note: string;
  /** What the user still has to provide, in Chinese; empty when the indicator is complete. */
  missing: string[];
}

function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text}${unit}` : text;
}

function valueText(r: Rational, unit: string | undefined): string {
  return withUnit(formatRational(r, 2, { trim: true }), unit);
}

function cleanBasis(basis: string): string {
  return basis.trim().replace(/[。；;，,\s]+$/u, '');
}

interface Computed {
  computedCenti: number | null;
  targetText: string | null;
  actualText: string | null;
  valueDetail: string;
  condition: string | null;
  /** Reason for a judged (not rule-made) deduction. */
  judgedReason: string;
  missing: string[];
}

function evaluateNumeric(
  node: FrameworkNode,
  rule: NumericRule,
  input: ScoreInputRow,
  data: DataValues,
): Computed {
  const missing: string[] = [];
  const unit = rule.unit;
  // 区间计分 has its ranges instead of a target.
  const targetRaw = rule.type === 'bands' ? null : (input.targetValue ?? rule.target ?? null);
  const target = targetRaw === null ? null : parseDecimal(targetRaw);
  if (rule.type !== 'bands') {
    if (targetRaw === null) missing.push('请填写指标值（目标值）');
    else if (target === null) missing.push(`指标值“${targetRaw}”不是有效数字，请重新填写`);
  }

  let actual: Rational | null = null;
  let valueDetail = '';
  if (isDataSource(node.valueSource)) {
    const dv = data[node.valueSource];
    actual = dv.value;
    valueDetail = dv.detail;
    if (actual === null) missing.push(VALUE_SOURCE_MISSING[node.valueSource]);
  } else if (input.actualValue === null) {
    missing.push('请填写实际完成值');
  } else {
    actual = parseDecimal(input.actualValue);
    if (actual === null) missing.push(`实际完成值“${input.actualValue}”不是有效数字，请重新填写`);
  }

  const targetText = target === null ? null : valueText(target, unit);
  const actualText = actual === null ? null : valueText(actual, unit);
  const base = { targetText, actualText, valueDetail, judgedReason: '' };
  if (rule.type === 'bands') {
    if (actual === null) return { ...base, computedCenti: null, condition: null, missing };
    const ranges = bandRanges(rule);
    if (ranges === null) return { ...base, computedCenti: null, condition: null, missing: ['区间计分的区间设置无效，请修改指标体系'] };
    const hit = scoreBands(actual, ranges);
    if (hit === null) {
      return { ...base, computedCenti: null, condition: null, missing: [`数值 ${actualText} 不在任何计分区间内，请修改指标体系的区间或调整得分`] };
    }
    const computedCenti = Math.min(hit.pointsCenti, node.weightCenti);
    return { ...base, computedCenti, condition: `在 ${rangeText(ranges[hit.index]!, (r) => valueText(r, unit))} 区间`, missing };
  }
  if (target === null || actual === null) return { ...base, computedCenti: null, condition: null, missing };

  const w = node.weightCenti;
  let computedCenti: number;
  let condition: string;
  switch (rule.type) {
    case 'positive':
      computedCenti = scorePositive(actual, target, w);
      condition = `未达 ${targetText}`;
      break;
    case 'equal':
      computedCenti = scoreEqual(actual, target, w);
      condition = target.num === 0n ? `高于 ${targetText}` : `未达 ${targetText}`;
      break;
    case 'reverse':
      computedCenti = scoreReverse(actual, target, w);
      condition = `超过 ${targetText}`;
      break;
    case 'steps': {
      const step = parseDecimal(rule.step);
      const perStep = parseDecimal(rule.pointsPerStep);
      if (step === null || perStep === null || step.num <= 0n) {
        return { ...base, computedCenti: null, condition: null, missing: ['评分规则的每档大小或每档扣分无效，请修改指标体系'] };
      }
      const perStepCenti = Number((perStep.num * 100n) / perStep.den);
      computedCenti = scorePointSteps(
        actual,
        { target, direction: rule.direction, step, pointsPerStepCenti: perStepCenti, counting: rule.counting },
        w,
      );
      condition = rule.direction === 'below' ? `低于 ${targetText}` : `超过 ${targetText}`;
      break;
    }
  }

  if (rule.type === 'reverse' && rule.explainAbove !== undefined && input.basis.trim() === '') {
    const limit = parseDecimal(rule.explainAbove);
    if (limit !== null && compare(actual, limit) > 0) {
      missing.push(`${node.name}为 ${actualText}，超过 ${valueText(limit, unit)}，请填写原因说明`);
    }
  }
  return { ...base, computedCenti, condition, missing };
}

function evaluateJudged(node: FrameworkNode, input: ScoreInputRow): Computed {
  const rule = node.rule;
  const w = node.weightCenti;
  const basis = cleanBasis(input.basis);
  const empty = { targetText: null, valueDetail: '', condition: null };
  if (rule?.type === 'qualitative') {
    if (input.band === null) {
      return { ...empty, actualText: null, computedCenti: null, judgedReason: '', missing: ['请选择完成档次（达成 / 部分达成 / 未达成）'] };
    }
    const label = BAND_LABELS[input.band];
    const range = bandRange(input.band, w);
    const rangeText = range ? `${formatPoints(range.min)}–${formatPoints(range.max)} 分` : '无可选分值';
    if (input.chosenScoreCenti === null) {
      return { ...empty, actualText: label, computedCenti: null, judgedReason: '', missing: [`请在“${label}”档（${rangeText}）内确定得分`] };
    }
    if (!isInBand(input.band, input.chosenScoreCenti, w)) {
      return {
        ...empty,
        actualText: label,
        computedCenti: null,
        judgedReason: '',
        missing: [`所选得分 ${formatPoints(input.chosenScoreCenti)} 分不在“${label}”档（${rangeText}）内，请重新确定`],
      };
    }
    const missing = input.chosenScoreCenti < w && basis === '' ? ['得分低于满分，请填写扣分原因'] : [];
    return { ...empty, actualText: label, computedCenti: input.chosenScoreCenti, judgedReason: basis, missing };
  }
  if (rule?.type === 'checklist') {
    const answer = input.actualValue === CHECKLIST_YES ? 'yes' : input.actualValue === CHECKLIST_NO ? 'no' : null;
    if (answer === null) {
      return { ...empty, actualText: null, computedCenti: null, judgedReason: '', missing: [`请回答：${rule.question ?? node.name}（是 / 否）`] };
    }
    const reason = basis || cleanBasis(rule.failReason ?? '');
    const missing = answer === 'no' && reason === '' ? ['回答为“否”，请填写扣分原因'] : [];
    return {
      ...empty,
      actualText: answer === 'yes' ? '是' : '否',
      computedCenti: scoreChecklist(answer, w),
      judgedReason: reason,
      missing,
    };
  }
  // manual
  if (input.chosenScoreCenti === null) {
    return { ...empty, actualText: null, computedCenti: null, judgedReason: '', missing: [`请填写得分（0–${formatPoints(w)} 分）`] };
  }
  if (input.chosenScoreCenti < 0 || input.chosenScoreCenti > w) {
    return {
      ...empty,
      actualText: null,
      computedCenti: null,
      judgedReason: '',
      missing: [`得分 ${formatPoints(input.chosenScoreCenti)} 分超出 0–${formatPoints(w)} 分，请重新填写`],
    };
  }
  const missing = input.chosenScoreCenti < w && basis === '' ? ['得分低于满分，请填写扣分原因'] : [];
  return { ...empty, actualText: null, computedCenti: input.chosenScoreCenti, judgedReason: basis, missing };
}

/** Scores one self-scored leaf indicator from its rule, the year's input and the data values. */
export function evaluateLeaf(node: FrameworkNode, input: ScoreInputRow, data: DataValues): LeafEvaluation {
  const rule = node.rule;
  if (rule === null || rule.type === 'none') {
    return {
      targetText: null,
      actualText: null,
      valueDetail: '',
      computedCenti: null,
      scoreCenti: null,
      overridden: false,
      deductionCenti: null,
      reason: '',
      condition: null,
      note: '',
      missing: [node.ruleError ?? '未设置评分规则，请先在指标体系中设置'],
    };
  }
  const c = isNumericRule(rule)
      ? evaluateNumeric(node, rule, input, data)
      : evaluateJudged(node, input);
  const w = node.weightCenti;
  const basis = cleanBasis(input.basis);

  if (input.overrideScoreCenti !== null) {
    const o = input.overrideScoreCenti;
    const missing: string[] = [];
    if (basis === '') missing.push('已调整得分，请填写得分依据');
    if (!Number.isSafeInteger(o) || o < 0 || o > w) {
      missing.push(`调整后得分 ${formatPoints(o)} 分超出 0–${formatPoints(w)} 分，请重新填写`);
    }
    const valid = missing.length === 0;
    return {
      targetText: c.targetText,
      actualText: c.actualText,
      valueDetail: c.valueDetail,
      computedCenti: c.computedCenti,
      scoreCenti: valid ? o : null,
      overridden: true,
      deductionCenti: valid ? w - o : null,
      reason: valid && o < w ? `${node.name}：${basis}` : '',
      condition: null,
      note: valid && o < w ? basis : '',
      missing,
    };
  }

  const score = c.missing.length === 0 ? c.computedCenti : null;
  const deduction = score === null ? null : w - score;
  let reason = '';
  let condition: string | null = null;
  let note = '';
  if (deduction !== null && deduction > 0) {
    if (c.condition !== null) {
      condition = c.condition;
      reason = `${node.name}${c.condition}`;
    } else {
      note = c.judgedReason;
      reason = `${node.name}：${c.judgedReason}`;
    }
  }
  return {
    targetText: c.targetText,
    actualText: c.actualText,
    valueDetail: c.valueDetail,
    computedCenti: c.computedCenti,
    scoreCenti: score,
    overridden: false,
    deductionCenti: deduction,
    reason,
    condition,
    note,
    missing: c.missing,
  };
}
