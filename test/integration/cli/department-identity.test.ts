import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { CliSummary } from '../../../shared/budget/schemas.ts';
import { countyBureauYear } from '../../fixtures/year-files/county-bureau.ts';
import { readZipText, wordParagraphs } from '../export/zip-entry.ts';
import { tempPath } from '../temp-db.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const EXAMPLE_TRACES = ['我办', '番禺', '区政府办', '政府办公室'];

function expectOwnIdentity(text: string, where: string): void {
  expect(text, where).toContain('我局');
  for (const trace of EXAMPLE_TRACES) expect(text, `${where} 含有“${trace}”`).not.toContain(trace);
}

describe('a department created from scratch speaks as itself', () => {
  it('a county 财政局 imported with import-year --new-file says 我局 in PDF, Excel, Word and the CLI, and nothing of the example', async () => {
    const doc = tempPath('bureau.json');
    writeFileSync(doc, JSON.stringify(countyBureauYear()));
    const db = tempPath('bureau.db');
    expect((await cli('import-year', '--db', db, '--from', doc, '--new-file')).code).toBe(0);

    const files: Record<string, string> = {};
    for (const format of ['pdf', 'xlsx', 'docx']) {
      files[format] = tempPath(`report.${format}`);
      const r = await cli('report', '--db', db, '--year', '2023', '--format', format, '--out', files[format]!);
      expect(r.code, r.err).toBe(0);
    }
    const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', files.pdf!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expectOwnIdentity(pdf, 'PDF');
    const xlsx = readFileSync(files.xlsx!);
    expectOwnIdentity(await readZipText(xlsx, 'xl/sharedStrings.xml'), 'Excel');
    const docx = wordParagraphs(await readZipText(readFileSync(files.docx!), 'word/document.xml')).join('');
    expectOwnIdentity(docx, 'Word');
    // The new year is not scored yet: its indicators print as 待填 in every format, not as 0 分.
    expect(pdf).toContain('待填');
    expect(await readZipText(xlsx, 'xl/sharedStrings.xml')).toContain('待填');
    expect(docx).toContain('待填');

    const score = await cli('score', '--db', db, '--year', '2023');
    expectOwnIdentity(score.out, 'score 文字输出');
  });
});

describe('summary --json per unit and per project', () => {
  it('lists each unit and each project (with its unit) with budget, spending and rate', async () => {
    const doc = tempPath('bureau.json');
    writeFileSync(doc, JSON.stringify(countyBureauYear()));
    const db = tempPath('bureau.db');
    expect((await cli('import-year', '--db', db, '--from', doc, '--new-file')).code).toBe(0);
    const s = CliSummary.parse(JSON.parse((await cli('summary', '--db', db, '--year', '2023', '--json')).out));
    expect(s.byUnit.map((u) => u.name)).toEqual(['某县财政局（本级）', '某县国库集中支付中心', '某县财政投资评审中心', '某县乡镇财政管理所']);
    expect(s.byUnit.reduce((a, u) => a + u.budgetFen, 0)).toBe(s.budgetFen);
    expect(s.byUnit.reduce((a, u) => a + u.actualFen, 0)).toBe(s.actualFen);
    expect(s.byUnit[2]).toEqual({ name: '某县财政投资评审中心', budgetFen: 82_000_000, actualFen: 83_140_000, executionRate: 101.39 });
    expect(s.byProject).toHaveLength(10);
    expect(s.byProject.reduce((a, p) => a + p.actualFen, 0)).toBe(s.projectFen);
    expect(s.byProject.find((p) => p.name === '政府投资项目评审')).toEqual({
      name: '政府投资项目评审',
      unit: '某县财政投资评审中心',
      budgetFen: 22_000_000,
      actualFen: 22_640_000,
      executionRate: 102.91,
    });
  });
});
