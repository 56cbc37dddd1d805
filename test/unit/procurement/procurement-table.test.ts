import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../../shared/import/cell.ts';
import { readProcurementTable } from '../../../shared/procurement/procurement-table.ts';

const rows = (...cells: unknown[][]): RawRow[] => cells.map((c, i) => ({ row: i + 1, cells: c as RawRow['cells'] }));

describe('a 政府采购 sheet', () => {
  it('reads items under a title in the header\'s unit, leaving out 合计 rows', () => {
    const t = readProcurementTable('a.xlsx', '采购', rows(['2021年政府采购情况'], ['品目名称', '类别', '采购预算（万元）', '合同金额（万元）', '说明'], ['电脑', '货物类', 12.5, '12.3', ''], ['合计', '', 12.5, 12.3, '']));
    expect(t).toEqual({
      ok: true,
      sheet: '采购',
      headerRow: 2,
      scale: { planned: 'wan', actual: 'wan' },
      rows: [{ row: 3, name: '电脑', kind: 'goods', plannedFen: 12_500_000, actualFen: 12_300_000, note: '' }],
    });
  });

  it('names every bad cell by sheet, row and column', () => {
    const t = readProcurementTable('a.xlsx', '采购', rows(['采购项目名称', '政府采购预算', '实际采购金额'], ['', 100, 90], ['维修', -5, 'abc']));
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.details.map((d) => d.message)).toEqual([
      '工作表“采购”第 2 行 A 列（采购项目名称）：有金额但没有采购项目名称',
      '工作表“采购”第 3 行 B 列（政府采购预算）：金额不能为负数',
      '工作表“采购”第 3 行 C 列（实际采购金额）：不是有效的金额（元）',
    ]);
  });

  it('says which columns it looked for when there is no header', () => {
    const t = readProcurementTable('b.csv', 'b', rows(['名称', '金额'], ['x', 1]));
    expect(t).toMatchObject({ ok: false });
    expect(!t.ok && t.message).toContain('应有“采购项目名称”“政府采购预算”“实际采购金额”三列');
  });
});
