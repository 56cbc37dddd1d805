import type { CliSummary } from '../../../shared/budget/schemas.ts';
import { FUNDING_SOURCE_LABELS, LEDGER_CATEGORY_LABELS } from '../../../shared/domain/enums.ts';
import { formatWan } from '../../../shared/money/fen.ts';
import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { requireFlag, yearFlag } from '../parse-args.ts';

// `selfeval summary --db FILE --year YYYY [--json]`: budget against spending for the department,
// read-only. The JSON field names are a published interface (shared/budget/schemas.ts CliSummary).

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);

function textSummary(s: CliSummary, paragraph: string): string {
  const lines = [
    `${s.year} 年度 预算执行汇总（金额单位：万元）`,
    `预算数 ${formatWan(s.budgetFen)}（年初 ${formatWan(s.initialBudgetFen)}，调整 ${formatWan(s.adjustmentFen)}，${s.carryOverFen !== 0 ? `含上年结转结余 ${formatWan(s.carryOverFen)}，预算调整率不含结转 ` : '预算调整率 '}${pct(s.adjustmentRate)}）`,
    `支出数 ${formatWan(s.actualFen)}，执行率 ${pct(s.executionRate)}，结余 ${formatWan(s.budgetFen - s.actualFen)}`,
    `基本支出 ${formatWan(s.basicFen)}，项目支出 ${formatWan(s.projectFen)}${s.unclassifiedFen !== 0 ? `，未分类 ${formatWan(s.unclassifiedFen)}（请在支出明细中分类）` : ''}`,
    '',
    '按支出类别：',
    ...s.byCategory.map((r) => `  ${LEDGER_CATEGORY_LABELS[r.category]}  预算 ${formatWan(r.budgetFen)}  支出 ${formatWan(r.actualFen)}  执行率 ${pct(r.executionRate)}`),
    '按资金来源：',
    ...s.byFundingSource.map(
      (r) => `  ${FUNDING_SOURCE_LABELS[r.fundingSource]}  预算 ${formatWan(r.budgetFen)}  支出 ${formatWan(r.actualFen)}  执行率 ${pct(r.executionRate)}`,
    ),
    '按经济分类（类）：',
    ...s.byEconClass.map((r) => `  ${r.econClass || '（未填写）'} ${r.name}  预算 ${formatWan(r.budgetFen)}  支出 ${formatWan(r.actualFen)}  执行率 ${pct(r.executionRate)}`),
    '按月份（累计执行率）：',
    ...s.byMonth.map((m) => `  ${m.month} 月  支出 ${formatWan(m.actualFen)}  累计 ${formatWan(m.cumulativeFen)}  ${pct(m.cumulativeRate)}`),
    '',
    paragraph,
  ];
  return lines.join('\n');
}

export const summaryCommand: CliCommand = {
  ...CATALOGUE.summary,
  async run(args, io) {
    const file = requireFlag(args, 'db', '数据文件路径');
    const year = yearFlag(args);
    const cli = openCli(file, { readonly: true });
    try {
      const yearId = await cli.yearId(year);
      const s = await cli.api.call('execution.summary', { yearId });
      io.stdout(args.flags.json ? JSON.stringify(s) : textSummary(s, (await cli.api.call('execution.paragraph', { yearId })).text));
      return 0;
    } finally {
      cli.close();
    }
  },
};
