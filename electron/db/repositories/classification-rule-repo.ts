import type { Rule } from '../../../shared/classification/rules.ts';
import type { Db } from '../open.ts';

interface RuleRow {
  field: 'summary' | 'counterparty';
  match: 'contains' | 'equals';
  pattern: string;
  econ_code: string;
  func_code: string;
  category: 'personnel' | 'public' | 'project' | null;
  project: string;
}

const toRule = (r: RuleRow): Rule => ({
  when: r.match === 'contains' ? { field: r.field, contains: r.pattern } : { field: r.field, equals: r.pattern },
  set: {
    ...(r.econ_code ? { econCode: r.econ_code } : {}),
    ...(r.func_code ? { funcCode: r.func_code } : {}),
    ...(r.category ? { category: r.category } : {}),
    ...(r.project ? { project: r.project } : {}),
  },
});

/** The data file's rules in the order they are tried. */
export function listRules(db: Db): Rule[] {
  return (db.prepare('SELECT field, match, pattern, econ_code, func_code, category, project FROM classification_rule ORDER BY sort_order, id').all() as RuleRow[]).map(
    toRule,
  );
}

/** Replaces the whole list (the rules page and `rules import` save the list as one). */
export function replaceRules(db: Db, rules: readonly Rule[]): void {
  db.prepare('DELETE FROM classification_rule').run();
  const insert = db.prepare(
    `INSERT INTO classification_rule (sort_order, field, match, pattern, econ_code, func_code, category, project)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  rules.forEach((r, i) => {
    const contains = r.when.contains !== undefined;
    insert.run(
      i + 1,
      r.when.field,
      contains ? 'contains' : 'equals',
      (contains ? r.when.contains : r.when.equals) ?? '',
      r.set.econCode ?? '',
      r.set.funcCode ?? '',
      r.set.category ?? null,
      r.set.project ?? '',
    );
  });
}
