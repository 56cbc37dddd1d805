import { pointsNumber } from './points.ts';
import type { ScoreRow, ScoreSheet } from './schemas.ts';

// The machine-readable score summary printed by `selfeval score --json`: points as decimals
// (94.21), each computed from integer centi.

export interface ScoreJsonNode {
  code: string;
  name: string;
  max: number;
  score: number | null;
  selfScored: boolean;
  complete: boolean;
  rule?: string;
  source?: string;
  target?: string | null;
  actual?: string | null;
  children: ScoreJsonNode[];
}

export interface ScoreJson {
  year: number;
  framework: string;
  total: number;
  max: number;
  frameworkMax: number;
  complete: boolean;
  groups: ScoreJsonNode[];
  deductions: Array<{ indicator: string; code: string; points: number; reason: string }>;
  pending: Array<{ indicator: string; code: string; messages: string[] }>;
}

function toNode(row: ScoreRow, rows: readonly ScoreRow[]): ScoreJsonNode {
  const node: ScoreJsonNode = {
    code: row.code,
    name: row.name,
    max: pointsNumber(row.weightCenti),
    score: row.selfScored && row.scoreCenti !== null ? pointsNumber(row.scoreCenti) : null,
    selfScored: row.selfScored,
    complete: row.complete,
    children: rows.filter((r) => r.parentId === row.indicatorId).map((r) => toNode(r, rows)),
  };
  if (row.isLeaf && row.selfScored) {
    node.rule = row.ruleLabel;
    node.source = row.sourceLabel;
    node.target = row.targetText;
    node.actual = row.actualText;
  }
  return node;
}

export function toScoreJson(sheet: ScoreSheet): ScoreJson {
  return {
    year: sheet.year,
    framework: sheet.frameworkName,
    total: pointsNumber(sheet.totalCenti),
    max: pointsNumber(sheet.maxCenti),
    frameworkMax: pointsNumber(sheet.frameworkMaxCenti),
    complete: sheet.complete,
    groups: sheet.rows.filter((r) => r.parentId === null).map((r) => toNode(r, sheet.rows)),
    deductions: sheet.deductions.map((d) => ({
      indicator: d.indicator,
      code: d.code,
      points: pointsNumber(d.pointsCenti),
      reason: d.reason,
    })),
    pending: sheet.pending.map((p) => ({ indicator: p.path, code: p.code, messages: p.messages })),
  };
}
