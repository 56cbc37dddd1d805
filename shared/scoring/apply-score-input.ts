import type { FrameworkNode } from './framework-tree.ts';
import { nodeLabel } from './framework-tree.ts';
import { formatPoints } from './points.ts';
import { normalizeDecimalText } from './rational.ts';
import { isNumericRule } from './rule-spec.ts';
import { BAND_LABELS, bandOf, bandRange, isInBand } from './rules/qualitative-bands.ts';
import { CHECKLIST_NO, CHECKLIST_YES, type ScoreInputRow } from './score-input.ts';
import type { SaveScoreInput } from './schemas.ts';
import { VALUE_SOURCE_LABELS } from './value-sources.ts';

export type ApplyResult = { ok: true; row: ScoreInputRow } | { ok: false; errors: string[] };

/**
 * Merges a save request into the stored input, refusing what the indicator's rule does not take
 * (a typed value for a data-sourced rate, a band for a 正向指标, a score outside the band) and the
 * two things the rules make mandatory: a 得分依据 for an adjusted score and a reason for a manual
 * score below full marks.
 */
export function applyScoreInput(node: FrameworkNode, current: ScoreInputRow, patch: SaveScoreInput): ApplyResult {
  const errors: string[] = [];
  const label = nodeLabel(node);
  const rule = node.rule;
  const w = node.weightCenti;
  if (!node.selfScored) return { ok: false, errors: [`${label}不属于自评范围，不能填报得分`] };
  if (rule === null || rule.type === 'none') return { ok: false, errors: [`${label}不是末级评分指标，得分由下级指标合计`] };
  const numeric = isNumericRule(rule);
  const row: ScoreInputRow = { ...current };

  if (patch.basis !== undefined) row.basis = patch.basis.trim();

  if (patch.targetValue !== undefined) {
    if (!numeric) errors.push(`${label}是${rule.type === 'qualitative' ? '定性' : '非数值'}指标，不需要填写指标值`);
    else if (patch.targetValue === null || patch.targetValue.trim() === '') row.targetValue = null;
    else {
      const t = normalizeDecimalText(patch.targetValue);
      if (t === null) errors.push(`${label}的指标值“${patch.targetValue}”不是有效数字`);
      else if (t.startsWith('-')) errors.push(`${label}的指标值不能为负数`);
      else row.targetValue = t;
    }
  }

  if (patch.actualValue !== undefined) {
    if (!numeric) {
      errors.push(`${label}不需要填写实际完成值${rule.type === 'checklist' ? '，请回答“是”或“否”' : ''}`);
    } else if (node.valueSource !== 'manual') {
      errors.push(
        `${label}的实际值${VALUE_SOURCE_LABELS[node.valueSource]}，不能手工填写；如需调整得分，请使用“调整得分”并填写得分依据`,
      );
    } else if (patch.actualValue === null || patch.actualValue.trim() === '') row.actualValue = null;
    else {
      const a = normalizeDecimalText(patch.actualValue);
      if (a === null) errors.push(`${label}的实际完成值“${patch.actualValue}”不是有效数字`);
      else row.actualValue = a;
    }
  }

  if (patch.answer !== undefined) {
    if (rule.type !== 'checklist') errors.push(`${label}不是“是否判断”指标`);
    else row.actualValue = patch.answer === null ? null : patch.answer === 'yes' ? CHECKLIST_YES : CHECKLIST_NO;
  }

  if (patch.band !== undefined) {
    if (rule.type !== 'qualitative') errors.push(`${label}不是定性指标，不能选择完成档次`);
    else {
      row.band = patch.band;
      // A score from another band no longer fits; the user picks again.
      if (patch.chosenScoreCenti === undefined && row.chosenScoreCenti !== null) {
        if (row.band === null || !isInBand(row.band, row.chosenScoreCenti, w)) row.chosenScoreCenti = null;
      }
    }
  }

  if (patch.chosenScoreCenti !== undefined) {
    const s = patch.chosenScoreCenti;
    if (rule.type !== 'qualitative' && rule.type !== 'manual') {
      errors.push(`${label}的得分由规则计算，不能直接填写；如需调整，请使用“调整得分”并填写得分依据`);
    } else if (s === null) row.chosenScoreCenti = null;
    else if (s < 0 || s > w) errors.push(`${label}的得分 ${formatPoints(s)} 分超出 0–${formatPoints(w)} 分`);
    else if (rule.type === 'qualitative') {
      if (row.band === null) row.band = bandOf(s, w);
      if (row.band !== null && !isInBand(row.band, s, w)) {
        const range = bandRange(row.band, w);
        const rangeText = range ? `${formatPoints(range.min)}–${formatPoints(range.max)} 分` : '无可选分值';
        errors.push(`${label}的得分 ${formatPoints(s)} 分不在“${BAND_LABELS[row.band]}”档（${rangeText}）内`);
      } else row.chosenScoreCenti = s;
    } else row.chosenScoreCenti = s;
  }

  if (patch.overrideScoreCenti !== undefined) {
    const o = patch.overrideScoreCenti;
    if (rule.type === 'manual' && o !== null) errors.push(`${label}是手工评分指标，请直接修改得分`);
    else if (o !== null && (o < 0 || o > w)) {
      errors.push(`${label}的调整后得分 ${formatPoints(o)} 分超出 0–${formatPoints(w)} 分`);
    } else row.overrideScoreCenti = o;
  }

  if (errors.length === 0) {
    if (row.overrideScoreCenti !== null && row.basis === '') {
      errors.push(`${label}调整了得分，必须填写得分依据`);
    }
    if (rule.type === 'manual' && row.chosenScoreCenti !== null && row.chosenScoreCenti < w && row.basis === '') {
      errors.push(`${label}的得分低于满分（${formatPoints(w)} 分），必须填写扣分原因`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, row };
}
