import { execFileSync } from 'node:child_process';
import type { ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';

// Whether a printed 项目支出绩效自评表 keeps its figures whole. A column too narrow for "330.00" or
// "91.06%" prints it over two lines ("330.0" / "0"), which pdftotext -layout shows as two tokens on
// different lines; so every figure of the grid must come back as a token of its own, as often as
// the grid holds it.

/** The plain figures of a grid (money, rates, scores), each as often as it is printed. */
export function gridFigures(grid: ProjectEvalGrid): string[] {
  return grid.cells.filter((c) => c.style === 'number' && /^[\d,.]+%?$/.test(c.text)).map((c) => c.text);
}

/** The whitespace-separated tokens of a PDF's layout text (`first`–`last` pages, or all). */
export function layoutTokens(file: string, first?: number, last?: number): string[] {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)];
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' }).split(/\s+/);
}

/** The figures of `grids` that do not come back whole from `tokens`: split across lines or cells. */
export function brokenFigures(grids: ProjectEvalGrid[], tokens: string[]): string[] {
  const have = new Map<string, number>();
  for (const t of tokens) have.set(t, (have.get(t) ?? 0) + 1);
  const want = new Map<string, number>();
  for (const f of grids.flatMap(gridFigures)) want.set(f, (want.get(f) ?? 0) + 1);
  return [...want].filter(([f, n]) => (have.get(f) ?? 0) < n).map(([f]) => f);
}
