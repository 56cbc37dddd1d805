import { childrenIndex, type FrameworkNode, nodeLabel, weightText } from './framework-tree.ts';
import { MAX_LEVEL } from './framework-doc.ts';
import { bandRanges } from './band-ranges.ts';
import { pointsNumberToCenti } from './points.ts';
import { isNumericRule } from './rule-spec.ts';
import { rangesOverlap, isEmptyRange } from './rules/score-bands.ts';
import { VALUE_SOURCE_LABELS } from './value-sources.ts';

/** A document's stated 满分 in centi-points; null when it states none. */
export function statedTotalCenti(doc: { total?: number | undefined }): number | null {
  return doc.total === undefined ? null : (pointsNumberToCenti(doc.total) ?? Number.NaN);
}

export interface FrameworkIssue {
  /** The indicator the issue is about; absent for framework-wide issues. */
  code?: string;
  message: string;
}

/**
 * Structural checks a framework must pass before a year can be finalised on it: weights add up
 * (children sum to their parent), the tree is at most three levels deep, every self-scored leaf has
 * a rule, and data sources feed only numeric rules.
 */
export function validateFramework(nodes: readonly FrameworkNode[], totalCenti: number | null = null): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const index = childrenIndex(nodes);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seenCodes = new Map<string, FrameworkNode>();

  for (const n of nodes) {
    const label = nodeLabel(n);
    const first = seenCodes.get(n.code);
    if (first) issues.push({ code: n.code, message: `指标编号 ${n.code} 重复（“${first.name}”与“${n.name}”）` });
    else seenCodes.set(n.code, n);

    if (!Number.isSafeInteger(n.weightCenti) || n.weightCenti < 0) {
      issues.push({ code: n.code, message: `${label}的权重无效，应为不小于 0、最多两位小数的分值` });
    }
    if (n.level > MAX_LEVEL) {
      issues.push({ code: n.code, message: `${label}位于第 ${n.level} 级，指标体系最多三级` });
    }
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    if (n.parentId !== null && !parent) {
      issues.push({ code: n.code, message: `${label}的上级指标不存在` });
    }
    if (parent && n.level !== parent.level + 1) {
      issues.push({ code: n.code, message: `${label}的级次（${n.level}）与上级指标不衔接` });
    }
    if (parent && !parent.selfScored && n.selfScored) {
      issues.push({ code: n.code, message: `${label}的上级“${parent.name}”不属于自评范围，本指标也不能自评` });
    }

    const kids = index.get(n.id) ?? [];
    if (n.rule === null) {
      issues.push({ code: n.code, message: `${label}：${n.ruleError ?? '评分规则无法读取'}` });
    } else if (kids.length > 0) {
      if (n.rule.type !== 'none') {
        issues.push({ code: n.code, message: `${label}有下级指标，得分按下级合计，不能再设置评分规则` });
      }
      const sum = kids.reduce((s, k) => s + k.weightCenti, 0);
      if (sum !== n.weightCenti) {
        issues.push({
          code: n.code,
          message: `${label}的下级指标权重合计 ${weightText(sum)}，与本级权重 ${weightText(n.weightCenti)}不一致`,
        });
      }
    } else if (n.selfScored && n.rule.type === 'none') {
      issues.push({ code: n.code, message: `${label}是末级自评指标，必须设置评分规则` });
    }
    if (n.rule?.type === 'bands') {
      const ranges = bandRanges(n.rule);
      if (ranges === null) issues.push({ code: n.code, message: `${label}的区间计分有无效的数字（区间端点须为数字，得分最多两位小数）` });
      else {
        ranges.forEach((r, i) => {
          if (isEmptyRange(r)) issues.push({ code: n.code, message: `${label}的第 ${i + 1} 个计分区间为空（下限高于上限，或同一点未包含端点）` });
          if (r.pointsCenti > n.weightCenti) {
            issues.push({ code: n.code, message: `${label}的第 ${i + 1} 个计分区间得分 ${weightText(r.pointsCenti)}，超过本级权重 ${weightText(n.weightCenti)}` });
          }
          for (let j = 0; j < i; j++) {
            if (rangesOverlap(ranges[j]!, r)) issues.push({ code: n.code, message: `${label}的第 ${j + 1} 个与第 ${i + 1} 个计分区间重叠` });
          }
        });
      }
    }
    if (n.rule && n.valueSource !== 'manual' && !isNumericRule(n.rule)) {
      issues.push({
        code: n.code,
        message: `${label}的取值来源为“${VALUE_SOURCE_LABELS[n.valueSource]}”，只能用于正向、等于、反向或按百分点扣分的规则`,
      });
    }
  }

  const top = index.get(null) ?? [];
  if (totalCenti !== null) {
    const sum = top.reduce((s, n) => s + n.weightCenti, 0);
    if (sum !== totalCenti) {
      const blocks = top.map((n) => `${n.name} ${weightText(n.weightCenti)}`).join('、');
      issues.push({ message: `一级指标权重合计 ${weightText(sum)}（${blocks}），与指标体系总分 ${weightText(totalCenti)}不一致` });
    }
  }
  const scoredTop = top.filter((n) => n.selfScored && n.weightCenti > 0);
  if (scoredTop.length === 0) issues.push({ message: '指标体系没有可自评的一级指标' });
  return issues;
}
