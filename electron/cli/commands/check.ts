import { CHECK_SEVERITY_LABELS, type CheckRun } from '../../../shared/checks/schemas.ts';
import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { requireFlag, yearFlag } from '../parse-args.ts';

// `selfeval check --db FILE --year YYYY [--json]`: runs the 审核 checks, read-only. Exit code 1
// when a 强制 finding remains (the year cannot be finalized), 0 otherwise.

function textReport(run: CheckRun): string {
  const s = run.summary;
  const lines = [
    `${run.year} 年度 审核结果：强制 ${s.mandatory} 条，提示 ${s.advisory} 条（已说明 ${s.advisoryExplained} 条，待说明 ${s.advisoryUnexplained} 条）`,
    s.canFinalize ? '可以定稿。' : s.mandatory > 0 ? '有强制性审核未通过，不能定稿。' : '提示性审核需要填写出错说明后才能定稿。',
  ];
  for (const f of run.findings) {
    lines.push(`  [${CHECK_SEVERITY_LABELS[f.severity]}] ${f.title}：${f.message}`);
    if (f.explanation !== null) lines.push(`      出错说明：${f.explanation}`);
  }
  return lines.join('\n');
}

export const checkCommand: CliCommand = {
  ...CATALOGUE.check,
  async run(args, io) {
    const file = requireFlag(args, 'db', '数据文件路径');
    const year = yearFlag(args);
    const cli = openCli(file, { readonly: true });
    try {
      const run = await cli.api.call('checks.run', { yearId: await cli.yearId(year) });
      io.stdout(args.flags.json ? JSON.stringify(run) : textReport(run));
      return run.summary.mandatory > 0 ? 1 : 0;
    } finally {
      cli.close();
    }
  },
};
