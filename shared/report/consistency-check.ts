import { decimalTextToScaledInt, formatWan } from '../money/fen.ts';
import { formatPercent, type Ratio } from '../money/rate.ts';
import { formatCenti } from './format-score.ts';
import type { ReportInput, ScoreNode } from './input.ts';
import { narrativeSources } from './narrative-sources.ts';
import { placeholderCatalogue, placeholderValues, resolvePlaceholders } from './placeholders.ts';

// Numbers typed into prose go stale: the model report states the same task counts in two sections
// and the budget figures in three. This finds (a) a typed figure whose label names a data value
// (万元 amount, rate, score, key-task measure) but whose number differs, and (b) the same labelled
// figure typed with different numbers in different places. It reports; it never rewrites text.

export type FindingKind = 'money' | 'rate' | 'score' | 'measure' | 'repeat';

export interface ConsistencyFinding {
  kind: FindingKind;
  /** Stable source key (see narrativeSources) and its Chinese title. */
  sectionKey: string;
  section: string;
  excerpt: string;
  typedValue: string;
  dataValue: string;
  reason: string;
}

interface Fact {
  kind: Exclude<FindingKind, 'repeat'>;
  aliases: string[];
  /** The unit that must follow the number ("万元", "%", "分", a measure's unit). */
  unit: string;
  label: string;
  /** Data value as printed, and whether a typed number (with its decimals) matches it. */
  value: string;
  matches(typed: string): boolean;
}

interface NumberToken {
  sourceIndex: number;
  start: number;
  end: number;
  number: string;
  unit: string;
  /** Text of the clause before the number. */
  before: string;
}

const CLAUSE_BREAK = /[，。；：！？,;\n]/;
const THRESHOLD_WORDS = /(未达|未达到|达到|超过|低于|高于|不低于|不少于|不超过|以上|以下|目标|计划|标准)\s*$/;
const NUMBER = /(\d+(?:\.\d+)?)\s*(%|％|万元|亿元|万[\u4e00-\u9fff]|场次|人次|剂次|[\u4e00-\u9fff])?/g;
const NOT_A_COUNT = /^[年月日号届时]/;
const CJK = /[\u4e00-\u9fff]/g;
const FILLER_TAIL = /[共达约为计是了有近余超逾合和及]+$/;

function decimals(num: string): number {
  const i = num.indexOf('.');
  return i < 0 ? 0 : num.length - i - 1;
}

/** True when `data` (an integer scaled by 10^scale) rounds to the typed decimal number. */
function scaledMatches(typed: string, data: number, scale: number): boolean {
  const d = decimals(typed);
  if (d >= scale) return decimalTextToScaledInt(typed, scale) === data;
  const step = 10 ** (scale - d);
  const t = decimalTextToScaledInt(typed, scale);
  if (t === null) return true;
  return Math.abs(t - data) * 2 < step || (Math.abs(t - data) * 2 === step && Math.abs(data) < Math.abs(t));
}

function moneyFact(label: string, aliases: string[], fen: number): Fact {
  return { kind: 'money', aliases, unit: '万元', label, value: formatWan(fen), matches: (t) => scaledMatches(t, fen, 6) };
}

function rateFact(label: string, aliases: string[], r: Ratio | null): Fact | null {
  if (r === null) return null;
  return {
    kind: 'rate',
    aliases,
    unit: '%',
    label,
    value: formatPercent(r),
    matches: (t) => {
      const d = Math.min(decimals(t), 6);
      return decimalTextToScaledInt(formatPercent(r, d), d) === decimalTextToScaledInt(t, d);
    },
  };
}

function scoreFacts(input: ReportInput): Fact[] {
  const facts: Fact[] = [];
  const scoreFact = (label: string, aliases: string[], centi: number, what: string): Fact => ({
    kind: 'score',
    aliases,
    unit: '分',
    label: `${label}${what}`,
    value: formatCenti(centi),
    matches: (t) => scaledMatches(t, centi, 2),
  });
  facts.push(scoreFact('自评总分', ['自评分数', '自评总分', '自评得分', '总得分', '综合得分'], input.scoreSheet.totalScoreCenti, ''));
  const walk = (nodes: ScoreNode[]) => {
    for (const n of nodes) {
      if (n.scoreCenti !== null) facts.push(scoreFact(n.name, [n.name], n.scoreCenti, '得分'));
      walk(n.children);
    }
  };
  walk(input.scoreSheet.groups);
  return facts;
}

