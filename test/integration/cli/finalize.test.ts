import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { writeMessyLedgerXlsx } from '../../fixtures/spreadsheets/ledger-workbooks.ts';
import { pageCount, pdfText } from '../export/poppler.ts';
import { readZipText, wordParagraphs } from '../export/zip-entry.ts';
import { fingerprint, tempPath } from '../temp-db.ts';

// The signed report's life cycle through the CLI: a draft year's exports say 草稿 on every page;
// `finalize` stores the PDF, Excel and Word originals with their SHA-256 and locks the year (refused
// while a 强制 finding is open); `originals` and `report` then hand out exactly those bytes; `reopen`
// needs a reason and is logged.

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const DEPT = '广州市番禺区人民政府办公室';

async function exampleFile(): Promise<string> {
  const db = tempPath('data.db');
  const r = await cli('demo', '--db', db);
  expect(r.code, r.err).toBe(0);
  return db;
}

async function exportReport(db: string, format: string): Promise<Buffer> {
  const out = tempPath(`report.${format}`);
  const r = await cli('report', '--db', db, '--year', '2021', '--format', format, '--out', out);
  expect(r.code, r.err).toBe(0);
  return readFileSync(out);
}

describe('selfeval finalize, originals, reopen', () => {
  it('marks every page of a draft year 草稿: PDF text, Word header, Excel page header', async () => {
    const db = await exampleFile();
    const pdf = tempPath('draft.pdf');
    expect((await cli('report', '--db', db, '--year', '2021', '--format', 'pdf', '--out', pdf)).code).toBe(0);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(5);
    for (let p = 1; p <= pages; p++) expect(pdfText(pdf, p), `第 ${p} 页`).toContain('草稿');

    const docx = await exportReport(db, 'docx');
    const documentXml = await readZipText(docx, 'word/document.xml');
    const headerRefs = [...documentXml.matchAll(/<w:headerReference w:type="(\w+)"/g)].map((m) => m[1]);
    expect(headerRefs.sort()).toEqual(['default', 'even']);
    for (const n of [1, 2]) expect(wordParagraphs(await readZipText(docx, `word/header${n}.xml`)).join('')).toContain('草稿');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportReport(db, 'xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(3);
    for (const ws of wb.worksheets) expect(ws.headerFooter.oddHeader, ws.name).toContain('草稿');
  });

  it('refuses to finalize while a 强制 finding is open, naming it; the example year as loaded finalizes', async () => {
    const db = await exampleFile();
    const d = openDatabase(db);
    // A payment dated in the previous year: the 强制 check period.outside-year fires.
    const txnId = d
      .prepare(
        `INSERT INTO ledger_txn (year_id, unit_id, txn_date, funding_source, category, func_code, econ_code, direction, amount_fen)
         SELECT 1, id, '2020-12-31', 'general_budget', 'public', '2010301', '30201', 'out', 5000 FROM unit ORDER BY id LIMIT 1`,
      )
      .run().lastInsertRowid;
    d.close();

    const refused = await cli('finalize', '--db', db, '--year', '2021', '--json');
    expect(refused.code).toBe(1);
    const payload = JSON.parse(refused.out) as { ok: boolean; error: { code: string; details: { message: string }[] } };
    expect(payload.ok).toBe(false);
    expect(payload.error.code).toBe('VALIDATION');
    expect(payload.error.details.map((x) => x.message)).toContainEqual(expect.stringContaining('［强制］'));
    expect(refused.err).toContain('有 1 项强制审核错误未解决');
    expect(refused.err).toContain('不属于 2021 年度');
    const after = openDatabase(db);
    expect(after.prepare("SELECT status FROM fiscal_year WHERE year = 2021").get()).toEqual({ status: 'draft' });
    expect(after.prepare('SELECT count(*) AS n FROM report_snapshot').get()).toEqual({ n: 0 });
    after.prepare('DELETE FROM ledger_txn WHERE id = ?').run(txnId);
    after.close();

    const ok = await cli('finalize', '--db', db, '--year', '2021', '--json');
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, files: [{ format: 'pdf' }, { format: 'xlsx' }, { format: 'docx' }] });
  });

  it('refuses to finalize while a section of the outline is unwritten, listing each as a 强制 finding', async () => {
    const db = await exampleFile();
    const d = openDatabase(db);
    d.prepare("UPDATE report_section SET body = '' WHERE section_key IN ('problems', 'improvements')").run();
    d.close();
    const refused = await cli('finalize', '--db', db, '--year', '2021', '--json');
    expect(refused.code).toBe(1);
    const payload = JSON.parse(refused.out) as { ok: boolean; error: { details: { path?: string; message: string }[] } };
    const unwritten = payload.error.details.filter((x) => x.path === 'checks.report.unwritten').map((x) => x.message);
    expect(unwritten).toEqual([
      '［强制］报告正文尚未填写：报告“存在的主要问题”尚未填写。请在“报告”页填写这一部分后再定稿。',
      '［强制］报告正文尚未填写：报告“下一步改进措施”尚未填写。请在“报告”页填写这一部分后再定稿。',
    ]);
    // Named once, not also counted among the other 强制 errors.
    expect(refused.err).not.toContain('强制审核错误未解决');
  });

  it('hands out the stored originals byte for byte, locks the year against imports, and reopens only with a logged reason', async () => {
    const db = await exampleFile();
    const draftPdf = await exportReport(db, 'pdf');

    const fin = await cli('finalize', '--db', db, '--year', '2021', '--json');
    expect(fin.code, fin.err).toBe(0);
    const { files } = JSON.parse(fin.out) as { ok: true; files: { format: string; sha256: string; bytes: number }[] };
    expect(files.map((f) => f.format)).toEqual(['pdf', 'xlsx', 'docx']);

    const dir = join(tempPath('x'), '..', 'originals');
    const orig = await cli('originals', '--db', db, '--year', '2021', '--out', dir);
    expect(orig.code, orig.err).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['docx', 'pdf', 'xlsx'].map((f) => `${DEPT}2021年度部门整体支出绩效自评报告（定稿）.${f}`));
    for (const f of files) {
      const bytes = readFileSync(join(dir, `${DEPT}2021年度部门整体支出绩效自评报告（定稿）.${f.format}`));
      expect(bytes.length).toBe(f.bytes);
      expect(sha256(bytes)).toBe(f.sha256);
      // `report` of a finalized year is the stored original, not a new rendering.
      expect(sha256(await exportReport(db, f.format))).toBe(f.sha256);
    }
    const finalPdf = join(dir, `${DEPT}2021年度部门整体支出绩效自评报告（定稿）.pdf`);
    expect(pdfText(finalPdf)).not.toContain('草稿');
    expect(pageCount(finalPdf)).toBeGreaterThan(5);
    expect(sha256(draftPdf)).not.toBe(files[0]!.sha256);

    // While final, an import into the year is refused and writes nothing.
    const before = openDatabase(db);
    const print = fingerprint(before);
    before.close();
    const xlsx = await writeMessyLedgerXlsx(tempPath('ledger.xlsx'));
    const imp = await cli('import', xlsx, '--db', db, '--year', '2021', '--into', 'ledger', '--json');
    expect(imp.code).toBe(1);
    expect(JSON.parse(imp.out)).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(imp.err).toContain('2021 年度报告已定稿，数据已锁定');
    const unchanged = openDatabase(db);
    expect(fingerprint(unchanged)).toBe(print);
    unchanged.close();

    // Reopening needs a reason; it is logged, and exports are drafts again.
    expect((await cli('reopen', '--db', db, '--year', '2021')).code).toBe(2);
    const reopened = await cli('reopen', '--db', db, '--year', '2021', '--reason', '财政局要求补充说明', '--json');
    expect(reopened.code, reopened.err).toBe(0);
    const log = openDatabase(db);
    const audit = log.prepare("SELECT after_json FROM audit_log WHERE entity = 'fiscal_year' AND action = 'reopen'").all() as { after_json: string }[];
    expect(audit.map((a) => JSON.parse(a.after_json))).toEqual([{ reason: '财政局要求补充说明' }]);
    log.close();
    const again = tempPath('again.pdf');
    expect((await cli('report', '--db', db, '--year', '2021', '--format', 'pdf', '--out', again)).code).toBe(0);
    expect(pdfText(again, 1)).toContain('草稿');
    const none = await cli('originals', '--db', db, '--year', '2021', '--out', dir);
    expect(none.code).toBe(1);
    expect(none.err).toContain('尚未定稿');
  });
});
