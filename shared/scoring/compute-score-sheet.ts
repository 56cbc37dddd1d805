import type { DataValues } from './data-values.ts';
import { evaluateLeaf } from './evaluate-leaf.ts';
import { childrenIndex, type FrameworkMeta, type FrameworkNode, nodePath, orderNodes } from './framework-tree.ts';
import { RULE_TYPE_LABELS } from './rule-spec.ts';
import { bandRange } from './rules/qualitative-bands.ts';
import { emptyInput, type ScoreInputRow } from './score-input.ts';
import type { Deduction, PendingItem, ScoreRow, ScoreSheet } from './schemas.ts';
import { statedTotalCenti, validateFramework } from './validate-framework.ts';
import { VALUE_SOURCE_LABELS } from './value-sources.ts';

export interface ScoreSheetContext {
  yearId: number;
  year: number;
  frameworkId: number;
  framework: FrameworkMeta;
}

/**
 * The whole score sheet from the framework rows, the year's inputs and the data values: every leaf
 * scored by its rule, subtotals rolled up, deductions with reasons, and what is still missing.
 * Pure, so the page, the report, the CLI and the tests all get the same numbers.
 */
export function computeScoreSheet(
  ctx: ScoreSheetContext,
  nodes: readonly FrameworkNode[],
  inputs: readonly ScoreInputRow[],
  data: DataValues,
): ScoreSheet {
  const ordered = orderNodes(nodes);
  const byId = new Map(ordered.map((n) => [n.id, n]));
  const kids = childrenIndex(ordered);
  const inputById = new Map(inputs.map((i) => [i.indicatorId, i]));
  const rows = new Map<number, ScoreRow>();

  const baseRow = (n: FrameworkNode, input: ScoreInputRow): Omit<ScoreRow, 'isLeaf'> => ({
    indicatorId: n.id,
    parentId: n.parentId,
    level: n.level,
    code: n.code,
    name: n.name,
    path: nodePath(n, byId),
    selfScored: n.selfScored,
    core: n.core,
    weightCenti: n.weightCenti,
    rule: n.rule,
    ruleType: n.rule?.type ?? null,
    ruleLabel: n.rule ? RULE_TYPE_LABELS[n.rule.type] : '评分规则无效',
    valueSource: n.valueSource,
    sourceLabel: VALUE_SOURCE_LABELS[n.valueSource],
    definition: n.definition,
    criteria: n.criteria,
    targetText: null,
    actualText: null,
    valueDetail: '',
    input: {
      targetValue: input.targetValue,
      actualValue: input.actualValue,
      band: input.band,
      chosenScoreCenti: input.chosenScoreCenti,
      overrideScoreCenti: input.overrideScoreCenti,
      basis: input.basis,
    },
    bandRanges:
      n.rule?.type === 'qualitative'
        ? {
            achieved: bandRange('achieved', n.weightCenti),
            partial: bandRange('partial', n.weightCenti),
            not_achieved: bandRange('not_achieved', n.weightCenti),
          }
        : null,
    computedScoreCenti: null,
    scoreCenti: null,
    deductionCenti: null,
    overridden: false,
    reason: '',
    condition: null,
    note: '',
    missing: [],
    complete: true,
  });

  // Post-order: a parent's row is built after its children's.
  const build = (n: FrameworkNode): ScoreRow => {
    const input = inputById.get(n.id) ?? emptyInput(n.id);
    const children = kids.get(n.id) ?? [];
    let row: ScoreRow;
    if (children.length === 0) {
      row = { ...baseRow(n, input), isLeaf: true };
      if (n.selfScored) {
        const ev = evaluateLeaf(n, input, data);
        row = {
          ...row,
          targetText: ev.targetText,
          actualText: ev.actualText,
          valueDetail: ev.valueDetail,
          computedScoreCenti: ev.computedCenti,
          scoreCenti: ev.scoreCenti,
          deductionCenti: ev.deductionCenti,
          overridden: ev.overridden,
          reason: ev.reason,
          condition: ev.condition,
          note: ev.note,
          missing: ev.missing,
          complete: ev.missing.length === 0,
        };
      }
    } else {
      const childRows = children.map(build);
      row = { ...baseRow(n, input), isLeaf: false };
      if (n.selfScored) {
        const scored = childRows.filter((c) => c.selfScored);
        const complete = scored.every((c) => c.complete);
        const score = scored.reduce((s, c) => s + (c.scoreCenti ?? 0), 0);
        const lost = scored.reduce((s, c) => s + (c.deductionCenti ?? 0), 0);
        row = { ...row, scoreCenti: score, deductionCenti: complete ? n.weightCenti - score : lost, complete };
      }
    }
    rows.set(n.id, row);
    return row;
  };
  const top = kids.get(null) ?? [];
  for (const n of top) build(n);

  const orderedRows = ordered.map((n) => rows.get(n.id)!);
  const pending: PendingItem[] = orderedRows
    .filter((r) => r.isLeaf && r.missing.length > 0)
    .map((r) => ({ indicatorId: r.indicatorId, code: r.code, path: r.path, messages: r.missing }));

  const blockOf = (n: FrameworkNode): FrameworkNode => {
    let cur = n;
    while (cur.parentId !== null && byId.has(cur.parentId)) cur = byId.get(cur.parentId)!;
    return cur;
  };
  const deductions: Deduction[] = orderedRows
    .filter((r) => r.isLeaf && r.selfScored && (r.deductionCenti ?? 0) > 0)
    .map((r) => {
      const block = blockOf(byId.get(r.indicatorId)!);
      return {
        indicatorId: r.indicatorId,
        code: r.code,
        indicator: r.name,
        path: r.path,
        blockId: block.id,
        blockName: block.name,
        pointsCenti: r.deductionCenti!,
        reason: r.reason,
        condition: r.condition,
        note: r.note,
        overridden: r.overridden,
      };
    });

  const topRows = top.map((n) => rows.get(n.id)!);
  const scoredTop = topRows.filter((r) => r.selfScored);
  const frameworkIssues = validateFramework(ordered, statedTotalCenti(ctx.framework));
  return {
    yearId: ctx.yearId,
    year: ctx.year,
    frameworkId: ctx.frameworkId,
    frameworkName: ctx.framework.name,
    frameworkVersion: ctx.framework.version,
    scoreColumns: ctx.framework.columns ?? [],
    totalCenti: scoredTop.reduce((s, r) => s + (r.scoreCenti ?? 0), 0),
    maxCenti: scoredTop.reduce((s, r) => s + r.weightCenti, 0),
    frameworkMaxCenti: topRows.reduce((s, r) => s + r.weightCenti, 0),
    complete: pending.length === 0 && frameworkIssues.length === 0,
    pending,
    rows: orderedRows,
    deductions,
    frameworkIssues,
  };
}