function maxFacts(input: ReportInput): Map<string, ScoreNode> {
  const byName = new Map<string, ScoreNode>();
  const walk = (nodes: ScoreNode[]) => {
    for (const n of nodes) {
      byName.set(n.name, n);
      walk(n.children);
    }
  };
  walk(input.scoreSheet.groups);
  return byName;
}

function dataFacts(input: ReportInput): Fact[] {
  const b = input.budget;
  const facts: (Fact | null)[] = [
    moneyFact('年初预算数', ['年初预算', '年初预算数'], b.initialFen),
    moneyFact('全年预算数', ['全年预算', '预算收入', '预算指标', '调整后预算', '预算总额', '预算数'], b.finalFen),
    moneyFact('全年支出', ['全年支出', '实际支出', '支出合计', '总支出', '本年支出', '年度支出'], b.actualFen),
    moneyFact('基本支出', ['基本支出'], b.personnelFen + b.publicFen),
    moneyFact('人员经费', ['人员经费', '人员支出'], b.personnelFen),
    moneyFact('公用经费', ['公用经费'], b.publicFen),
    moneyFact('项目支出', ['项目支出'], b.projectFen),
    rateFact('预算执行率', ['预算执行率', '预算完成率', '执行率'], b.executionRate),
    rateFact('预算调整率', ['预算调整率', '调整率'], b.adjustmentRate),
    rateFact('政府采购执行率', ['政府采购执行率', '采购执行率'], b.procurement?.rate ?? null),
    ...scoreFacts(input),
  ];
  for (const area of input.workAreas) {
    for (const task of area.tasks) {
      for (const m of task.measures) {
        const actual = m.actual === null ? null : /\d+(?:\.\d+)?/.exec(m.actual)?.[0];
        if (!actual || m.name.trim() === '') continue;
        const unit = m.unit.trim();
        facts.push({
          kind: 'measure',
          aliases: [m.name.trim()],
          unit,
          label: m.name.trim(),
          value: actual,
          matches: (t) => {
            const scale = Math.max(decimals(t), decimals(actual));
            return decimalTextToScaledInt(t, scale) === decimalTextToScaledInt(actual, scale);
          },
        });
      }
    }
  }
  return facts.filter((f): f is Fact => f !== null);
}

function tokenize(text: string, sourceIndex: number): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = text[start - 1] ?? '';
    if (/[\d.]/.test(prev) || /[A-Za-z第]/.test(prev)) continue;
    const unit = (m[2] ?? '').replace('％', '%');
    if (NOT_A_COUNT.test(unit)) continue;
    let clauseStart = start;
    while (clauseStart > 0 && !CLAUSE_BREAK.test(text[clauseStart - 1]!)) clauseStart--;
    out.push({ sourceIndex, start, end, number: m[1]!, unit, before: text.slice(clauseStart, start) });
  }
  return out;
}

function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 16);
  const to = Math.min(text.length, end + 8);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

/** The alias nearest before the number (latest end, then longest); null if none in the clause. */
function nearestAlias(before: string, facts: Fact[]): { fact: Fact; gap: string } | null {
  let best: { fact: Fact; end: number; len: number } | null = null;
  for (const f of facts) {
    for (const a of f.aliases) {
      const i = before.lastIndexOf(a);
      if (i < 0) continue;
      const end = i + a.length;
      if (!best || end > best.end || (end === best.end && a.length > best.len)) best = { fact: f, end, len: a.length };
    }
  }
  return best ? { fact: best.fact, gap: before.slice(best.end) } : null;
}

