import { basename } from 'node:path';
import { AppError } from '../../../shared/api/app-error.ts';
import type { Department } from '../../../shared/domain/organization.ts';
import type { CommitResult } from '../../../shared/import/schemas.ts';
import {
  deleteUnit,
  deleteYear,
  findYear,
  getDepartment,
  insertDepartment,
  insertUnit,
  insertYear,
  listUnits,
} from '../../db/repositories/organization-repo.ts';
import type { Db } from '../../db/open.ts';
import { deleteDepartment } from '../../db/repositories/import-repo.ts';
import { toAppError } from '../../db/sqlite-errors.ts';
import { commitImport, findMappingProfileByName } from '../../services/import-service.ts';
import { inTransaction } from '../../services/transaction.ts';
import { openCliContext } from '../cli-context.ts';
import type { CliCommand, CliIo, ParsedArgs } from '../command.ts';
import { CliUsageError, requireFlag, stringFlag, yearFlag } from '../parse-args.ts';

// `selfeval import FILE --db FILE --year YYYY --into ledger|budget [--unit NAME] [--profile auto|NAME]
// [--sheet NAME] [--all-sheets] [--json]`. Creates the year (and, in an empty data file, a
// department with one primary unit) when absent; whatever it created is removed again when the
// import fails, so a failed import leaves the file as it was.

interface Target {
  yearId: number;
  unitId: number;
  undo: () => void;
}

const NEW_UNIT = { code: '', kind: 'admin', headName: '', financeHeadName: '', preparerName: '', phone: '', sortOrder: 0 } as const;

function prepareTarget(db: Db, year: number, unitName: string | undefined): Target {
  return inTransaction(db, () => {
    let createdDeptId: number | null = null;
    let createdUnitId: number | null = null;
    let createdYearId: number | null = null;
    let dept: Department | null = getDepartment(db);
    if (!dept) {
      dept = insertDepartment(db, { name: unitName ?? '本级', code: '' });
      createdDeptId = dept.id;
    }
    const units = listUnits(db, dept.id);
    let unitId = (unitName ? units.find((u) => u.name === unitName) : (units.find((u) => u.isPrimary) ?? units[0]))?.id;
    if (unitId === undefined) {
      if (units.length > 0) {
        throw new AppError('NOT_FOUND', `数据文件中没有名为“${unitName}”的单位（现有：${units.map((u) => u.name).join('、')}）。`);
      }
      createdUnitId = insertUnit(db, dept.id, { ...NEW_UNIT, name: unitName ?? '本级', isPrimary: true });
      unitId = createdUnitId;
    }
    let yearId = findYear(db, dept.id, year)?.id;
    if (yearId === undefined) {
      createdYearId = insertYear(db, dept.id, year);
      yearId = createdYearId;
    }
    return {
      yearId,
      unitId,
      undo: () =>
        inTransaction(db, () => {
          if (createdYearId !== null) deleteYear(db, createdYearId);
          if (createdUnitId !== null) deleteUnit(db, createdUnitId);
          if (createdDeptId !== null) deleteDepartment(db, createdDeptId);
        }),
    };
  });
}

function failure(io: CliIo, json: boolean, err: unknown): number {
  const e = err instanceof AppError ? err : toAppError(err);
  // Structured details (sheet/row/column) when the error has them, else the message itself.
  const errors =
    e.details.length > 0
      ? e.details.map((d) => ({ sheet: d.sheet ?? '', row: d.row ?? null, column: d.column ?? '', message: d.message }))
      : [{ sheet: '', row: null, column: '', message: e.message }];
  if (json) io.stdout(JSON.stringify({ ok: false, rowsImported: 0, code: e.code, errors }));
  io.stderr(`导入失败：${e.message}`);
  return 1;
}

