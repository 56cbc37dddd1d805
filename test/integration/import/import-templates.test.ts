import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../../electron/cli/commands/import.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { createClient } from '../../../shared/api/client.ts';
import { openTestApp } from '../temp-db.ts';
import { removeTempDirs, tempDir } from '../reliability/fixtures/databases.ts';

// The blank templates offered under 使用说明 import cleanly once filled in: every column is found
// by its header, no row is skipped, and the amounts land to the fen.

afterAll(removeTempDirs);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) }, [importCommand]);
  return { code, out, err };
}

async function fillTemplate(target: 'budget' | 'ledger', rows: unknown[][], file: string): Promise<void> {
  const app = openTestApp();
  const template = await createClient({ invoke: app.dispatch }).call('import.template', { target });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template.base64, 'base64') as never);
  const ws = wb.worksheets[0]!;
  expect(ws.rowCount).toBe(1);
  for (const r of rows) ws.addRow(r);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('import templates', () => {
  it('a filled 预算指标 template imports every line with no mapping chosen', async () => {
    const dir = tempDir('selfeval-template-');
    const file = join(dir, 'budget.xlsx');
    await fillTemplate(
      'budget',
      [
        ['一般公共预算财政拨款', '', '', '2010301', '行政运行', '30201', '办公费', 1200000, -50000.5, '', ''],
        ['', '', '信息系统运维', '2010399', '其他政府办公厅（室）及相关机构事务支出', '30227', '委托业务费', 3000000, 0, '某财〔2021〕1号', ''],
      ],
      file,
    );
    const r = await cli('import', file, '--db', join(dir, 'data.db'), '--year', '2021', '--into', 'budget', '--json');
    expect(r.code, r.err + r.out).toBe(0);
    // Only the header row is passed over (as layout); the amounts are read in 元 to the fen.
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      rowsImported: 2,
      rowsRejected: 0,
      rowsSkippedLayout: 1,
      initialFen: 420_000_000,
      adjustmentFen: -5_000_050,
      errors: [],
    });
  });

  it('a filled 收支明细 template imports spending and income with no mapping chosen', async () => {
    const dir = tempDir('selfeval-template-');
    const file = join(dir, 'ledger.xlsx');
    await fillTemplate(
      'ledger',
      [
        ['2021-03-05', '记-1', '支付3月办公用品费', '某文具店', 1234.56, '', '30201', '2010301', '', ''],
        ['2021-03-06', '记-2', '收到财政拨款', '某区财政局', '', 500000, '', '', '', ''],
      ],
      file,
    );
    const r = await cli('import', file, '--db', join(dir, 'data.db'), '--year', '2021', '--into', 'ledger', '--json');
    expect(r.code, r.err + r.out).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, rowsImported: 2, rowsRejected: 0, rowsSkippedLayout: 1, errors: [] });
  });
});
