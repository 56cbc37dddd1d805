import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { departmentTotals } from '../../../electron/db/repositories/execution-repo.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { tempPath } from '../temp-db.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

function stripVolatile(json: string): unknown {
  const doc = JSON.parse(json) as { exportedAt?: string };
  delete doc.exportedAt;
  return doc;
}

/** Each table's rows without their ids and references, sorted: the content, independent of numbering. */
function contentOf(json: string): Record<string, string[]> {
  const doc = JSON.parse(json) as { tables: Record<string, Array<Record<string, unknown>>> };
  const out: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(doc.tables)) {
    out[table] = rows
      .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id' && !k.endsWith('_id')))))
      .sort();
  }
  return out;
}

describe('selfeval CLI: demo, export-year, import-year', () => {
  it('round-trips a whole year losslessly', async () => {
    const a = tempPath('a.db');
    expect((await cli('demo', '--db', a)).code).toBe(0);
    const docA = tempPath('a.json');
    expect((await cli('export-year', '--db', a, '--year', '2021', '--out', docA)).code).toBe(0);

    const b = tempPath('b.db');
    const imported = await cli('import-year', '--db', b, '--from', docA, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toEqual({ ok: true, yearId: 1 });
    const docB = tempPath('b.json');
    expect((await cli('export-year', '--db', b, '--year', '2021', '--out', docB)).code).toBe(0);

    expect(contentOf(readFileSync(docB, 'utf8'))).toEqual(contentOf(readFileSync(docA, 'utf8')));
    // A second round trip from B reproduces B exactly, ids included.
    const c = tempPath('c.db');
    expect((await cli('import-year', '--db', c, '--from', docB)).code).toBe(0);
    const docC = tempPath('c.json');
    expect((await cli('export-year', '--db', c, '--year', '2021', '--out', docC)).code).toBe(0);
    expect(stripVolatile(readFileSync(docC, 'utf8'))).toEqual(stripVolatile(readFileSync(docB, 'utf8')));
    const db = openDatabase(b);
    expect(departmentTotals(db, 1).actualFen).toBe(3_752_630_000);
    db.close();
  });

  it('refuses to import a year that already exists, and a file that is not a year document', async () => {
    const a = tempPath('a.db');
    await cli('demo', '--db', a);
    const doc = tempPath('y.json');
    await cli('export-year', '--db', a, '--year', '2021', '--out', doc);
    const again = await cli('import-year', '--db', a, '--from', doc, '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.out)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(again.err).toContain('2021 年度已存在');

    const notDoc = await cli('import-year', '--db', a, '--from', 'package.json');
    expect(notDoc.code).toBe(1);
    expect(notDoc.err).toContain('格式不正确');
  });

  it('explains usage errors in Chinese', async () => {
    const r = await cli('export-year', '--db', tempPath());
    expect(r.code).toBe(2);
    expect(r.err).toContain('缺少参数 --out');
    expect((await cli('no-such-command')).code).toBe(2);
  });
});
