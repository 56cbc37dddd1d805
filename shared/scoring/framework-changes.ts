import type { FrameworkDoc } from './framework-doc.ts';
import { docToNodes, type FrameworkNode, nodePath, orderNodes } from './framework-tree.ts';
import { RULE_TYPE_LABELS } from './rule-spec.ts';

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
