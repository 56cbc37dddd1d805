import { pointsNumber } from '../scoring/points.ts';
import type { ProjectEvalTable } from './api-schemas.ts';

// The published JSON of `selfeval project-eval --json`: one object per project. Money in fen,
// points and the execution rate (percent) as numbers rounded half up to two places.

export interface ProjectEvalJson {
  name: string;
  unit: string;
  initialFen: number;
  finalFen: number;
  actualFen: number;
  executionRate: number | null;
  executionScore: number | null;
  indicators: Array<{
    level1: string;
    level2: string;
    name: string;
    target: string;
    actual: string;
    weight: number;
    score: number | null;
    reason: string;
  }>;
  total: number;
  grade: string;
  findings: Array<{ kind: 'missing' | 'advisory'; message: string }>;
}

export function toProjectEvalJson(t: ProjectEvalTable): ProjectEvalJson {
  const funds = t.funds[0]!;
  return {
    name: t.name,
    unit: t.unitName,
    initialFen: funds.initialFen,
    finalFen: funds.finalFen,
    actualFen: funds.actualFen,
    executionRate: funds.rateText === null ? null : Number(funds.rateText),
    executionScore: t.executionScoreCenti === null ? null : pointsNumber(t.executionScoreCenti),
    indicators: t.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      target: i.target,
      actual: i.actual,
      weight: pointsNumber(i.weightCenti),
      score: i.scoreCenti === null ? null : pointsNumber(i.scoreCenti),
      reason: i.reason,
    })),
    total: pointsNumber(t.totalCenti),
    grade: t.grade,
    findings: t.findings.map((f) => ({ kind: f.kind, message: f.message })),
  };
}
