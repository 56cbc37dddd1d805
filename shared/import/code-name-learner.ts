import type { CodeKind } from '../budget/code-list.ts';
import { codeShapeProblem } from '../codes/code-names.ts';
import type { CellValue } from './cell.ts';
import { cellToText } from './cell-text.ts';
import { splitCodeName } from './split-code-name.ts';

// Finance-system exports often write a classification as code and name in one cell ("2010601
// 行政运行", "30201-办公费"). The row keeps the code; the name is learned here, once per code, so the
// 科目代码 page and the 审核 know a code the office's own books name (it is never called wrong).

export interface LearnedCodeName {
  kind: CodeKind;
  code: string;
  name: string;
}

/** A learned name longer than a 科目名称 field is more likely a note than a name. */
const MAX_NAME = 100;
/** Bounds on what a hostile file can make this hold; a real office uses a few hundred codes. */
const MAX_CODES = 5000;
const MAX_SEEN = 20_000;

export class CodeNameLearner {
  private readonly seen: Record<CodeKind, Set<string>> = { func: new Set(), econ: new Set() };
  private readonly names = new Map<string, LearnedCodeName>();

  /**
   * Reads one classification cell; the first name a file gives a code is the one kept. Runs for
   * every row of an import, so a cell text already read costs one set lookup.
   */
  read(kind: CodeKind, cell: CellValue | undefined): void {
    // Only text can hold a name (a number cell is a bare code).
    if (typeof cell !== 'string' || cell === '') return;
    const seen = this.seen[kind];
    if (seen.has(cell)) return;
    if (seen.size < MAX_SEEN) seen.add(cell);
    const { code, name } = splitCodeName(cellToText(cell));
    if (code === '' || name === '' || name.length > MAX_NAME || /^[\d.\s]+$/.test(name)) return;
    if (codeShapeProblem(kind, code) !== null) return;
    const codeKey = `${kind}:${code}`;
    if (this.names.has(codeKey) || this.names.size >= MAX_CODES) return;
    this.names.set(codeKey, { kind, code, name });
  }

  list(): LearnedCodeName[] {
    return [...this.names.values()];
  }
}
