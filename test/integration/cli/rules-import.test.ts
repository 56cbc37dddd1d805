import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { tempPath } from '../temp-db.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

// A bank statement as 网银 exports it: no codes, no category — only 摘要 and 对方户名 say what a row is.
async function bankStatement(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('交易明细');
  ws.addRow(['交易日期', '摘要', '对方户名', '支出金额', '收入金额', '余额']);
  ws.addRow(['2023-01-10', '发放1月工资', '本单位职工', 123456.78, null, 500000]);
  ws.addRow(['2023-01-12', '购买办公用品', '某某文具店', 560.5, null, 499439.5]);
  ws.addRow(['2023-02-10', '发放2月工资', '本单位职工', 120000.01, null, 379439.49]);
  ws.addRow(['2023-02-15', '信息系统运维服务费', '某某科技有限公司', 3000, null, 376439.49]);
  ws.addRow(['2023-02-20', '财政拨款', '区财政局', null, 800000, 1176439.49]);
  await wb.xlsx.writeFile(file);
}

const WAGES_FEN = 12_345_678 + 12_000_001;
const OTHER_SPENDING_FEN = 56_050 + 300_000;

describe('classification rules', () => {
  it('puts exactly the wage rows under 30101 and reports the other spending as unclassified', async () => {
    const db = tempPath('rules.db');
    const xlsx = tempPath('bank.xlsx');
    await bankStatement(xlsx);
    const rulesFile = tempPath('rules.json');
    writeFileSync(rulesFile, JSON.stringify({ rules: [{ when: { field: 'summary', contains: '工资' }, set: { econCode: '30101' } }] }));

    const imported = await cli('rules', 'import', '--db', db, '--from', rulesFile);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('导入分类规则 1 条');

    const r = await cli('import', xlsx, '--db', db, '--year', '2023', '--into', 'ledger', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { rowsImported: number; rowsClassifiedByRule: number; rowsUnclassified: number; outflowFen: number };
    expect(j.rowsImported).toBe(5);
    expect(j.rowsClassifiedByRule).toBe(2);
    expect(j.rowsUnclassified).toBe(2);
    expect(j.outflowFen).toBe(WAGES_FEN + OTHER_SPENDING_FEN);

    const s = await cli('summary', '--db', db, '--year', '2023', '--json');
    expect(s.code, s.err).toBe(0);
    const summary = JSON.parse(s.out) as {
      actualFen: number;
      basicFen: number;
      unclassifiedFen: number;
      byEconClass: Array<{ econClass: string; actualFen: number }>;
      byCategory: Array<{ category: string; actualFen: number }>;
    };
    expect(summary.byEconClass.find((c) => c.econClass === '301')?.actualFen).toBe(WAGES_FEN);
    expect(summary.byEconClass.filter((c) => c.econClass !== '' && c.econClass !== '301')).toEqual([]);
    expect(summary.unclassifiedFen).toBe(OTHER_SPENDING_FEN);
    expect(summary.actualFen).toBe(WAGES_FEN + OTHER_SPENDING_FEN);
    // Wages are 人员经费; nothing silently became 公用经费.
    expect(summary.byCategory.find((c) => c.category === 'personnel')?.actualFen).toBe(WAGES_FEN);
    expect(summary.byCategory.find((c) => c.category === 'public')).toBeUndefined();
    expect(summary.byCategory.find((c) => c.category === 'unclassified')?.actualFen).toBe(OTHER_SPENDING_FEN);
    expect(summary.basicFen).toBe(WAGES_FEN);

    // 审核 lists the unclassified rows (强制), pointing at 支出明细 filtered to them.
    const check = await cli('check', '--db', db, '--year', '2023', '--json');
    const findings = (JSON.parse(check.out) as { findings: Array<{ checkId: string; message: string; jump: unknown }> }).findings;
    const unclassified = findings.filter((f) => f.checkId === 'ledger.unclassified');
    expect(unclassified).toHaveLength(1);
    expect(unclassified[0]?.message).toContain('2 笔支出（合计 3,560.50 元）尚未分类');
    expect(unclassified[0]?.jump).toMatchObject({ kind: 'page', page: 'transactions', filter: { category: 'unclassified' } });

    const out = tempPath('rules-out.json');
    const exported = await cli('rules', 'export', '--db', db, '--out', out);
    expect(exported.code, exported.err).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ rules: [{ when: { field: 'summary', contains: '工资' }, set: { econCode: '30101' } }] });
  });

  it('refuses a bad rules file naming the bad field, and keeps the saved rules', async () => {
    const db = tempPath('rules-bad.db');
    const good = tempPath('good.json');
    writeFileSync(
      good,
      JSON.stringify({
        rules: [
          { when: { field: 'summary', contains: '工资' }, set: { econCode: '30101' } },
          { when: { field: 'counterparty', equals: '某某科技有限公司' }, set: { project: '信息化建设', funcCode: '2010350' } },
        ],
      }),
    );
    expect((await cli('rules', 'import', '--db', db, '--from', good)).code).toBe(0);

    const bad = tempPath('bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ rules: [{ when: { field: 'summary', contains: '房租' }, set: { econCode: '30214' } }, { when: { field: '用途', contains: 'x' }, set: { econCode: '302A1' } }] }),
    );
    const r = await cli('rules', 'import', '--db', db, '--from', bad);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('第 2 条规则（rules.1.when.field）');
    expect(r.err).toContain('第 2 条规则（rules.1.set.econCode）：经济分类编码（set.econCode）只能是数字');
    expect(r.err).toContain('未导入任何规则');

    const notJson = tempPath('not.json');
    writeFileSync(notJson, '{"rules": [');
    const r2 = await cli('rules', 'import', '--db', db, '--from', notJson);
    expect(r2.code).not.toBe(0);
    expect(r2.err).toContain('不是有效的 JSON');

    const out = tempPath('kept.json');
    expect((await cli('rules', 'export', '--db', db, '--out', out)).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { rules: unknown[] }).rules).toHaveLength(2);
  });

  it('leaves the example year classified as before: its ledger rows come with codes, none is 未分类', async () => {
    const db = tempPath('example.db');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const s = JSON.parse((await cli('summary', '--db', db, '--year', '2021', '--json')).out) as {
      budgetFen: number;
      actualFen: number;
      executionRate: number;
      unclassifiedFen: number;
      byCategory: Array<{ category: string }>;
    };
    expect([s.budgetFen, s.actualFen, s.executionRate, s.unclassifiedFen]).toEqual([39_823_300_00, 37_526_300_00, 94.23, 0]);
    expect(s.byCategory.map((c) => c.category)).not.toContain('unclassified');
    const check = JSON.parse((await cli('check', '--db', db, '--year', '2021', '--json')).out) as { findings: Array<{ checkId: string }> };
    expect(check.findings.filter((f) => f.checkId === 'ledger.unclassified')).toEqual([]);
  });
});
