import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { projectEvalCommand } from '../../../electron/cli/commands/project-eval.ts';
import { createClient } from '../../../shared/api/client.ts';
import type { ProjectEvalJson } from '../../../shared/project-eval/project-eval-json.ts';
import type { FrameworkDoc } from '../../../shared/scoring/framework-doc.ts';
import { openTestApp } from '../temp-db.ts';

async function exampleApi() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  const projects = await api.call('projects.list', { yearId: 1 });
  const projectId = (name: string) => projects.find((p) => p.name === name)!.id;
  return { app, api, projectId };
}

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, [projectEvalCommand]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const centiSum = (values: Array<number | null>) => values.reduce<number>((a, v) => a + Math.round((v ?? 0) * 100), 0);

describe('项目支出绩效自评表 of the 2021 example year', () => {
  it('`project-eval --json`: execution 91.06 % → 9.11, 60.25 % → 6.03, 61.84 % → 6.18; total = execution + indicators', async () => {
    const { app } = await exampleApi();
    app.db.close();
    const r = await cli(['project-eval', '--db', app.file, '--year', '2021', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { ok: true; average: number; projects: ProjectEvalJson[] };
    expect(json.projects.map((p) => [p.name, p.finalFen, p.actualFen, p.executionRate, p.executionScore, p.total, p.grade])).toEqual([
      ['城市运行指挥平台运行维护', 330_000_000, 300_500_000, 91.06, 9.11, 99.11, '优'],
      ['12345热线工单处置保障', 200_250_000, 120_660_000, 60.25, 6.03, 96.03, '优'],
      ['海防管控工作经费', 114_080_000, 70_550_000, 61.84, 6.18, 96.18, '优'],
    ]);
    for (const p of json.projects) {
      expect(Math.round(p.total * 100)).toBe(centiSum([p.executionScore, ...p.indicators.map((i) => i.score)]));
    }
    expect(json.projects[0]!.unit).toBe('广州市番禺区人民政府办公室（本级）');
    expect(json.projects[0]!.indicators[0]).toEqual({
      level1: '产出指标',
      level2: '质量指标',
      name: '平台故障平均修复时长',
      target: '≤4小时',
      actual: '2.5小时',
      weight: 56.25,
      score: 56.25,
      reason: '',
    });
    // Little spent, every target met: the 提示 asks which is wrong.
    expect(json.projects.map((p) => p.findings.map((f) => f.kind))).toEqual([[], ['advisory'], ['advisory']]);
    expect(json.projects[1]!.findings[0]!.message).toContain('请核实是预算编制偏大，还是绩效目标设定偏低');
    expect(json.average).toBe(97.63);
  });

  it('a 反向 indicator and a 定性 one score by the rules; a score below full without a reason is a 提示 until given', async () => {
    const { api, projectId } = await exampleApi();
    const platform = projectId('城市运行指挥平台运行维护');
    const base = { projectId: platform, unit: '', targetValue: null, actualValue: null };
    const response = await api.call('projects.saveIndicator', {
      ...base,
      kind: 'output',
      level2: '时效指标',
      name: '故障响应时间',
      direction: 'lower',
      unit: '分钟',
      targetValue: '30',
      actualValue: '40',
      weightCenti: 1000,
    });
    const quality = await api.call('projects.saveIndicator', {
      ...base,
      kind: 'satisfaction',
      name: '使用部门满意度',
      direction: 'higher',
      nature: 'qualitative',
      targetText: '使用部门总体满意',
      grade: 'partial',
    });
    const table = async () => (await api.call('projectEval.year', { yearId: 1 })).projects.find((p) => p.projectId === platform)!;
    const t = await table();
    const row = (id: number) => t.indicators.find((i) => i.id === id)!;
    // 产出 50 = 10 typed + 40 for the repair-time indicator; 效益 30; 满意度 10.
    expect(row(response.id)).toMatchObject({ weightCenti: 1000, scoreCenti: 750, target: '≤30分钟', actual: '40分钟' }); // 30 ÷ 40 × 10
    expect(row(quality.id)).toMatchObject({ weightCenti: 1000, scoreCenti: 700, actual: '部分达成年度指标并具有一定效果', level2: '服务对象满意度指标' });
    expect(t.totalCenti).toBe(911 + 4000 + 750 + 3000 + 700);
    expect(t.status).toBe('advisory');
    expect(t.findings.map((f) => f.message)).toEqual([
      '指标“故障响应时间”得分 7.5 分，低于分值 10 分：请填写偏差原因分析及改进措施',
      '指标“使用部门满意度”得分 7 分，低于分值 10 分：请填写偏差原因分析及改进措施',
    ]);
    await api.call('projects.saveIndicator', { ...response, deviationReason: '夜间值守人员不足；已增设备班。' });
    await api.call('projects.saveIndicator', { ...quality, deviationReason: '部分部门反映数据接口不稳定；下年度升级接口。' });
    expect((await table()).findings).toEqual([]);
    expect((await table()).status).toBe('done');
  });

  it('per-project weights, goals and editable rules (grade thresholds) are saved, audited and undone', async () => {
    const { api, projectId } = await exampleApi();
    const hotline = projectId('12345热线工单处置保障');
    const saved = await api.call('projectEval.save', {
      projectId: hotline,
      goal: '工单按时办结',
      achievement: '按时办结',
      weights: { output: 6000, outcome: 2000, satisfaction: 1000 },
    });
    // No 效益 indicator: its 20 go to 产出 and 满意度 in proportion 60 : 10.
    expect(saved.levels.map((l) => l.weightCenti)).toEqual([7714, 0, 1286]);
    expect(saved.goal).toBe('工单按时办结');
    await expect(api.call('projectEval.save', { ...saved, weights: { output: -1, outcome: null, satisfaction: null } } as never)).rejects.toThrow('产出指标权重不能为负数');
    const [last] = await api.call('audit.history', { yearId: 1, entity: 'project_eval', entityId: String(hotline), limit: 1 });
    await api.call('audit.undo', { auditId: last!.id });
    const back = (await api.call('projectEval.year', { yearId: 1 })).projects.find((p) => p.projectId === hotline)!;
    expect(back.levels.map((l) => l.weightCenti)).toEqual([7500, 0, 1500]);
    expect(back.goal).toContain('热线工单');

    const year = await api.call('projectEval.year', { yearId: 1 });
    const strict = { ...year.rules, grades: [{ name: '优', min: '97' }, { name: '良', min: '90' }, { name: '差', min: '0' }] };
    const edited = await api.call('projectEval.saveRules', { yearId: 1, rules: strict });
    expect(edited.rulesEdited).toBe(true);
    expect(edited.projects.map((p) => p.grade)).toEqual(['优', '良', '良']);
    await expect(api.call('projectEval.saveRules', { yearId: 1, rules: { ...strict, grades: [{ name: '优', min: '90' }] } })).rejects.toThrow(
      '最低一档评价等次的分数线必须是 0',
    );
    expect((await api.call('projectEval.saveRules', { yearId: 1, rules: null })).projects.map((p) => p.grade)).toEqual(['优', '优', '优']);
  });

  it('“项目自评平均分” feeds any numeric rule of the department framework; the default framework stays at 94.21', async () => {
    const { api } = await exampleApi();
    expect((await api.call('score.sheet', { yearId: 1 })).totalCenti).toBe(9421);
    const sheet = await api.call('score.sheet', { yearId: 1 });
    const doc: FrameworkDoc = await api.call('framework.get', { frameworkId: sheet.frameworkId });
    const duties = doc.indicators[1]!.children![0]!;
    duties.children = [
      { ...duties.children![0]!, weight: duties.children![0]!.weight - 5 },
      { code: '2.1.9', name: '项目支出绩效自评', weight: 5, rule: { type: 'positive', target: '100' }, valueSource: 'project_eval_average' },
    ];
    await api.call('framework.saveYear', { yearId: 1, doc });
    const row = (await api.call('score.sheet', { yearId: 1 })).rows.find((r) => r.code === '2.1.9')!;
    // (99.11 × 330 + 96.03 × 200.25 + 96.18 × 114.08) ÷ 644.33 = 97.634… → 5 × 0.97634 = 4.88
    expect(row).toMatchObject({ actualText: '97.63', scoreCenti: 488, sourceLabel: '项目自评平均分' });
  });

  it('copies last year’s indicators of the project of the same name, without what happened', async () => {
    const { api, projectId } = await exampleApi();
    const year2022 = await api.call('years.create', { year: 2022 });
    const units = (await api.call('setup.state', {})).units;
    const next = await api.call('projects.save', { yearId: year2022.id, unitId: units[0]!.id, code: '', name: '12345热线工单处置保障', description: '' });
    await api.call('projects.saveIndicator', {
      projectId: projectId('12345热线工单处置保障'),
      kind: 'output',
      name: '回访率',
      direction: 'higher',
      unit: '%',
      targetValue: '80',
      actualValue: '70',
      deviationReason: '人手不足',
    });
    const copied = await api.call('projectEval.copyLastYear', { projectId: next.id });
    expect(copied).toEqual({ copied: 3, skipped: [] });
    const indicators = (await api.call('projects.indicators', { yearId: year2022.id })).filter((i) => i.projectId === next.id);
    expect(indicators.map((i) => [i.name, i.level2, i.targetValue, i.actualValue, i.deviationReason])).toEqual([
      ['热线工单按时办结率', '时效指标', '95', null, ''],
      ['来电群众满意率', '服务对象满意度指标', '90', null, ''],
      ['回访率', '', '80', null, ''],
    ]);
    expect(await api.call('projectEval.copyLastYear', { projectId: next.id })).toEqual({ copied: 0, skipped: ['热线工单按时办结率', '来电群众满意率', '回访率'] });
    await expect(api.call('projectEval.copyLastYear', { projectId: projectId('海防管控工作经费') })).rejects.toThrow('2020 年度没有名为“海防管控工作经费”的项目');
  });

  it('travels in the year document, and a version-1 document without the new tables still imports', async () => {
    const { api } = await exampleApi();
    const doc = await api.call('year.export', { yearId: 1 });
    expect(doc.tables.project_eval).toHaveLength(3);
    const target = openTestApp();
    const other = createClient({ invoke: target.dispatch });
    const { yearId } = await other.call('year.import', { document: doc });
    const imported = await other.call('projectEval.year', { yearId });
    expect(imported.projects.map((p) => [p.totalCenti, p.goal.length > 0])).toEqual([
      [9911, true],
      [9603, true],
      [9618, true],
    ]);
    // A file written before schema 5: no project_eval tables, indicators without the new columns.
    const { project_eval: _a, project_eval_rules: _b, ...oldTables } = doc.tables;
    const oldIndicators = oldTables.project_indicator!.map(({ level2: _l, nature: _n, weight_centi: _w, grade: _g, target_text: _t, deviation_reason: _d, ...r }) => r);
    const third = openTestApp();
    const old = createClient({ invoke: third.dispatch });
    const back = await old.call('year.import', { document: { ...doc, tables: { ...oldTables, project_indicator: oldIndicators } } });
    expect((await old.call('projectEval.year', { yearId: back.yearId })).projects.map((p) => p.totalCenti)).toEqual([9911, 9603, 9618]);
  });
});
