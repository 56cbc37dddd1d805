import { AppError } from '../../shared/api/app-error.ts';
import { describeRulesIssue, RulesFile } from '../../shared/classification/rules.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import * as repo from '../db/repositories/classification-rule-repo.ts';
import type { Db } from '../db/open.ts';
import { inTransaction } from './transaction.ts';

// 分类规则: one ordered list per data file, tried on every ledger import (electron/import/batch-writer.ts)
// and shown in the import preview. Saved as a whole list, so the order is what the user sees.

export function listRules(db: Db): RulesFile {
  return { rules: repo.listRules(db) };
}

export function saveRules(db: Db, input: RulesFile): RulesFile {
  return inTransaction(db, () => {
    const before = repo.listRules(db);
    repo.replaceRules(db, input.rules);
    const after = repo.listRules(db);
    writeAudit(db, { action: 'update', entity: 'classification_rule', entityId: 'all', before, after });
    return { rules: after };
  });
}

/**
 * `rules import`: the text of a rules file (JSON). Everything is checked before anything is
 * written; a problem is reported in Chinese with where it is (第 2 条规则（rules.1.set.econCode）).
 * The imported list replaces the saved one.
 */
export function importRules(db: Db, input: { text: string; fileName: string }): { count: number } {
  let data: unknown;
  try {
    data = JSON.parse(input.text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('VALIDATION', `规则文件“${input.fileName}”不是有效的 JSON：${(err as Error).message}。未导入任何规则。`);
  }
  const parsed = RulesFile.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map(describeRulesIssue);
    throw new AppError(
      'VALIDATION',
      `规则文件“${input.fileName}”有误，未导入任何规则：${problems.join('；')}`,
      parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: describeRulesIssue(i) })),
    );
  }
  return { count: saveRules(db, parsed.data).rules.length };
}
