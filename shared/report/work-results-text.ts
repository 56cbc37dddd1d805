import type { TaskStatus } from '../domain/enums.ts';
import { compare, parseDecimal } from '../scoring/rational.ts';
import { chineseNumeral } from './numbering.ts';

// 主要工作情况及成效 written from the data: for one work area, how many key tasks there were and how
// many were done, then each task with its measured results against its targets, in the office's
// own task and measure names and its self-reference (我局 / 我办). The office edits the text after;
// a measure with a 引用名 is written as its {{measure.<key>}} placeholder, so the figure follows the
// data even after editing.

export type MeasureDirection = 'higher' | 'lower' | 'equal';

export interface ResultMeasure {
  key: string;
  name: string;
  unit: string;
  /** Decimal text as typed; null when not set. */
  target: string | null;
  actual: string | null;
  direction: MeasureDirection;
}

export interface ResultTask {
  title: string;
  status: TaskStatus;
  measures: ResultMeasure[];
}

export interface ResultArea {
  title: string;
  tasks: ResultTask[];
}

type Outcome = 'met' | 'missed' | 'unmeasured';

const STATUS_NOTE: Record<TaskStatus, string> = { done: '', partial: '（部分完成）', not_done: '（未完成）' };
const STATUS_ALONE: Record<TaskStatus, string> = { done: '已按计划完成', partial: '部分完成', not_done: '未完成' };

/** A figure as printed: the measure's placeholder when it has a 引用名, else the number typed. */
function figure(m: ResultMeasure, which: 'actual' | 'target'): string {
  if (m.key === '') return (which === 'actual' ? m.actual : m.target) ?? '';
  return which === 'actual' ? `{{measure.${m.key}}}` : `{{measure.${m.key}.target}}`;
}

/**
 * One measure's result against its target, and whether it met it. The target sits in brackets
 * after the result, in the same clause as the measure's name, so the report's consistency check
 * reads it as this measure's target rather than as a figure of its own.
 */
function measurePhrase(m: ResultMeasure): { text: string; outcome: Outcome } {
  const unit = m.unit.trim();
  const actual = m.actual === null ? null : parseDecimal(m.actual);
  const target = m.target === null ? null : parseDecimal(m.target);
  const limit = m.direction === 'lower' ? '不超过' : '';
  if (actual === null) {
    if (target === null) return { text: `${m.name}实际完成值待补充`, outcome: 'unmeasured' };
    return { text: `${m.name}目标${limit}${figure(m, 'target')}${unit}，实际完成值待补充`, outcome: 'unmeasured' };
  }
  const done = `${m.name}${figure(m, 'actual')}${unit}`;
  if (target === null) return { text: done, outcome: 'unmeasured' };
  const result = `${done}（目标${limit}${figure(m, 'target')}${unit}）`;
  const cmp = compare(actual, target);
  if (m.direction === 'lower') {
    return cmp <= 0 ? { text: `${result}，控制在目标以内`, outcome: 'met' } : { text: `${result}，超出目标`, outcome: 'missed' };
  }
  if (m.direction === 'equal' || cmp === 0) {
    return cmp === 0 ? { text: `${result}，达到目标`, outcome: 'met' } : { text: `${result}，与目标不符`, outcome: 'missed' };
  }
  return cmp > 0 ? { text: `${result}，超额完成`, outcome: 'met' } : { text: `${result}，未达到目标`, outcome: 'missed' };
}

/**
 * Counts in words (四项, 两项): each area states its own, and digits would read to the consistency
 * check as one figure typed with different numbers in different places.
 */
function countWord(n: number): string {
  return n === 2 ? '两' : chineseNumeral(n);
}

/** The 主要工作情况及成效 paragraph of one work area; '' for an area without tasks. */
export function workResultsText(area: ResultArea, selfName: string): string {
  const tasks = area.tasks;
  if (tasks.length === 0) return '';
  const count = (s: TaskStatus) => tasks.filter((t) => t.status === s).length;
  const parts: string[] = [];
  if (count('done') === tasks.length) parts.push(tasks.length === 1 ? '已完成' : '均已完成');
  else {
    if (count('done') > 0) parts.push(`完成${countWord(count('done'))}项`);
    if (count('partial') > 0) parts.push(`部分完成${countWord(count('partial'))}项`);
    if (count('not_done') > 0) parts.push(`未完成${countWord(count('not_done'))}项`);
  }
  const head = `${selfName}围绕${area.title}确定重点工作任务${countWord(tasks.length)}项，${parts.join('，')}。`;

  let met = 0;
  let measured = 0;
  const sentences = tasks.map((t) => {
    if (t.measures.length === 0) return `${t.title}${STATUS_ALONE[t.status]}。`;
    const phrases = t.measures.map((m) => {
      const p = measurePhrase(m);
      if (p.outcome !== 'unmeasured') measured += 1;
      if (p.outcome === 'met') met += 1;
      return p.text;
    });
    // Results compared with targets carry their own commas; a semicolon keeps measures apart.
    const joiner = phrases.some((p) => p.includes('，')) ? '；' : '，';
    return `${t.title}${STATUS_NOTE[t.status]}：${phrases.join(joiner)}。`;
  });
  let text = `${head}${sentences.join('')}`;
  if (measured > 0) {
    const all = measured === 1 ? '' : '均';
    if (met === measured) text += `设定目标值的${countWord(measured)}项指标${all}达到目标。`;
    else if (met === 0) text += `设定目标值的${countWord(measured)}项指标${all}未达到目标。`;
    else text += `设定目标值的${countWord(measured)}项指标中，${countWord(met)}项达到目标。`;
  }
  return text;
}
