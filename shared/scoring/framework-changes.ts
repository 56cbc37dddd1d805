import type { FrameworkDoc } from './framework-doc.ts';
import { docToNodes, type FrameworkNode, nodePath, orderNodes, weightText } from './framework-tree.ts';
import { RULE_TYPE_LABELS } from './rule-spec.ts';
import { VALUE_SOURCE_LABELS } from './value-sources.ts';

// What saving a new version of a year's framework does to the year's stored score inputs. Inputs
// follow their indicator by code; an input is lost when its indicator disappears or when its rule
// type changes (a 定性 band means nothing to a 正向 rule). Losses are never silent: the service
// refuses the save until the caller confirms exactly these codes.

export interface LostScore {
  code: string;
  /** "管理效能 / 资金管理 / 资金使用合规性" in the framework as it is now. */
  path: string;
  /** Why the input goes, in Chinese. */
  reason: string;
}

export function scoresLostBySave(
  current: readonly FrameworkNode[],
  next: FrameworkDoc,
  hasInput: (indicatorId: number) => boolean,
): LostScore[] {
  const byId = new Map(current.map((n) => [n.id, n]));
  const nextByCode = new Map(docToNodes(next).map((n) => [n.code, n]));
  const lost: LostScore[] = [];
  for (const node of orderNodes(current)) {
    if (!hasInput(node.id)) continue;
    const after = nextByCode.get(node.code);
    const path = nodePath(node, byId);
    if (!after) {
      lost.push({ code: node.code, path, reason: '指标被删除（或编号被修改）' });
      continue;
    }
    const before = node.rule?.type;
    const now = after.rule?.type;
    if (before !== undefined && now !== undefined && before !== now) {
      lost.push({
        code: node.code,
        path,
        reason: `评分规则由“${RULE_TYPE_LABELS[before]}”改为“${RULE_TYPE_LABELS[now]}”，原填报内容不再适用`,
      });
    }
  }
  return lost;
}

/** One line per lost input, for the confirmation and the refusal message. */
export function describeLostScore(l: LostScore): string {
  return `${l.path}（${l.code}）：${l.reason}`;
}

/**
 * What an edit changes, one Chinese line per indicator, in the new tree's order (removed ones
 * last): "新增 2.1.2 项目绩效目标完成率", "1.1.1 预算执行率：权重 12.8 分 → 12 分", "删除 1.4.2 资产管理安全性".
 */
export function describeFrameworkChanges(before: FrameworkDoc, after: FrameworkDoc): string[] {
  const oldNodes = docToNodes(before);
  const newNodes = docToNodes(after);
  const old = new Map(oldNodes.map((n) => [n.code, n]));
  const newCodes = new Set(newNodes.map((n) => n.code));
  const parentCode = (nodes: readonly FrameworkNode[]) => {
    const codeOf = new Map(nodes.map((n) => [n.id, n.code]));
    return (n: FrameworkNode) => (n.parentId === null ? '' : (codeOf.get(n.parentId) ?? ''));
  };
  const oldParent = parentCode(oldNodes);
  const newParent = parentCode(newNodes);
  /** Codes of a parent's children that exist on both sides, in each side's order. */
  const keptOrder = (nodes: readonly FrameworkNode[], parentOf: (n: FrameworkNode) => string, parent: string, keep: (code: string) => boolean) =>
    nodes.filter((n) => parentOf(n) === parent && keep(n.code)).map((n) => n.code).join(',');

  const lines: string[] = [];
  const inBoth = (code: string) => old.has(code) && newCodes.has(code);
  if (keptOrder(oldNodes, oldParent, '', inBoth) !== keptOrder(newNodes, newParent, '', inBoth)) lines.push('一级指标顺序调整');
  for (const n of newNodes) {
    const o = old.get(n.code);
    if (!o) {
      lines.push(`新增 ${n.code} ${n.name}`);
      continue;
    }
    const parts: string[] = [];
    if (o.name !== n.name) parts.push(`名称“${o.name}” → “${n.name}”`);
    if (o.weightCenti !== n.weightCenti) parts.push(`权重 ${weightText(o.weightCenti)} → ${weightText(n.weightCenti)}`);
    if (o.selfScored !== n.selfScored) parts.push(n.selfScored ? '改为自评' : '改为不自评');
    if (o.rule && n.rule && o.rule.type !== n.rule.type) {
      parts.push(`计分方法 ${RULE_TYPE_LABELS[o.rule.type]} → ${RULE_TYPE_LABELS[n.rule.type]}`);
    } else if (JSON.stringify(o.rule) !== JSON.stringify(n.rule)) parts.push('评分参数已修改');
    if (o.valueSource !== n.valueSource) parts.push(`取值来源 ${VALUE_SOURCE_LABELS[o.valueSource]} → ${VALUE_SOURCE_LABELS[n.valueSource]}`);
    if (o.definition !== n.definition) parts.push('指标解释已修改');
    if (o.criteria !== n.criteria) parts.push('评分标准已修改');
    if (oldParent(o) !== newParent(n)) parts.push('移到其他上级指标下');
    if (keptOrder(oldNodes, oldParent, n.code, inBoth) !== keptOrder(newNodes, newParent, n.code, inBoth)) parts.push('下级指标顺序调整');
    if (parts.length > 0) lines.push(`${n.code} ${n.name}：${parts.join('；')}`);
  }
  for (const o of oldNodes) if (!newCodes.has(o.code)) lines.push(`删除 ${o.code} ${o.name}`);
  return lines;
}
