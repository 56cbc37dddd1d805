import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { openTestApp } from '../temp-db.ts';

const WAN = 1_000_000; // fen in 1 万元

async function procurementRow(api: ReturnType<typeof createClient>, yearId: number) {
  const sheet = await api.call('score.sheet', { yearId });
  return sheet.rows.find((r) => r.name === '政府采购执行率')!;
}

describe('政府采购 figures', () => {
  it('scores 政府采购执行率 from items entered in a data file started from scratch, with no override', async () => {
    const app = openTestApp();
    const api = createClient({ invoke: app.dispatch });
    await api.call('department.save', { name: '示例县财政局', code: '' });
    const year = await api.call('years.create', { year: 2023 });
    expect((await procurementRow(api, year.id)).scoreCenti).toBeNull();

    const goods = await api.call('procurement.saveItem', { yearId: year.id, name: '办公设备', kind: 'goods', plannedFen: 25 * WAN, actualFen: 24_500_000, note: '' });
    await api.call('procurement.saveItem', { yearId: year.id, name: '物业服务', kind: 'services', plannedFen: 15 * WAN, actualFen: 14_500_000, note: '' });
    expect(await api.call('procurement.get', { yearId: year.id })).toMatchObject({ plannedFen: 40 * WAN, actualFen: 39 * WAN });
    const row = await procurementRow(api, year.id);
    expect(row.scoreCenti).toBe(195);
    expect(row.input.overrideScoreCenti).toBeNull();

    // Totals follow the items; typing other totals while items exist is refused, nothing written.
    await expect(api.call('procurement.save', { yearId: year.id, plannedFen: 50 * WAN, actualFen: 50 * WAN, note: '' })).rejects.toThrow(
      '合计由明细自动计算',
    );
    await api.call('procurement.save', { yearId: year.id, plannedFen: 40 * WAN, actualFen: 39 * WAN, note: '按采购合同统计' });
    expect(await api.call('procurement.get', { yearId: year.id })).toMatchObject({ plannedFen: 40 * WAN, actualFen: 39 * WAN, note: '按采购合同统计' });

    // A bad item is refused in Chinese and writes nothing.
    await expect(api.call('procurement.saveItem', { yearId: year.id, name: ' ', kind: 'goods', plannedFen: -1, actualFen: 0, note: '' })).rejects.toThrow(
      /采购项目名称不能为空|政府采购预算不能为负数/,
    );
    expect(await api.call('procurement.items', { yearId: year.id })).toHaveLength(2);

    // Edit, delete and undo the delete through the history.
    await api.call('procurement.saveItem', { ...goods, actualFen: 25 * WAN });
    expect((await api.call('procurement.get', { yearId: year.id })).actualFen).toBe(395 * WAN / 10);
    await api.call('procurement.deleteItem', { id: goods.id });
    expect(await api.call('procurement.get', { yearId: year.id })).toMatchObject({ plannedFen: 15 * WAN, actualFen: 14_500_000 });
    const [last] = await api.call('audit.history', { yearId: year.id, entity: 'procurement_item', entityId: String(goods.id), limit: 1 });
    expect(last!.action).toBe('delete');
    await api.call('audit.undo', { auditId: last!.id });
    expect(await api.call('procurement.get', { yearId: year.id })).toMatchObject({ plannedFen: 40 * WAN, actualFen: 39_500_000 });
  });

  it('keeps the example year at 97.5% (1.95 分) from its entered totals, and carries items through a year file', async () => {
    const app = openTestApp();
    const api = createClient({ invoke: app.dispatch });
    const { yearId } = await api.call('example.load', {});
    expect(await api.call('procurement.get', { yearId })).toMatchObject({ plannedFen: 400 * WAN, actualFen: 390 * WAN });
    const row = await procurementRow(api, yearId);
    expect([row.scoreCenti, row.input.overrideScoreCenti]).toEqual([195, null]);

    await api.call('procurement.saveItem', { yearId, name: '信息化设备', kind: 'goods', plannedFen: 400 * WAN, actualFen: 390 * WAN, note: '' });
    const doc = await api.call('year.export', { yearId });
    expect(doc.tables.procurement_item).toHaveLength(1);

    const other = openTestApp();
    const otherApi = createClient({ invoke: other.dispatch });
    const imported = await otherApi.call('year.import', { document: doc });
    expect(await otherApi.call('procurement.items', { yearId: imported.yearId })).toMatchObject([{ name: '信息化设备', plannedFen: 400 * WAN }]);
    expect((await procurementRow(otherApi, imported.yearId)).scoreCenti).toBe(195);
  });
});
