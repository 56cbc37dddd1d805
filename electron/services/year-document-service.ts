import { AppError } from '../../shared/api/app-error.ts';
import { codeShapeProblem } from '../../shared/codes/code-names.ts';
import { YEAR_DOCUMENT_FORMAT, YEAR_DOCUMENT_VERSION, type YearDocument } from '../../shared/domain/year-document.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { learnBudgetCodeNames, listCodeNames, restoreCodeNames } from '../db/repositories/code-name-repo.ts';
import { findYear, getDepartment } from '../db/repositories/organization-repo.ts';
import { exportYearTables, importYearTables } from '../db/repositories/year-document-repo.ts';
import type { Db } from '../db/open.ts';
import { requireDepartment } from './organization-service.ts';
import { inTransaction } from './transaction.ts';
import { requireAmountsWithinLimits, requireYear } from './year-guard.ts';
import { yearDocumentProblems } from '../../shared/domain/year-document-checks.ts';

export function exportYear(db: Db, yearId: number): YearDocument {
  const y = requireYear(db, yearId);
  const dept = requireDepartment(db);
  // One read transaction, so the document is a consistent snapshot.
  const { tables, codeNames } = db.transaction(() => ({ tables: exportYearTables(db, yearId, dept.id), codeNames: listCodeNames(db) }))();
  // A name learned before learning checked the code's shape would make the file refuse to import.
  const namedCodes = codeNames.filter((n) => codeShapeProblem(n.kind, n.code) === null);
  return {
    format: YEAR_DOCUMENT_FORMAT,
    version: YEAR_DOCUMENT_VERSION,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exportedAt: new Date().toISOString(),
    year: y.year,
    tables,
    codeNames: namedCodes,
  };
}

export function importYear(db: Db, doc: YearDocument): { yearId: number } {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (doc.schemaVersion > current) {
    throw new AppError('VALIDATION', `年度数据文件来自更新版本的程序（数据版本 ${doc.schemaVersion}），请升级程序后再导入。`);
  }
  const problems = yearDocumentProblems(doc);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('；') + (problems.length > 5 ? `；等共 ${problems.length} 处` : '');
    throw new AppError('VALIDATION', `年度数据文件中有不符合规则的数据，未导入任何数据：${shown}。`);
  }
  return inTransaction(db, () => {
    const dept = getDepartment(db);
    if (dept && findYear(db, dept.id, doc.year)) {
      throw new AppError('CONFLICT', `${doc.year} 年度已存在，不能重复导入。如需替换，请先删除该年度（删除前会自动备份）。`);
    }
    const yearId = importYearTables(db, doc);
    requireAmountsWithinLimits(db, yearId);
    // The office's own names first, so a name learned from the budget lines never takes their place.
    if (doc.codeNames) restoreCodeNames(db, doc.codeNames);
    learnBudgetCodeNames(db, yearId);
    writeAudit(db, { action: 'import', entity: 'fiscal_year', entityId: yearId, yearId, after: { year: doc.year, exportedAt: doc.exportedAt } });
    return { yearId };
  });
}
