import type { z } from 'zod';

// A problem with one cell (or, with column null, with the row as a whole) that keeps the row out.

export interface RowIssue {
  column: number | null;
  reason: string;
}

export type RowOutcome<T> = { ok: true; row: T } | { ok: false; issues: RowIssue[] };

/**
 * Checks `value` against a field schema of the API (shared/api/fields.ts), so an import row obeys
 * exactly the bounds a typed-in value does; a failure becomes an issue on `column`.
 */
export function checkField(schema: z.ZodType, value: unknown, column: number | null, issues: RowIssue[]): void {
  const r = schema.safeParse(value);
  if (!r.success) issues.push({ column, reason: r.error.issues[0]?.message ?? '取值无效' });
}
