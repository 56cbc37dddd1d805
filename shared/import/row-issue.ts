// A problem with one cell (or, with column null, with the row as a whole) that keeps the row out.

export interface RowIssue {
  column: number | null;
  reason: string;
}

export type RowOutcome<T> = { ok: true; row: T } | { ok: false; issues: RowIssue[] };
