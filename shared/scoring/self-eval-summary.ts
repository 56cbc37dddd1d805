import { formatPoints } from './points.ts';
import type { Deduction, ScoreRow, ScoreSheet } from './schemas.ts';

// The 自评综述 score paragraph: the total, then one numbered item per self-scored 一级指标 with its
// 满分 (from the framework, never assumed), its 二级 scores, and every deduction with its reason.
// Like deductions ("A 和 B 未达 100%") are grouped the way a person would write them.

export interface SummaryOptions {
  year: number;
  /** How the unit names itself in its own report, e.g. "我办", "我局". */
  selfName: string;
}

function pts(centi: number): string {
  return `${formatPoints(centi)} 分`;
}

/**
 * ["A"] → "A"; ["A","B"] → "A和B"; ["A","B","C"] → "A、B和C". `and` is "和 " before a number, the
 * way the report spaces digits after Chinese ("0.74 分和 0.05 分").
 */
function joinAnd(items: readonly string[], and = '和'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}${and}${items[items.length - 1]}`;
}

function deductionClauses(deductions: readonly Deduction[]): string[] {
  const clauses: string[] = [];
  const groups = new Map<string, Deduction[]>();
  const order: Array<string | Deduction> = [];
  for (const d of deductions) {
    if (d.condition === null) {
      order.push(d);
      continue;
    }
    const group = groups.get(d.condition);
    if (group) group.push(d);
    else {
      groups.set(d.condition, [d]);
      order.push(d.condition);
    }
  }
  for (const item of order) {
    if (typeof item === 'string') {
      const group = groups.get(item)!;
      const names = joinAnd(group.map((d) => d.indicator));
      const amounts = joinAnd(group.map((d) => pts(d.pointsCenti)), '和 ');
      clauses.push(`${names}${item}，${group.length > 1 ? '分别' : ''}扣 ${amounts}`);
    } else {
      clauses.push(`${item.indicator}方面${item.note}，扣 ${pts(item.pointsCenti)}`);
    }
  }
  return clauses;
}

function topAncestor(sheet: ScoreSheet, indicatorId: number): number {
  const byId = new Map(sheet.rows.map((r) => [r.indicatorId, r]));
  let cur = byId.get(indicatorId);
  while (cur && cur.parentId !== null && byId.has(cur.parentId)) cur = byId.get(cur.parentId);
  return cur?.indicatorId ?? indicatorId;
}

function blockText(index: number, block: ScoreRow, sheet: ScoreSheet): string {
  const head = `${index}.${block.name}方面，总分 ${pts(block.weightCenti)}。`;
  const score = block.scoreCenti ?? 0;
  const full = block.complete && score === block.weightCenti;
  const fullText = block.rule?.type === 'none' ? block.rule.summaryWhenFull?.trim() : undefined;
  if (full && fullText) return `${head}${fullText.replace(/[。；，]+$/u, '')}，本项得满分`;

  const children = sheet.rows.filter((r) => r.parentId === block.indicatorId && r.selfScored);
  const listed = children.length > 0 ? `其中，${children.map((c) => `${c.name} ${pts(c.scoreCenti ?? 0)}`).join('、')}，` : '';
  if (!block.complete) {
    const pending = sheet.pending.filter((p) => topAncestor(sheet, p.indicatorId) === block.indicatorId).length;
    return `${head}${listed}本项目前已评 ${pts(score)}，尚有 ${pending} 项指标待评分`;
  }
  if (full) return `${head}${listed}本项得满分`;
  const clauses = deductionClauses(sheet.deductions.filter((d) => d.blockId === block.indicatorId));
  const why = clauses.length > 0 ? `，扣分原因为${clauses.join('；')}` : '';
  return `${head}${listed}本项得分 ${pts(score)}${why}`;
}

/**
 * 自评综述 score paragraph from a score sheet. Lines are separated by "\n": the total first, then
 * one numbered line per self-scored 一级指标 (the last ends with "。", the others with "；").
 */
export function generateSelfEvalSummary(sheet: ScoreSheet, opts: SummaryOptions): string {
  const blocks = sheet.rows.filter((r) => r.parentId === null && r.selfScored);
  const lines = [`${opts.year} 年度${opts.selfName}部门整体支出绩效自评分数为 ${pts(sheet.totalCenti)}，具体情况如下：`];
  if (!sheet.complete && sheet.pending.length > 0) {
    lines[0] = `${opts.year} 年度${opts.selfName}部门整体支出绩效自评尚未完成（${sheet.pending.length} 项指标待评分），目前得分 ${pts(sheet.totalCenti)}，具体情况如下：`;
  }
  blocks.forEach((block, i) => {
    const end = i === blocks.length - 1 ? '。' : '；';
    lines.push(`${blockText(i + 1, block, sheet)}${end}`);
  });
  return lines.join('\n');
}
