import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { AppError } from '../../../shared/api/app-error.ts';
import { fingerprint, openTestApp } from '../temp-db.ts';

const WAN = 1_000_000;

async function newYear() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('department.save', { name: '示例县财政局', code: '' });
  const year = await api.call('years.create', { year: 2023 });
  return { app, api, yearId: year.id };
}

async function workbook(fill: (ws: ExcelJS.Worksheet) => void, base?: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (base) await wb.xlsx.load(base as unknown as ArrayBuffer);
  fill(wb.worksheets[0] ?? wb.addWorksheet('政府采购'));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('政府采购 import from a sheet', () => {
  it('the blank template, filled in, imports cleanly and scores 政府采购执行率 from it', async () => {
    const { app, api, yearId } = await newYear();
    const template = await api.call('import.template', { target: 'procurement' });
    expect(template.fileName).toBe('政府采购导入模板.xlsx');
    const base64 = await workbook((ws) => {
      ws.addRow(['办公设备采购', '货物', 250_000, 245_000, '']);
      ws.addRow(['物业管理服务', '服务', '150,000.00', 145_000, '按合同']);
      ws.addRow(['合计', '', 400_000, 390_000, '']);
    }, Buffer.from(template.base64, 'base64'));
    const r = await api.call('procurement.import', { yearId, fileName: '政府采购导入模板.xlsx', base64 });
    expect(r).toEqual({ fileName: '政府采购导入模板.xlsx', sheet: '政府采购', imported: 2, replaced: 0, plannedFen: 40 * WAN, actualFen: 39 * WAN });
    const items = await api.call('procurement.items', { yearId });
    expect(items.map((i) => [i.name, i.kind, i.plannedFen, i.actualFen, i.note])).toEqual([
      ['办公设备采购', 'goods', 25 * WAN, 24.5 * WAN, ''],
      ['物业管理服务', 'services', 15 * WAN, 14.5 * WAN, '按合同'],
    ]);
    const sheet = await api.call('score.sheet', { yearId });
    expect(sheet.rows.find((row) => row.name === '政府采购执行率')!.scoreCenti).toBe(195);
    app.db.close();
  });

  it('reads a GBK .csv in 万元 under a title, and replaces the items entered before', async () => {
    const { app, api, yearId } = await newYear();
    await api.call('procurement.saveItem', { yearId, name: '旧项目', kind: 'goods', plannedFen: 1, actualFen: 1, note: '' });
    const csv = iconv.encode('2023年度政府采购执行情况表\r\n采购项目,采购类别,采购预算（万元）,实际采购金额（万元）\r\n信息化运维,服务,120.5,118\r\n维修改造工程,工程,80,79.25\r\n', 'gbk');
    const r = await api.call('procurement.import', { yearId, fileName: '采购.csv', base64: csv.toString('base64') });
    expect(r).toMatchObject({ imported: 2, replaced: 1, plannedFen: 200.5 * WAN, actualFen: 197.25 * WAN });
    expect((await api.call('procurement.items', { yearId })).map((i) => i.kind)).toEqual(['services', 'works']);
    app.db.close();
  });

  it('a bad cell is named by file, sheet, row and column in Chinese, and nothing is written', async () => {
    const { app, api, yearId } = await newYear();
    await api.call('procurement.saveItem', { yearId, name: '已有项目', kind: 'goods', plannedFen: 100, actualFen: 90, note: '' });
    const before = fingerprint(app.db);
    const base64 = await workbook((ws) => {
      ws.addRow(['采购项目名称', '采购类别', '政府采购预算（元）', '实际采购金额（元）']);
      ws.addRow(['办公设备', '货物', 1000, 900]);
      ws.addRow(['印刷服务', '服务', '一千元', 800]);
      ws.addRow(['车辆', '租赁', 500, 500]);
    });
    const err = await api.call('procurement.import', { yearId, fileName: '采购.xlsx', base64 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('IMPORT');
    expect(e.message).toContain('文件“采购.xlsx”中有 2 处数据有误，未导入任何数据');
    expect(e.message).toContain('工作表“政府采购”第 3 行 C 列（政府采购预算（元））：不是有效的金额');
    expect(e.message).toContain('工作表“政府采购”第 4 行 B 列（采购类别）：采购类别应为货物、工程、服务之一，实际为“租赁”');
    expect(e.details.map((d) => [d.sheet, d.row, d.column])).toEqual([
      ['政府采购', 3, 'C'],
      ['政府采购', 4, 'B'],
    ]);
    expect(fingerprint(app.db)).toBe(before);

    const noHeader = await workbook((ws) => ws.addRow(['摘要', '金额']));
    await expect(api.call('procurement.import', { yearId, fileName: '流水.xlsx', base64: noHeader })).rejects.toThrow(
      '文件“流水.xlsx”工作表“政府采购”中没有找到表头',
    );
    expect(fingerprint(app.db)).toBe(before);
    app.db.close();
  });
});
