import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { listCodeNames } from '../../../electron/db/repositories/code-name-repo.ts';
import { CheckRun } from '../../../shared/checks/schemas.ts';
import type { CodeEntry, CodeImportResult } from '../../../shared/codes/code-names.ts';
import { countyBureauYear } from '../../fixtures/year-files/county-bureau.ts';
import { fingerprint, openTestApp, type TestApp, tempPath } from '../temp-db.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

async function xlsx(rows: unknown[][], sheet = '科目表'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let app: TestApp | null = null;
afterEach(() => {
  app?.db.close();
  app = null;
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await app!.dispatch(method, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

async function callError(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const r = await app!.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

const entry = (list: CodeEntry[], kind: string, code: string) => list.find((e) => e.kind === kind && e.code === code);

describe('科目代码: the office\'s own code list', () => {
  it('imports code and name columns from a generated .xlsx under a title, skipping 会计科目, and lists each code with its source', async () => {
    app = openTestApp();
    const bytes = await xlsx([
      ['2023年度本单位科目表'],
      [],
      ['科目编码', '科目名称', '备注'],
      ['1001', '库存现金', ''],
      ['2010601', '行政运行', ''],
      [2350101, '应急管理行政运行', '数字单元格'],
      ['30299', '其他商品和服务支出', ''],
      ['30201', '办公费（本单位）', ''],
      ['50501', '', '无名称'],
    ]);
    const r = await call<CodeImportResult>('codes.import', { fileName: '科目表.xlsx', base64: bytes.toString('base64') });
    expect(r).toMatchObject({ sheet: '科目表', added: 4, updated: 0, skippedCount: 2 });
    expect(r.skipped.map((s) => s.message)).toEqual([
      '第 4 行的编码 1001 不是支出功能分类或经济分类编码，已跳过',
      '第 9 行的编码 50501 没有名称，已跳过',
    ]);
    const list = await call<CodeEntry[]>('codes.list', {});
    expect(entry(list, 'func', '2010601')).toEqual({ kind: 'func', code: '2010601', name: '行政运行', source: 'imported', shippedName: null });
    expect(entry(list, 'func', '2350101')?.source).toBe('imported');
    // The office's own name replaces the shipped one; the shipped name stays visible beside it.
    expect(entry(list, 'econ', '30201')).toEqual({ kind: 'econ', code: '30201', name: '办公费（本单位）', source: 'imported', shippedName: '办公费' });
    expect(entry(list, 'econ', '30101')?.source).toBe('shipped');
  });

  it('reads a GBK .csv whose one column holds "code name" cells', async () => {
    app = openTestApp();
    const csv = iconv.encode('科目\r\n2080505 机关事业单位基本养老保险缴费支出\r\n2101101 行政单位医疗\r\n30113 住房公积金\r\n', 'gbk');
    const r = await call<CodeImportResult>('codes.import', { fileName: '科目.csv', base64: csv.toString('base64') });
    expect(r).toMatchObject({ added: 3, skippedCount: 0 });
    const list = await call<CodeEntry[]>('codes.list', {});
    expect(entry(list, 'func', '2080505')).toMatchObject({ name: '机关事业单位基本养老保险缴费支出', source: 'imported' });
    expect(entry(list, 'func', '2101101')).toMatchObject({ name: '行政单位医疗', source: 'imported' });
  });

  it('refuses a file without codes in Chinese, naming the file, and writes nothing', async () => {
    app = openTestApp();
    const before = fingerprint(app.db);
    const bytes = await xlsx([['摘要', '金额'], ['办公用品', 100]]);
    const e = await callError('codes.import', { fileName: '流水.xlsx', base64: bytes.toString('base64') });
    expect(e.code).toBe('IMPORT');
    expect(e.message).toContain('文件“流水.xlsx”中没有找到可导入的科目');
    expect(e.message).toContain('未导入任何科目');
    expect(fingerprint(app.db)).toBe(before);
  });

  it('a name typed on the page wins over an import; an import replaces a learned name', async () => {
    app = openTestApp();
    await call('codes.setName', { kind: 'econ', code: '39901', name: '本单位自定义款' });
    app.db.prepare("INSERT INTO code_name (kind, code, name, source) VALUES ('func', '2010601', '旧名称', 'learned')").run();
    const bytes = await xlsx([['编码', '名称'], ['39901', '导入的名称'], ['2010601', '行政运行']]);
    const r = await call<CodeImportResult>('codes.import', { fileName: 'a.xlsx', base64: bytes.toString('base64') });
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect(listCodeNames(app.db)).toEqual([
      { kind: 'econ', code: '39901', name: '本单位自定义款', source: 'manual' },
      { kind: 'func', code: '2010601', name: '行政运行', source: 'imported' },
    ]);
    const bad = await callError('codes.setName', { kind: 'econ', code: '2010601', name: 'x' });
    expect(bad.message).toContain('经济分类编码应为 3、5 位数字');
  });
});

describe('科目代码 from the office\'s data, through the command line', () => {
  it('learns names from an imported budget, never over an imported one, prompts once per unnamed code, and round-trips export → import', async () => {
    const doc = tempPath('bureau.json');
    writeFileSync(doc, JSON.stringify(countyBureauYear()));
    const db = tempPath('bureau.db');
    expect((await cli('import-year', '--db', db, '--from', doc, '--new-file')).code).toBe(0);

    // An own code list first: 2010602 is named there, and the budget below names it differently.
    const list = tempPath('科目表.xlsx');
    writeFileSync(list, await xlsx([['科目代码', '科目名称'], ['2010602', '一般行政管理事务（科目表）']]));
    const imp = await cli('codes', 'import', '--db', db, '--from', list, '--json');
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out)).toMatchObject({ ok: true, added: 1 });

    const csv = tempPath('指标.csv');
    writeFileSync(
      csv,
      '功能分类科目,经济分类科目,支出类型,年初预算数,调整数,全年预算数\n' +
        '2010699 其他财政事务支出,30201 办公费,公用经费,50000,0,50000\n' +
        '2010602 一般行政管理事务,30211 差旅费,公用经费,10000,0,10000\n' +
        '2010698,30299 其他商品和服务支出,公用经费,1000,0,1000\n' +
        '2010698,30299 其他商品和服务支出,公用经费,2000,0,2000\n',
    );
    expect((await cli('import', csv, '--db', db, '--year', '2023', '--into', 'budget', '--json')).code).toBe(0);

    const out = tempPath('导出.csv');
    expect((await cli('codes', 'export', '--db', db, '--out', out)).code).toBe(0);
    const exported = readFileSync(out, 'utf8');
    expect(exported).toContain('支出功能分类,2010699,其他财政事务支出,从导入数据识别');
    expect(exported).toContain('支出功能分类,2010602,一般行政管理事务（科目表）,导入的科目表');

    const check = await cli('check', '--db', db, '--year', '2023', '--json');
    const run = CheckRun.parse(JSON.parse(check.out));
    const codes = run.findings.filter((f) => f.checkId.startsWith('codes.') && /2010(602|698|699)/.test(f.subjectKey));
    // 2010699 and 2010602 are named by the office; 2010698 is not: one 提示 for its two lines.
    expect(codes.map((f) => [f.checkId, f.subjectKey, f.severity])).toEqual([['codes.unlisted', 'func:2010698', 'advisory']]);
    expect(codes[0]!.message).toContain('涉及 2 条记录');
    expect(codes[0]!.jump).toEqual({ kind: 'page', page: 'codes', filter: { funcCode: '2010698' } });
    expect(run.findings.filter((f) => f.severity === 'mandatory' && f.checkId.startsWith('codes.'))).toEqual([]);

    // The export imports into another data file as that office's own list.
    const other = tempPath('other.db');
    expect((await cli('import-year', '--db', other, '--from', doc, '--new-file')).code).toBe(0);
    const back = await cli('codes', 'import', '--db', other, '--from', out, '--json');
    expect(JSON.parse(back.out)).toMatchObject({ ok: true, skippedCount: 0 });
    const xlsxOut = tempPath('导出.xlsx');
    expect((await cli('codes', 'export', '--db', other, '--out', xlsxOut)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsxOut) as unknown as ArrayBuffer);
    const codesColumn = wb.worksheets[0]!.getColumn(2).values.slice(2);
    expect(codesColumn).toEqual(expect.arrayContaining(['2010699', '2010602']));
  });
});

describe('科目代码 learned from an imported ledger', () => {
  it('reads "2350101 应急管理专项" cells of a generated .xlsx ledger into learned names, never over the office\'s own, and stops calling those codes unknown', async () => {
    const doc = tempPath('bureau.json');
    writeFileSync(doc, JSON.stringify(countyBureauYear()));
    const db = tempPath('bureau.db');
    expect((await cli('import-year', '--db', db, '--from', doc, '--new-file')).code).toBe(0);
    const list = tempPath('科目表.xlsx');
    writeFileSync(list, await xlsx([['科目编码', '科目名称'], ['39902', '自定义款（科目表）']]));
    expect((await cli('codes', 'import', '--db', db, '--from', list)).code).toBe(0);

    // A finance-system 明细账 export: classification cells carry the code and its name together.
    const ledger = tempPath('2023年度支出明细账.xlsx');
    writeFileSync(
      ledger,
      await xlsx(
        [
          ['2023年度支出明细账'],
          ['日期', '凭证号', '摘要', '功能分类', '经济分类', '借方金额', '贷方金额'],
          ['2023-03-05', '记-1', '购办公用品', '2350101 应急管理专项', '39901 本单位自定义款', 1000, null],
          ['2023-03-06', '记-2', '专项支出', '2350101-另一个名称', '39901', 200, null],
          ['2023-03-07', '记-3', '维修', '2010698', '[39902]账上的名称', 300, null],
          ['2023-03-08', '记-4', '会计科目不是分类', '2010601 行政运行', '1001 库存现金', 50, null],
        ],
        '明细账',
      ),
    );
    const imp = await cli('import', ledger, '--db', db, '--year', '2023', '--into', 'ledger', '--json');
    expect(imp.code, imp.err).toBe(0);
    expect(JSON.parse(imp.out)).toMatchObject({ ok: true, rowsImported: 4 });

    const named = (kind: string, code: string) => {
      const codeDb = openTestApp(db);
      try {
        return listCodeNames(codeDb.db).find((n) => n.kind === kind && n.code === code) ?? null;
      } finally {
        codeDb.db.close();
      }
    };
    // The first name a file gives a code is kept; the rows themselves keep only the code.
    expect(named('func', '2350101')).toEqual({ kind: 'func', code: '2350101', name: '应急管理专项', source: 'learned' });
    expect(named('econ', '39901')).toEqual({ kind: 'econ', code: '39901', name: '本单位自定义款', source: 'learned' });
    // An imported 科目表 name is never replaced by a learned one; a 会计科目 is not a classification.
    expect(named('econ', '39902')).toMatchObject({ name: '自定义款（科目表）', source: 'imported' });
    expect(named('econ', '1001')).toBeNull();

    const run = CheckRun.parse(JSON.parse((await cli('check', '--db', db, '--year', '2023', '--json')).out));
    const codes = run.findings.filter((f) => f.checkId.startsWith('codes.'));
    // 235 is not a 类 the shipped list has: named by the office's own books, it is not even a 提示.
    expect(codes.filter((f) => /2350101|39901|39902/.test(f.subjectKey))).toEqual([]);
    expect(codes.filter((f) => f.subjectKey === 'func:2010698').map((f) => f.severity)).toEqual(['advisory']);
    expect(codes.filter((f) => f.severity === 'mandatory').map((f) => f.subjectKey)).toEqual(['ledger:econ:1001']);
  });
});

describe('科目代码 carried in year files', () => {
  it('export-year writes the office\'s names and import-year restores them, never over a name typed in the target file', async () => {
    const doc = tempPath('bureau.json');
    writeFileSync(doc, JSON.stringify(countyBureauYear()));
    const db = tempPath('bureau.db');
    expect((await cli('import-year', '--db', db, '--from', doc, '--new-file')).code).toBe(0);
    const list = tempPath('科目表.xlsx');
    writeFileSync(list, await xlsx([['科目编码', '科目名称'], ['2350101', '应急管理专项（科目表）'], ['39901', '自定义款（科目表）']]));
    expect((await cli('codes', 'import', '--db', db, '--from', list)).code).toBe(0);
    app = openTestApp(db);
    await call('codes.setName', { kind: 'econ', code: '39902', name: '手填的款' });
    // A name only an imported ledger gave (the rows keep only the code): nothing else could restore it.
    app.db.prepare("INSERT INTO code_name (kind, code, name, source) VALUES ('func', '2350102', '账上学到的', 'learned')").run();
    const before = listCodeNames(app.db);
    // Learned before learning checked a code's shape: left out, so the file still imports.
    app.db.prepare("INSERT INTO code_name (kind, code, name, source) VALUES ('econ', '98801', '旧数据学到的', 'learned')").run();
    app.db.close();
    app = null;

    const file = tempPath('2023.json');
    expect((await cli('export-year', '--db', db, '--year', '2023', '--out', file)).code).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { version: number; codeNames: unknown[] };
    expect(written.version).toBe(1);
    expect(written.codeNames).toEqual(before);

    // Into a new data file: the same names with the same sources.
    const other = tempPath('other.db');
    expect((await cli('import-year', '--db', other, '--from', file, '--new-file')).code).toBe(0);
    app = openTestApp(other);
    expect(listCodeNames(app.db)).toEqual(before);
    app.db.close();

    // Into a file where the office has since typed its own name for one of them: that name stays.
    const third = tempPath('third.db');
    app = openTestApp(third);
    await call('codes.setName', { kind: 'func', code: '2350101', name: '本地手填名称' });
    app.db.close();
    app = null;
    const r = await cli('import-year', '--db', third, '--from', file);
    expect(r.code, r.err).toBe(0);
    app = openTestApp(third);
    const restored = listCodeNames(app.db);
    expect(restored.find((n) => n.code === '2350101')).toEqual({ kind: 'func', code: '2350101', name: '本地手填名称', source: 'manual' });
    expect(restored.find((n) => n.code === '2350102')).toEqual({ kind: 'func', code: '2350102', name: '账上学到的', source: 'learned' });
    expect(restored.find((n) => n.code === '39901')).toMatchObject({ name: '自定义款（科目表）', source: 'imported' });
  });

  it('refuses a year file with a bad code name in Chinese, naming the entry, and writes nothing', async () => {
    const doc = { ...(countyBureauYear() as Record<string, unknown>), codeNames: [{ kind: 'econ', code: '2010601', name: '错放的功能分类', source: 'imported' }] };
    const file = tempPath('bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const db = tempPath('bad.db');
    const r = await cli('import-year', '--db', db, '--from', file, '--new-file');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('科目名称（codeNames）第 1 项：经济分类编码应为 3、5 位数字');
    expect(existsSync(db)).toBe(false);
  });
});
