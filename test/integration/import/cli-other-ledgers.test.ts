// `selfeval import` on ledgers of other finance software: a file with no importable row fails
// (exit 1, ok:false, the data file unchanged — no empty batch); a checksum mismatch is printed
// with the rows' year source.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../../electron/cli/commands/import.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { cashBook, nothingImportable, writeOtherLedger } from '../../fixtures/spreadsheets/other-ledgers.ts';
import { importTablesSnapshot } from './import-db.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) }, [importCommand]);
  return { code, out, err };
}

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'selfeval-cli-ledgers-'));
  db = join(dir, 'data.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function snapshot(): string {
  const d = openDatabase(db);
  try {
    return importTablesSnapshot(d);
  } finally {
    d.close();
  }
}

describe('selfeval import, ledgers of other finance software', () => {
  it('fails with exit 1 and ok:false when no row can be imported, writing no batch', async () => {
    const first = writeOtherLedger(join(dir, 'book.xlsx'), cashBook());
    expect((await cli('import', first, '--db', db, '--year', '2021', '--into', 'ledger', '--json')).code).toBe(0);
    const before = snapshot();
    const empty = writeOtherLedger(join(dir, 'empty.csv'), nothingImportable());
    const r = await cli('import', empty, '--db', db, '--year', '2021', '--into', 'ledger', '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { ok: boolean; rowsImported: number; errors: { sheet: string; row: number; message: string }[] };
    expect(out.ok).toBe(false);
    expect(out.rowsImported).toBe(0);
    expect(out.errors.map((e) => [e.row, e.message])).toEqual([
      [4, '日期 2020-12-30 不在导入的 2021 年度内'],
      [5, '日期 2020-12-31 不在导入的 2021 年度内'],
    ]);
    expect(r.err).toContain('没有一行可以导入');
    expect(snapshot()).toBe(before);
  });

  it('prints the year source and every checksum row that does not match', async () => {
    const file = writeOtherLedger(join(dir, 'wrong.xls'), cashBook({ wrongYearTotal: true }));
    const json = await cli('import', file, '--db', db, '--year', '2021', '--into', 'ledger', '--json');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.out) as { ok: boolean; yearSource: string; totalMismatches: { row: number; label: string }[] };
    expect(out).toMatchObject({ ok: true, yearSource: '年份：2021（取自标题“2021年度银行存款日记账”）' });
    expect(out.totalMismatches.map((c) => [c.row, c.label])).toEqual([[13, '本年累计']]);
  });

  it('says the same in text', async () => {
    const file = writeOtherLedger(join(dir, 'wrong.csv'), cashBook({ wrongYearTotal: true }));
    const text = await cli('import', file, '--db', db, '--year', '2021', '--into', 'ledger');
    expect(text.code).toBe(0);
    expect(text.out).toContain('年份：2021（取自标题“2021年度银行存款日记账”）');
    expect(text.out).toContain('借贷方向：借方 = 收入（存入），贷方 = 支出（付出）');
    expect(text.out).toContain('工作表“wrong”第 13 行“本年累计”与导入的各行之和不符：支出文件中为 53,234.76 元，导入的各行合计 53,234.66 元');
  });
});
