import { renameSync, writeFileSync } from 'node:fs';
import { FUND_ROW_LABELS } from '../../../shared/project-eval/evaluate-project.ts';
import type { ProjectEvalYear } from '../../../shared/project-eval/api-schemas.ts';
import { toProjectEvalJson } from '../../../shared/project-eval/project-eval-json.ts';
import { REPORT_FORMATS } from '../../../shared/report/api-schemas.ts';
import { formatWan } from '../../../shared/money/fen.ts';
import { formatPoints } from '../../../shared/scoring/points.ts';
import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { CliUsageError, requireFlag, stringFlag, yearFlag } from '../parse-args.ts';

// `selfeval project-eval --db FILE --year YYYY [--json]`: every project's 项目支出绩效自评表, scored;
// with `--format pdf|xlsx|docx --out FILE` the tables as one document. Goes through the dispatcher.

function textReport(y: ProjectEvalYear): string {
  const lines = [`${y.year} 年度项目支出绩效自评（${y.projects.length} 个项目，按预算加权平均分 ${y.averageText ?? '—'}）`];
  for (const p of y.projects) {
    const f = p.funds[0]!;
    lines.push(
      '',
      `${p.name}（实施单位：${p.unitName}）  总分 ${formatPoints(p.totalCenti)} / ${formatPoints(p.maxCenti)}  ${p.grade}`,
      `  ${FUND_ROW_LABELS.total}：年初 ${formatWan(f.initialFen)} 万元，全年预算 ${formatWan(f.finalFen)} 万元，执行 ${formatWan(f.actualFen)} 万元，` +
        `执行率 ${f.rateText ?? '—'}%，得分 ${p.executionScoreCenti === null ? '—' : formatPoints(p.executionScoreCenti)} / ${formatPoints(p.executionWeightCenti)}`,
    );
    for (const i of p.indicators) {
      const score = i.scoreCenti === null ? '待填' : formatPoints(i.scoreCenti);
      lines.push(`  ${i.level1}/${i.level2 || '—'} ${i.name}：指标值 ${i.target || '—'}，实际 ${i.actual || '—'}，得分 ${score} / ${formatPoints(i.weightCenti)}${i.reason ? `（${i.reason}）` : ''}`);
    }
    for (const f of p.findings) lines.push(`  [${f.kind === 'missing' ? '待填报' : '提示'}] ${f.message}`);
  }
  return lines.join('\n');
}

export const projectEvalCommand: CliCommand = {
  ...CATALOGUE['project-eval'],
  async run(args, io) {
    const format = stringFlag(args, 'format');
    if (format !== undefined && !(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new CliUsageError(`--format 只能是 pdf、xlsx 或 docx，收到：${format}`);
    }
    const out = format === undefined ? undefined : requireFlag(args, 'out', '输出文件路径');
    const year = yearFlag(args);
    // Opened as the score and report commands open it, so an older data file is migrated first.
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
    const api = cli.api;
    try {
      const yearId = await cli.yearId(year);
      if (format !== undefined && out !== undefined) {
        const file = await api.call('projectEval.render', { yearId, format: format as (typeof REPORT_FORMATS)[number] });
        const bytes = Buffer.from(file.base64, 'base64');
        // A temp name and a rename: an interrupted export never leaves half a file under the real name.
        writeFileSync(`${out}.tmp`, bytes);
        renameSync(`${out}.tmp`, out);
        io.stdout(args.flags.json ? JSON.stringify({ ok: true, out, bytes: bytes.length }) : `已导出：${out}（${bytes.length} 字节）`);
        return 0;
      }
      const y = await api.call('projectEval.year', { yearId });
      io.stdout(
        args.flags.json
          ? JSON.stringify({ ok: true, year: y.year, average: y.averageText === null ? null : Number(y.averageText), projects: y.projects.map(toProjectEvalJson) })
          : textReport(y),
      );
      return 0;
    } finally {
      cli.close();
    }
  },
};
