import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/app-error.ts';
import { createClient } from '../../../shared/api/client.ts';
import type { FrameworkDoc, IndicatorDoc } from '../../../shared/scoring/framework-doc.ts';
import { openTestApp, tempPath } from '../temp-db.ts';

// Editing a year's framework through the API, on a real SQLite file holding the example year.

async function exampleApp() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  const sheet = await api.call('score.sheet', { yearId: 1 });
  const doc = await api.call('framework.get', { frameworkId: sheet.frameworkId });
  return { app, api, frameworkId: sheet.frameworkId, doc };
}

function find(doc: FrameworkDoc, code: string): IndicatorDoc {
  const walk = (items: IndicatorDoc[]): IndicatorDoc | undefined => {
    for (const i of items) {
      if (i.code === code) return i;
      const hit = i.children ? walk(i.children) : undefined;
      if (hit) return hit;
    }
    return undefined;
  };
  const hit = walk(doc.indicators);
  if (!hit) throw new Error(`no indicator ${code}`);
  return hit;
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('framework.saveYear', () => {
  it('refuses weights that do not add up, saving nothing, and names the node in Chinese', async () => {
    const { api, doc } = await exampleApp();
    find(doc, '1.1.1').weight = 12;
    const err = await rejection(api.call('framework.saveYear', { yearId: 1, doc }));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('指标 1.1（资金管理）的下级指标权重合计 15.2 分，与本级权重 16 分不一致');
    expect((await api.call('score.sheet', { yearId: 1 })).totalCenti).toBe(9421);
  });

  it('keeps the scores of indicators that still exist, and is undoable', async () => {
    const { api, doc, frameworkId } = await exampleApp();
    find(doc, '1.1.1').weight = 12;
    find(doc, '1.1.2').weight = 2;
    find(doc, '1.6.1').name = '绩效目标管理（含目标审核）';
    const checklist = find(doc, '1.3');
    checklist.children = [...checklist.children!].reverse(); // reordering keeps inputs too
    await api.call('framework.saveYear', { yearId: 1, doc });
    const sheet = await api.call('score.sheet', { yearId: 1 });
    expect(sheet.pending).toEqual([]);
    expect(sheet.rows.find((r) => r.code === '1.1.1')).toMatchObject({ weightCenti: 1200, scoreCenti: 1131 });
    expect(sheet.rows.find((r) => r.code === '1.6.1')).toMatchObject({ name: '绩效目标管理（含目标审核）', scoreCenti: 400 });
    expect(sheet.rows.filter((r) => r.parentId === sheet.rows.find((x) => x.code === '1.3')!.indicatorId).map((r) => r.code)).toEqual([
      '1.3.2',
      '1.3.1',
    ]);
    expect(sheet.totalCenti).toBe(9500 - 69 - 5);

    const [entry] = await api.call('audit.history', { yearId: 1, entity: 'framework', entityId: String(frameworkId), limit: 1 });
    expect(entry).toMatchObject({ action: 'update', undoable: true });
    await api.call('audit.undo', { auditId: entry!.id });
    const restored = await api.call('score.sheet', { yearId: 1 });
    expect(restored.totalCenti).toBe(9421);
    expect(restored.rows.find((r) => r.code === '1.6.1')!.name).toBe('绩效目标管理');
  });

  it('refuses to drop stored scores until the caller confirms exactly those indicators; undo brings them back', async () => {
    const { api, doc, frameworkId } = await exampleApp();
    const assets = find(doc, '1.4');
    assets.children = [{ ...assets.children![0]!, weight: 4 }]; // 1.4.2 资产管理安全性 removed
    find(doc, '1.1.3').rule = { type: 'manual' }; // 定性 → 手工评分: the band means nothing now
    const err = await rejection(api.call('framework.saveYear', { yearId: 1, doc }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('保存后以下 2 项指标的已填评分将被删除');
    expect(err.details.map((d) => d.message)).toEqual([
      '管理效能 / 资金管理 / 资金使用合规性（1.1.3）：评分规则由“定性指标”改为“手工评分”，原填报内容不再适用',
      '管理效能 / 资产管理 / 资产管理安全性（1.4.2）：指标被删除（或编号被修改）',
    ]);
    // Confirming only one of the two is not enough.
    await expect(api.call('framework.saveYear', { yearId: 1, doc, confirmDrop: ['1.4.2'] })).rejects.toThrow('已填评分将被删除');
    expect((await api.call('score.sheet', { yearId: 1 })).totalCenti).toBe(9421);

    await api.call('framework.saveYear', { yearId: 1, doc, confirmDrop: ['1.4.2', '1.1.3'] });
    const sheet = await api.call('score.sheet', { yearId: 1 });
    expect(sheet.rows.some((r) => r.code === '1.4.2')).toBe(false);
    expect(sheet.pending.map((p) => p.code)).toEqual(['1.1.3', '1.4.1']); // 1.4.1 now weighs 4, its 2-point score no longer fits the band

    const [entry] = await api.call('audit.history', { yearId: 1, entity: 'framework', entityId: String(frameworkId), limit: 1 });
    await api.call('audit.undo', { auditId: entry!.id });
    const back = await api.call('score.sheet', { yearId: 1 });
    expect(back.totalCenti).toBe(9421);
    expect(back.pending).toEqual([]);
  });

  it('refuses every framework change on a finalized year with the LOCKED message', async () => {
    const { api, doc, frameworkId } = await exampleApp();
    await api.call('report.finalize', { yearId: 1 });
    find(doc, '1.1.3').name = '资金使用合规性（改）';
    const err = await rejection(api.call('framework.saveYear', { yearId: 1, doc }));
    expect(err.code).toBe('LOCKED');
    expect(err.message).toContain('2021 年度报告已定稿，数据已锁定');
    await expect(api.call('framework.copyToYear', { yearId: 1, sourceFrameworkId: frameworkId })).rejects.toThrow('已定稿');
    expect((await api.call('framework.get', { frameworkId })).indicators[0]!.children![0]!.children![2]!.name).toBe('资金使用合规性');
  });

  it('offers the shipped default framework for a reset', async () => {
    const { api, doc } = await exampleApp();
    const def = await api.call('framework.default', {});
    expect(def).toEqual(doc);
  });
});

describe('project indicators in the report', () => {
  it('prints the 项目绩效指标完成情况表 annex in the example year’s PDF, and feeds 项目绩效目标完成率 when a framework asks for it', async () => {
    const { api, doc } = await exampleApp();
    const pdf = await api.call('report.render', { yearId: 1, format: 'pdf' });
    const file = tempPath('r.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['项目绩效指标完成情况表', '12345热线工单处置保障', '热线工单按时办结率', '满意度指标', '来电群众满意率', '98.6', '103.79%', '项目绩效目标完成率', '100.00%']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('94.21');

    // Excel and Word print the same table through their generic table code.
    const xlsx = await api.call('report.render', { yearId: 1, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
    const sheet = wb.getWorksheet('项目绩效指标')!;
    const cells: string[] = [];
    sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toEqual(expect.arrayContaining(['热线工单按时办结率', '103.79%', '是', '项目绩效目标完成率']));
    const docx = await api.call('report.render', { yearId: 1, format: 'docx' });
    const docxFile = tempPath('r.docx');
    writeFileSync(docxFile, Buffer.from(docx.base64, 'base64'));
    const xml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(xml).toContain('项目绩效指标完成情况表');
    expect(xml).toContain('来电群众满意率');

    // A framework that scores 项目绩效目标完成率 from the projects' indicators.
    const duties = find(doc, '2.1');
    duties.children = [
      { ...duties.children![0]!, weight: 25 },
      { code: '2.1.2', name: '项目绩效目标完成率', weight: 5, rule: { type: 'positive', target: '100', unit: '%' }, valueSource: 'project_indicators' },
    ];
    await api.call('framework.saveYear', { yearId: 1, doc });
    const [indicator] = await api.call('projects.indicators', { yearId: 1 });
    await api.call('projects.saveIndicator', { ...indicator!, actualValue: '90' }); // 90 < 95: one of five misses
    const row = (await api.call('score.sheet', { yearId: 1 })).rows.find((r) => r.code === '2.1.2')!;
    expect(row).toMatchObject({ actualText: '80%', scoreCenti: 400, sourceLabel: '来自项目绩效指标' });
  });
});