function repeatLabel(t: NumberToken): string {
  const cjk = (t.before.match(CJK) ?? []).join('').replace(FILLER_TAIL, '');
  return cjk.length < 2 ? '' : cjk.slice(-5);
}

export function checkNarrativeConsistency(input: ReportInput): ConsistencyFinding[] {
  const values = placeholderValues(placeholderCatalogue(input));
  const sources = narrativeSources(input).map((s) => ({ ...s, text: resolvePlaceholders(s.text, values).text }));
  const facts = dataFacts(input);
  const maxByName = maxFacts(input);
  const findings: ConsistencyFinding[] = [];
  // Figures whose label names a data value are judged against the data, not against each other.
  const covered = new Set<string>();

  const tokens = sources.flatMap((s, i) => tokenize(s.text, i));
  for (const t of tokens) {
    const src = sources[t.sourceIndex]!;
    const unitFacts = facts.filter((f) => (f.unit === '' ? true : f.unit === t.unit));
    const hit = nearestAlias(t.before, unitFacts);
    if (!hit) continue;
    covered.add(`${t.sourceIndex}:${t.start}`);
    if (THRESHOLD_WORDS.test(hit.gap)) continue;
    let { fact } = hit;
    let dataValue = fact.value;
    let matches = fact.matches(t.number);
    let label = fact.label;
    if (fact.kind === 'score') {
      const node = maxByName.get(fact.aliases[0]!);
      if (/满分|分值|总分/.test(hit.gap)) {
        const max = fact.label === '自评总分' ? input.scoreSheet.totalMaxCenti : node?.maxCenti;
        if (max === undefined) continue;
        dataValue = formatCenti(max);
        matches = scaledMatches(t.number, max, 2);
        label = `${fact.aliases[0]}分值`;
      } else if (/扣/.test(hit.gap)) {
        if (!node) continue;
        dataValue = formatCenti(node.deductionCenti);
        matches = scaledMatches(t.number, node.deductionCenti, 2);
        label = `${node.name}扣分`;
      }
    }
    if (matches) continue;
    const unit = t.unit === '%' ? '%' : t.unit === '' ? '' : ` ${t.unit}`;
    fact = { ...fact, label };
    findings.push({
      kind: fact.kind,
      sectionKey: src.key,
      section: src.title,
      excerpt: excerptOf(src.text, t.start, t.end),
      typedValue: `${t.number}${unit}`,
      dataValue: `${dataValue}${unit}`,
      reason: `正文中“${label}”为 ${t.number}${unit}，与数据 ${dataValue}${unit} 不一致`,
    });
  }

  // Same label and unit, different numbers in different places.
  const byLabel = new Map<string, NumberToken[]>();
  for (const t of tokens) {
    const label = repeatLabel(t);
    if (label === '' || t.unit === '' || covered.has(`${t.sourceIndex}:${t.start}`)) continue;
    const key = `${label}|${t.unit}`;
    byLabel.set(key, [...(byLabel.get(key) ?? []), t]);
  }
  // Only across sections: one paragraph listing "总分 45 分 … 总分 50 分" for two blocks is a list,
  // while the same label with another number in another section is a stale copy.
  for (const [key, group] of byLabel) {
    const label = key.split('|')[0]!;
    for (const t of group) {
      const other = group.find((o) => o.sourceIndex !== t.sourceIndex && Number(o.number) !== Number(t.number));
      if (!other || other.sourceIndex > t.sourceIndex) continue;
      const src = sources[t.sourceIndex]!;
      const otherSrc = sources[other.sourceIndex]!;
      const unit = t.unit === '%' ? '%' : ` ${t.unit}`;
      findings.push({
        kind: 'repeat',
        sectionKey: src.key,
        section: src.title,
        excerpt: excerptOf(src.text, t.start, t.end),
        typedValue: `${t.number}${unit}`,
        dataValue: `${other.number}${unit}`,
        reason: `“${label}”在“${src.title}”中为 ${t.number}${unit}，在“${otherSrc.title}”中为 ${other.number}${unit}，前后不一致`,
      });
    }
  }
  return findings;
}
