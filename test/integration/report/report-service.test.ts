import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/app-error.ts';
import { createClient } from '../../../shared/api/client.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { openTestApp, tempPath } from '../temp-db.ts';

async function exampleApp() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  return { app, api };
}

function pdfText(base64: string): string {
  const file = tempPath('r.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('report service', () => {
  it('prints the example year with the seed figures, all from the data', async () => {
    const { api } = await exampleApp();
    const preview = await api.call('report.preview', { yearId: 1 });
    expect(preview.blockers).toEqual([]);
    expect(preview.findings).toEqual([]);
    expect(preview.placeholders.find((p) => p.key === 'budget.execution_rate')?.value).toBe('94.23%');
    const pdf = await api.call('report.render', { yearId: 1, format: 'pdf' });
    const text = pdfText(pdf.base64);
    for (const s of [
      '本年度财政下达预算收入指标3982.33万元，均为一般公共预算财政拨款收入。全年支出3752.63万元，部门预算完成率为94.23%。按支出分类：基本支出3260.92万元，占86.90%；项目支出491.71万元，占13.10%。',
      '2021年度我办部门整体支出绩效自评分数为94.21分',
      '本项得分44.21分',
      '分别扣0.74分和0.05分',
      '全年收编号文件21609份',
      '预算调整率为5.77%',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('keeps generated sections live until edited, and resets them', async () => {
    const { api } = await exampleApp();
    const sections = await api.call('report.sections', { yearId: 1 });
    const budget = sections.find((s) => s.key === 'budget_paragraph')!;
    expect(budget.followsData).toBe(true);
    const edited = await api.call('report.saveSection', { yearId: 1, key: 'budget_paragraph', body: '全年支出 3000.00 万元。' });
    expect(edited.find((s) => s.key === 'budget_paragraph')).toMatchObject({ followsData: false, body: '全年支出 3000.00 万元。' });
    const preview = await api.call('report.preview', { yearId: 1 });
    expect(preview.findings.map((f) => [f.typedValue, f.dataValue])).toContainEqual(['3000.00 万元', '3752.63 万元']);
    expect(preview.blockers.join()).toContain('数字与数据不一致');
    const reset = await api.call('report.resetSection', { yearId: 1, key: 'budget_paragraph' });
    expect(reset.find((s) => s.key === 'budget_paragraph')).toMatchObject({ followsData: true, body: budget.body });
  });

  it('finalizes: stores PDF, Excel and Word with their hashes, hands them out again, locks the figures, reopens only with a logged reason', async () => {
    const { app, api } = await exampleApp();
    const draft = await api.call('report.render', { yearId: 1, format: 'pdf' });
    expect(draft.fileName).toBe('广州市番禺区人民政府办公室2021年度部门整体支出绩效自评报告（草稿）.pdf');
    const { files } = await api.call('report.finalize', { yearId: 1 });
    expect(files.map((f) => f.format)).toEqual(['pdf', 'xlsx', 'docx']);
    const snaps = await api.call('report.snapshots', { yearId: 1 });
    expect(snaps.map((s) => [s.format, s.sha256, s.size, s.reopenedAt]).sort()).toEqual(files.map((f) => [f.format, f.sha256, f.bytes, null]).sort());
    for (const f of files) {
      const rendered = await api.call('report.render', { yearId: 1, format: f.format });
      expect(rendered.sha256).toBe(f.sha256);
      expect(rendered.fileName).toBe(`广州市番禺区人民政府办公室2021年度部门整体支出绩效自评报告（定稿）.${f.format}`);
      const snap = snaps.find((s) => s.format === f.format)!;
      expect((await api.call('report.snapshot', { yearId: 1, snapshotId: snap.id })).base64).toBe(rendered.base64);
    }
    const [line] = await api.call('budget.lines', { yearId: 1 });
    const { finalFen: _f, projectName: _p, batchId: _b, ...input } = line!;
    await expect(api.call('budget.saveLine', { ...input, initialFen: 1 })).rejects.toThrow('已定稿');
    await expect(api.call('report.finalize', { yearId: 1 })).rejects.toBeInstanceOf(AppError);
    await expect(api.call('report.reopen', { yearId: 1, reason: '' })).rejects.toThrow('请填写重新打开的原因');
    await api.call('report.reopen', { yearId: 1, reason: '财政局要求补充说明' });
    const reopened = await api.call('report.snapshots', { yearId: 1 });
    expect(reopened.map((s) => s.reopenReason)).toEqual(['财政局要求补充说明', '财政局要求补充说明', '财政局要求补充说明']);
    await expect(api.call('report.originals', { yearId: 1 })).rejects.toThrow('尚未定稿');
    expect((await api.call('report.render', { yearId: 1, format: 'pdf' })).fileName).toContain('（草稿）');
    const log = app.db.prepare("SELECT action FROM audit_log WHERE entity = 'fiscal_year' AND action IN ('finalize','reopen') ORDER BY id").all();
    expect(log).toEqual([{ action: 'finalize' }, { action: 'reopen' }]);
  });

  it('refuses to finalize while the score sheet or the checks are incomplete', async () => {
    const { app, api } = await exampleApp();
    app.db.prepare('DELETE FROM check_explanation').run();
    await expect(api.call('report.finalize', { yearId: 1 })).rejects.toThrow('提示未填写出错说明');
    expect((await api.call('report.snapshots', { yearId: 1 })).length).toBe(0);
  });

  it('exports Excel with live formulas and Word, and the CLI writes all three formats', async () => {
    const { app } = await exampleApp();
    for (const format of ['pdf', 'xlsx', 'docx']) {
      const out = tempPath(`r.${format}`);
      let err = '';
      const code = await runCli(['report', '--db', app.file, '--year', '2021', '--format', format, '--out', out], {
        stdout: () => {},
        stderr: (t) => (err += t),
      });
      expect(code, err).toBe(0);
      expect(readFileSync(out).length).toBeGreaterThan(1000);
      if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(out);
        const formulas = wb.worksheets.flatMap((ws) => {
          const found: string[] = [];
          ws.eachRow((row) => row.eachCell((c) => c.formula && found.push(c.formula)));
          return found;
        });
        expect(formulas.length).toBeGreaterThan(5);
        expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['自评表', '预算执行情况表', '重点工作', '支出明细']));
      }
    }
    const bad = await runCli(['report', '--db', app.file, '--year', '2021', '--format', 'html', '--out', tempPath()], { stdout: () => {}, stderr: () => {} });
    expect(bad).toBe(2);
  });
});
