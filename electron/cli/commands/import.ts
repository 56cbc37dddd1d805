import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/api/app-error.ts';
import type { CommitResult } from '../../../shared/import/schemas.ts';
import { describeTotalMismatch } from '../../../shared/import/total-check-text.ts';
import { toAppError } from '../../db/sqlite-errors.ts';
import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand, CliIo, ParsedArgs } from '../command.ts';
import { CliUsageError, requireFlag, stringFlag, yearFlag } from '../parse-args.ts';

// `selfeval import FILE --db FILE --year YYYY --into ledger|budget [--unit NAME] [--profile auto|NAME]
// [--sheet NAME] [--all-sheets] [--json]`. The same import as the wizard's (import.file): a backup
// first, the year (and, in an empty data file, a department with one primary unit) created when
// absent, the rows, and the links to budget lines — one transaction, so a failed import leaves the
// file as it was.

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
    yearSource: r.yearSource?.text ?? null,
    bookSide: r.bookSide?.text ?? null,
    totalMismatches: r.checks.filter((c) => !c.ok),
    rowsClassifiedByRule: r.classification?.rowsClassifiedByRule ?? 0,
    rowsUnclassified: r.classification?.rowsUnclassified ?? 0,
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
  if (r.classification) {
    const c = r.classification;
    lines.push(
      `按分类规则分类 ${c.rowsClassifiedByRule} 行；未分类支出 ${c.rowsUnclassified} 行${c.rowsUnclassified > 0 ? '（请在“支出明细”中筛选“未分类”后批量设置，或用 rules import 添加规则）' : ''}。`,
    );
  }
  if (r.yearSource) lines.push(r.yearSource.text);
  if (r.bookSide) lines.push(r.bookSide.text);
  for (const c of r.checks.filter((k) => !k.ok)) lines.push(`  ${describeTotalMismatch(c)}`);
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
  ...CATALOGUE.import,
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new CliUsageError('缺少要导入的文件');
    const dbPath = requireFlag(args, 'db', '数据文件路径');
    const year = yearFlag(args);
    const target = parseTarget(args);
    const json = Boolean(args.flags.json);
    const profileFlag = stringFlag(args, 'profile') ?? 'auto';
    const debitMeans = stringFlag(args, 'debit-means');
    if (debitMeans !== undefined && debitMeans !== 'out' && debitMeans !== 'in') {
      throw new CliUsageError(`--debit-means 只能是 out（借方为支出）或 in（借方为收入），收到：${debitMeans}`);
    }
    const cli = openCli(dbPath);
    try {
      const unitName = stringFlag(args, 'unit');
      const sheet = stringFlag(args, 'sheet');
      const result = await cli.api.call('import.file', {
        filePath: resolve(file),
        year,
        target,
        ...(unitName ? { unitName } : {}),
        ...(sheet ? { sheet } : {}),
        ...(debitMeans ? { debitMeans } : {}),
        ...(args.flags['all-sheets'] === true ? { allSheets: true } : {}),
        ...(profileFlag !== 'auto' ? { profileName: profileFlag } : {}),
      });
      io.stdout(json ? JSON.stringify(successJson(result)) : successText(result));
      return 0;
    } catch (err) {
      return failure(io, json, err instanceof AppError || !(err instanceof Error) ? err : toAppError(err, basename(dbPath)));
    } finally {
      cli.close();
    }
  },
};
