import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as service from '../../../electron/services/scoring-service.ts';
import { AppError } from '../../../shared/api/app-error.ts';
import { parseFrameworkFile } from '../../../shared/scoring/framework-file.ts';
import type { ScoreSheet } from '../../../shared/scoring/schemas.ts';
import { addTasks, buildExampleYear, createYear, type ExampleYear, openTempDb, type TempDb } from './fixtures/example-year.ts';

function idOf(sheet: ScoreSheet, name: string): number {
  const r = sheet.rows.find((x) => x.name === name);
  if (!r) throw new Error(`no indicator ${name}`);
  return r.indicatorId;
}

function rowOf(sheet: ScoreSheet, name: string) {
  return sheet.rows.find((x) => x.name === name)!;
}

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('scoring service', () => {
  let t: TempDb;
  let y: ExampleYear;

  beforeEach(() => {
    t = openTempDb();
    y = buildExampleYear(t.db);
    service.installDefaultFramework(t.db, y.yearId);
  });
  afterEach(() => t.cleanup());

  it('asks for a framework before scoring a year without one', () => {
    const other = createYear(t.db, 2022);
    const err = appError(() => service.getScoreSheet(t.db, { yearId: other.yearId }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('2022 年度尚未设置评价指标体系');
  });

  it('lists the judgements still needed first, and cannot be finalised until they are given', () => {
    const sheet = service.getScoreSheet(t.db, { yearId: y.yearId });
    expect(sheet.pending.map((p) => p.path)).toEqual([
      '管理效能 / 资金管理 / 资金使用合规性',
      '管理效能 / 信息公开管理 / 预决算信息公开',
      '管理效能 / 信息公开管理 / 绩效信息公开',
      '管理效能 / 资产管理 / 资产管理规范性',
      '管理效能 / 资产管理 / 资产管理安全性',
      '管理效能 / 成本管理 / 公用经费控制',
      '管理效能 / 成本管理 / “三公”经费控制',
      '管理效能 / 绩效管理 / 绩效目标管理',
      '管理效能 / 绩效管理 / 项目支出绩效指标管理',
      '管理效能 / 绩效管理 / 绩效运行监控',
      '管理效能 / 绩效管理 / 绩效自评及结果应用',
      '履职效能 / 履职效益 / 社会效益',
      '履职效能 / 履职效益 / 服务对象满意度',
    ]);
    const check = service.finalizeCheck(t.db, { yearId: y.yearId });
    expect(check.ok).toBe(false);
    expect(check.message).toBe('尚有 13 项指标待填报，不能定稿');

    service.seedExampleScores(t.db, y.yearId);
    const done = service.finalizeCheck(t.db, { yearId: y.yearId });
    expect(done).toMatchObject({ ok: true, totalCenti: 9421, maxCenti: 9500 });
    expect(done.message).toBe('评分已完成：自评得分 94.21 分（自评满分 95 分），可以定稿');
  });

  it('saves judgements and returns the sheet with subtotals rolled up', () => {
    service.seedExampleScores(t.db, y.yearId);
    let sheet = service.getScoreSheet(t.db, { yearId: y.yearId });
    sheet = service.saveScoreInput(t.db, {
      yearId: y.yearId,
      indicatorId: idOf(sheet, '资金使用合规性'),
      band: 'partial',
      chosenScoreCenti: 150,
      basis: '个别报销凭证附件不全',
    });
    expect(rowOf(sheet, '资金管理').scoreCenti).toBe(1476);
    expect(rowOf(sheet, '管理效能').scoreCenti).toBe(4371);
    expect(sheet.totalCenti).toBe(9371);
    sheet = service.saveScoreInput(t.db, { yearId: y.yearId, indicatorId: idOf(sheet, '绩效信息公开'), answer: 'no' });
    expect(sheet.deductions.map((d) => [d.indicator, d.pointsCenti, d.reason])).toEqual([
      ['预算执行率', 74, '预算执行率未达 100%'],
      ['资金使用合规性', 50, '资金使用合规性：个别报销凭证附件不全'],
      ['政府采购执行率', 5, '政府采购执行率未达 100%'],
      ['绩效信息公开', 200, '绩效信息公开：绩效信息未按要求公开'],
    ]);
    const summary = service.getSelfEvalSummary(t.db, { yearId: y.yearId });
    expect(summary.text.split('\n')[1]).toBe(
      '1.管理效能方面，总分 45 分。其中，资金管理 14.76 分、采购管理 1.95 分、信息公开管理 2 分、资产管理 4 分、成本管理 4 分、绩效管理 15 分，本项得分 41.71 分，扣分原因为预算执行率和政府采购执行率未达 100%，分别扣 0.74 分和 0.05 分；资金使用合规性方面个别报销凭证附件不全，扣 0.5 分；绩效信息公开方面绩效信息未按要求公开，扣 2 分；',
    );
  });

  it('overrides a computed score only with 得分依据, and keeps an audit trail', () => {
    service.seedExampleScores(t.db, y.yearId);
    const sheet = service.getScoreSheet(t.db, { yearId: y.yearId });
    const exec = idOf(sheet, '预算执行率');
    const refused = appError(() => service.saveScoreInput(t.db, { yearId: y.yearId, indicatorId: exec, overrideScoreCenti: 1280 }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toBe('指标 1.1.1（预算执行率）调整了得分，必须填写得分依据');
    const typed = appError(() => service.saveScoreInput(t.db, { yearId: y.yearId, indicatorId: exec, actualValue: '100' }));
    expect(typed.message).toContain('的实际值来自预算执行，不能手工填写');

    const after = service.saveScoreInput(t.db, {
      yearId: y.yearId,
      indicatorId: exec,
      overrideScoreCenti: 1250,
      basis: '财政局复核后按剔除上级追加资金后的执行率计分',
    });
    expect(rowOf(after, '预算执行率')).toMatchObject({ computedScoreCenti: 1206, scoreCenti: 1250, overridden: true });
    expect(after.totalCenti).toBe(9465);
    const audit = t.db
      .prepare("SELECT action, before_json AS before, after_json AS after FROM audit_log WHERE entity = 'indicator_score' AND entity_id = ?")
      .all(`${y.yearId}:${exec}`) as Array<{ action: string; before: string; after: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');
    expect(JSON.parse(audit[0]!.before)).toBeNull();
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ overrideScoreCenti: 1250, basis: '财政局复核后按剔除上级追加资金后的执行率计分' });
  });

  it('follows the data: a task not done lowers 履职效能 without any typed score', () => {
    service.seedExampleScores(t.db, y.yearId);
    addTasks(t.db, y, ['partial']);
    const sheet = service.getScoreSheet(t.db, { yearId: y.yearId });
    expect(rowOf(sheet, '重点工作任务完成率')).toMatchObject({ actualText: '80%', scoreCenti: 2400, valueDetail: '已完成 4 项 ÷ 共 5 项' });
    expect(rowOf(sheet, '履职效能').scoreCenti).toBe(4400);
  });

  it('refuses changes to a finalised year', () => {
    service.seedExampleScores(t.db, y.yearId);
    t.db.prepare("UPDATE fiscal_year SET status = 'final' WHERE id = ?").run(y.yearId);
    const sheet = service.getScoreSheet(t.db, { yearId: y.yearId });
    const err = appError(() =>
      service.saveScoreInput(t.db, { yearId: y.yearId, indicatorId: idOf(sheet, '绩效信息公开'), answer: 'no' }),
    );
    expect(err.code).toBe('LOCKED');
    expect(err.message).toContain('2021 年度报告已定稿');
  });

  it('installs the default template once and gives each year its own copy', () => {
    const other = createYear(t.db, 2022);
    service.installDefaultFramework(t.db, other.yearId);
    service.installDefaultFramework(t.db, other.yearId);
    const list = service.listFrameworks(t.db);
    expect(list.map((f) => [f.yearId, f.indicatorCount, f.totalWeightCenti])).toEqual([
      [null, 28, 10000],
      [y.yearId, 28, 10000],
      [other.yearId, 28, 10000],
    ]);
  });

  it('edits a year\'s framework, keeping inputs of unchanged indicators and refusing weights that do not add up', () => {
    service.seedExampleScores(t.db, y.yearId);
    const fw = service.listFrameworks(t.db).find((f) => f.yearId === y.yearId)!;
    const doc = service.getFrameworkDoc(t.db, { frameworkId: fw.frameworkId });
    const money = doc.indicators[0]!.children![0]!;
    money.children![0]!.weight = 12;
    const bad = appError(() => service.saveYearFramework(t.db, { yearId: y.yearId, doc }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toBe('指标体系有 1 处问题：指标 1.1（资金管理）的下级指标权重合计 15.2 分，与本级权重 16 分不一致');

    money.children![1]!.weight = 2; // 预算调整率 1.2 → 2, so 12 + 2 + 2 = 16
    service.saveYearFramework(t.db, { yearId: y.yearId, doc });
    const sheet = service.getScoreSheet(t.db, { yearId: y.yearId });
    expect(rowOf(sheet, '预算执行率')).toMatchObject({ weightCenti: 1200, scoreCenti: 1131 });
    expect(sheet.pending).toEqual([]); // judgements survived the edit
    expect(sheet.totalCenti).toBe(9500 - 69 - 5);
    // The template is untouched.
    const template = service.listFrameworks(t.db).find((f) => f.yearId === null)!;
    const tdoc = service.getFrameworkDoc(t.db, { frameworkId: template.frameworkId });
    expect(tdoc.indicators[0]!.children![0]!.children![0]!.weight).toBe(12.8);
  });

  it('exports a framework as JSON and imports it back as a template or into a year', () => {
    const fw = service.listFrameworks(t.db).find((f) => f.yearId === y.yearId)!;
    const out = service.exportFramework(t.db, { frameworkId: fw.frameworkId });
    expect(out.fileName).toBe('部门整体支出绩效自评指标体系（默认：管理效能_履职效能）-2021-默认-1.json');
    const parsed = parseFrameworkFile(out.json);
    expect(parsed.ok && parsed.doc).toEqual(service.defaultFrameworkDoc());

    const edited = JSON.parse(out.json);
    edited.name = '某财政局 2023 指标体系';
    const tpl = service.importFramework(t.db, { json: JSON.stringify(edited), target: { kind: 'template' } });
    expect(tpl).toMatchObject({ yearId: null, name: '某财政局 2023 指标体系', indicatorCount: 28 });

    const other = createYear(t.db, 2023);
    const copied = service.copyFrameworkToYear(t.db, { sourceFrameworkId: tpl.frameworkId, yearId: other.yearId });
    expect(copied).toMatchObject({ yearId: other.yearId, name: '某财政局 2023 指标体系' });

    const err = appError(() => service.importFramework(t.db, { json: '{"format":"selfeval-framework"}', target: { kind: 'template' } }));
    expect(err.code).toBe('VALIDATION');
    expect(err.details.length).toBeGreaterThan(1);
  });

  it('reads 政府采购执行率 from the procurement plan and actual', () => {
    t.db.prepare('UPDATE procurement_summary SET actual_fen = planned_fen WHERE year_id = ?').run(y.yearId);
    service.seedExampleScores(t.db, y.yearId);
    const sheet = service.getScoreSheet(t.db, { yearId: y.yearId });
    expect(rowOf(sheet, '政府采购执行率')).toMatchObject({ actualText: '100%', scoreCenti: 200 });
    expect(sheet.totalCenti).toBe(9426);
  });
});