function successJson(r: CommitResult): Record<string, unknown> {
  const a = r.accounting;
  const errors = r.badCells.map((b) => ({ sheet: b.sheet, row: b.row, column: b.column, message: b.reason }));
  const common = {
    batchId: r.batchId,
    rowsRead: a.rowsRead,
    rowsImported: a.rowsImported,
    rowsSkipped: a.rowsDuplicate + a.rowsRejected + a.rowsSkippedLayout,
    rowsDuplicate: a.rowsDuplicate,
    rowsRejected: a.rowsRejected,
    rowsSkippedLayout: a.rowsSkippedLayout,
    rowsHidden: a.rowsHidden,
  };
  if (r.budgetTotals) {
    return {
      ok: true,
      ...common,
      initialFen: r.budgetTotals.initialFen,
      adjustmentFen: r.budgetTotals.adjustmentFen,
      finalFen: r.budgetTotals.finalFen,
      errors,
    };
  }
  return {
    ok: true,
    ...common,
    outflowFen: r.ledgerTotals?.outflowFen ?? 0,
    inflowFen: r.ledgerTotals?.inflowFen ?? 0,
    dateFrom: r.ledgerTotals?.dateFrom ?? null,
    dateTo: r.ledgerTotals?.dateTo ?? null,
    errors,
  };
}

function successText(r: CommitResult): string {
  const a = r.accounting;
  const lines = [
    `已导入 ${a.rowsImported} 行（导入批次 ${r.batchId}）。共读取 ${a.rowsRead} 行：重复 ${a.rowsDuplicate} 行，有误未导入 ${a.rowsRejected} 行，标题/合计/空行 ${a.rowsSkippedLayout} 行。`,
  ];
  if (a.rowsHidden > 0) lines.push(`其中 ${a.rowsHidden} 行在原表中为隐藏行或位于隐藏工作表，请确认不是重复或作废的数据。`);
  if (r.ledgerTotals) {
    lines.push(
      `支出合计 ${(r.ledgerTotals.outflowFen / 100).toFixed(2)} 元，收入合计 ${(r.ledgerTotals.inflowFen / 100).toFixed(2)} 元，日期 ${r.ledgerTotals.dateFrom ?? '—'} 至 ${r.ledgerTotals.dateTo ?? '—'}。`,
    );
  }
  if (r.budgetTotals) {
    lines.push(`年初预算 ${(r.budgetTotals.initialFen / 100).toFixed(2)} 元，调整后预算 ${(r.budgetTotals.finalFen / 100).toFixed(2)} 元。`);
  }
  for (const b of r.badCells.slice(0, 20)) lines.push(`  工作表“${b.sheet}”第 ${b.row} 行 ${b.column} 列：${b.reason}`);
  if (r.badCellCount > 20) lines.push(`  ……另有 ${r.badCellCount - 20} 处问题`);
  return lines.join('\n');
}

function parseTarget(args: ParsedArgs): 'ledger' | 'budget' {
  const into = requireFlag(args, 'into', '导入到 ledger（收支明细）或 budget（预算指标）');
  if (into !== 'ledger' && into !== 'budget') throw new CliUsageError(`--into 只能是 ledger 或 budget，收到：${into}`);
  return into;
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import FILE --db FILE --year YYYY --into ledger|budget [--unit NAME] [--profile auto|NAME] [--sheet NAME] [--all-sheets] [--json]',
  summary: '导入财务系统或网银导出的电子表格（xlsx/xls/csv）：收支明细或预算指标，一次导入一个批次，可撤销',
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new CliUsageError('缺少要导入的文件');
    const dbPath = requireFlag(args, 'db', '数据文件路径');
    const year = yearFlag(args);
    const target = parseTarget(args);
    const json = Boolean(args.flags.json);
    const profileFlag = stringFlag(args, 'profile') ?? 'auto';
    const ctx = openCliContext(dbPath);
    let created: Target | null = null;
    try {
      let profileId: number | undefined;
      if (profileFlag !== 'auto') {
        const profile = findMappingProfileByName(ctx.db, profileFlag);
        if (!profile) throw new AppError('NOT_FOUND', `没有名为“${profileFlag}”的映射方案。`);
        profileId = profile.id;
      }
      created = prepareTarget(ctx.db, year, stringFlag(args, 'unit'));
      const result = await commitImport(ctx.db, {
        filePath: file,
        yearId: created.yearId,
        unitId: created.unitId,
        target,
        sheet: stringFlag(args, 'sheet'),
        allSheets: args.flags['all-sheets'] === true ? true : undefined,
        profileId,
      });
      created = null;
      io.stdout(json ? JSON.stringify(successJson(result)) : successText(result));
      return 0;
    } catch (err) {
      try {
        created?.undo();
      } catch {
        // The import's own error is the one worth showing.
      }
      return failure(io, json, err instanceof AppError || !(err instanceof Error) ? err : toAppError(err, basename(dbPath)));
    } finally {
      ctx.db.close();
    }
  },
};
