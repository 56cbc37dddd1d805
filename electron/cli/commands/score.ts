import { formatPoints } from '../../../shared/scoring/points.ts';
import { toScoreJson } from '../../../shared/scoring/score-json.ts';
import type { ScoreSheet } from '../../../shared/scoring/schemas.ts';
import { generateSelfEvalSummary } from '../../../shared/scoring/self-eval-summary.ts';
import { selfNameOf } from '../../../shared/domain/self-reference.ts';
import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { requireFlag, yearFlag } from '../parse-args.ts';

// `selfeval score --db FILE --year YYYY [--json]`: the year's scores, deductions and reasons as the
// rules compute them from the data file. Reads only.

function textReport(sheet: ScoreSheet, departmentName: string, selfName: string): string {
  const lines = [
    `${departmentName} ${sheet.year} 年度部门整体支出绩效自评（${sheet.frameworkName}）`,
    `自评得分 ${formatPoints(sheet.totalCenti)} 分 / 自评满分 ${formatPoints(sheet.maxCenti)} 分（指标体系合计 ${formatPoints(sheet.frameworkMaxCenti)} 分）`,
  ];
  if (sheet.pending.length > 0) {
    lines.push('', `待填报指标 ${sheet.pending.length} 项：`);
    for (const p of sheet.pending) lines.push(`  ${p.code} ${p.path}：${p.messages.join('；')}`);
  }
  lines.push('');
  for (const r of sheet.rows) {
    const indent = '  '.repeat(r.level - 1);
    const score = !r.selfScored ? '不自评' : r.scoreCenti === null ? '待评' : `${formatPoints(r.scoreCenti)} 分`;
    const value = r.isLeaf && r.actualText !== null ? `  ${r.sourceLabel} ${r.actualText}` : '';
    lines.push(`${indent}${r.code} ${r.name}  满分 ${formatPoints(r.weightCenti)} 分  得分 ${score}${value}`);
  }
  if (sheet.deductions.length > 0) {
    lines.push('', '扣分：');
    for (const d of sheet.deductions) lines.push(`  ${d.indicator} 扣 ${formatPoints(d.pointsCenti)} 分：${d.reason}`);
  }
  if (sheet.frameworkIssues.length > 0) {
    lines.push('', '指标体系问题：');
    for (const i of sheet.frameworkIssues) lines.push(`  ${i.message}`);
  }
  lines.push('', generateSelfEvalSummary(sheet, { year: sheet.year, selfName }));
  return lines.join('\n');
}

export const scoreCommand: CliCommand = {
  ...CATALOGUE.score,
  async run(args, io) {
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
    try {
      const yearId = await cli.yearId(yearFlag(args));
      const sheet = await cli.api.call('score.sheet', { yearId });
      const { department } = await cli.api.call('setup.state', {});
      io.stdout(
        args.flags.json
          ? JSON.stringify({ ok: true, ...toScoreJson(sheet) })
          : textReport(sheet, department?.name ?? '', selfNameOf(department)),
      );
      return 0;
    } finally {
      cli.close();
    }
  },
};
