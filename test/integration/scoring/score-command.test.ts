import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoreCommand } from '../../../electron/cli/commands/score.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { installDefaultFramework, seedExampleScores } from '../../../electron/services/scoring-service.ts';
import { buildExampleYear, openTempDb, type TempDb } from './fixtures/example-year.ts';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['score', ...argv], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) }, [scoreCommand]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('selfeval score', () => {
  let t: TempDb;

  beforeEach(() => {
    t = openTempDb();
    const y = buildExampleYear(t.db);
    installDefaultFramework(t.db, y.yearId);
    seedExampleScores(t.db, y.yearId);
    t.db.close();
  });
  afterEach(() => t.cleanup());

  it('prints the year\'s scores as JSON in points', async () => {
    const r = await run(['--db', t.file, '--year', '2021', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect([json.ok, json.total, json.max, json.frameworkMax, json.complete]).toEqual([true, 94.21, 95, 100, true]);
    expect(json.groups.map((g: { name: string; max: number; score: number | null }) => [g.name, g.max, g.score])).toEqual([
      ['管理效能', 45, 44.21],
      ['履职效能', 50, 50],
      ['其他评价（不自评）', 5, null],
    ]);
    expect(json.groups[0].children.map((c: { name: string; score: number }) => [c.name, c.score])).toEqual([
      ['资金管理', 15.26],
      ['采购管理', 1.95],
      ['信息公开管理', 4],
      ['资产管理', 4],
      ['成本管理', 4],
      ['绩效管理', 15],
    ]);
    expect(json.groups[0].children[0].children[0]).toMatchObject({
      name: '预算执行率',
      max: 12.8,
      score: 12.06,
      source: '来自预算执行',
      actual: '94.23%',
    });
    expect(json.deductions).toEqual([
      { indicator: '预算执行率', code: '1.1.1', points: 0.74, reason: '预算执行率未达 100%' },
      { indicator: '政府采购执行率', code: '1.2.1', points: 0.05, reason: '政府采购执行率未达 100%' },
    ]);
  });

  it('prints a Chinese report without --json', async () => {
    const r = await run(['--db', t.file, '--year', '2021']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('自评得分 94.21 分 / 自评满分 95 分（指标体系合计 100 分）');
    expect(r.out).toContain('预算执行率 扣 0.74 分：预算执行率未达 100%');
    expect(r.out).toContain('1.1.1 预算执行率  满分 12.8 分  得分 12.06 分  来自预算执行 94.23%');
  });

  it('fails with a Chinese message when the year is absent', async () => {
    const r = await run(['--db', t.file, '--year', '2030', '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('错误：数据文件中没有 2030 年度。');
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('explains its usage when arguments are missing', async () => {
    const r = await run(['--year', '2021']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('缺少参数 --db');
  });
});
