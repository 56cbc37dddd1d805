import type { CodeKind } from '../budget/code-list.ts';
import { codeShapeProblem } from '../codes/code-names.ts';
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
  private readonly seen = new Set<string>();
  private readonly names = new Map<string, LearnedCodeName>();

  /** Reads one classification cell's text; the first name a file gives a code is the one kept. */
  read(kind: CodeKind, text: string): void {
    if (text === '') return;
    const key = `${kind}\u0000${text}`;
    if (this.seen.has(key)) return;
    if (this.seen.size < MAX_SEEN) this.seen.add(key);
    const { code, name } = splitCodeName(text);
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
