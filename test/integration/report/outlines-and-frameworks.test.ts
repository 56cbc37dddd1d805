import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { buildReportInput } from '../../../electron/services/report-service.ts';
import { renderReportPdf } from '../../../electron/export/index.ts';
import { buildReportModel } from '../../../shared/report/build-report-model.ts';
import { SHIPPED_OUTLINE_IDS, SHIPPED_OUTLINES, DEFAULT_OUTLINE } from '../../../shared/report/shipped-outlines.ts';
import { fingerprint, openTestApp, type TestApp, tempPath } from '../temp-db.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

async function call<M extends MethodName>(app: TestApp, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const res = await app.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.data as MethodOutput<M>;
}

/** A data file with the example year and the year after it (created the way the app does). */
async function exampleWithNextYear(opts: Partial<MethodInput<'years.create'>> = {}): Promise<{ file: string; year: number; next: number }> {
  const file = tempPath('a.db');
  expect((await cli('demo', '--db', file, '--new-file')).code).toBe(0);
  const app = openTestApp(file);
  const [example] = (await call(app, 'setup.state', {})).years;
  const next = example!.year + 1;
  await call(app, 'years.create', { year: next, ...opts });
  app.db.close();
  return { file, year: example!.year, next };
}

describe('outline and framework files: CLI round trip through the dispatcher', () => {
  for (const kind of ['outline', 'framework'] as const) {
    it(`${kind}: export → import into another year → export gives the same JSON`, async () => {
      const { file, year, next } = await exampleWithNextYear({ outline: 'hunan', framework: 'three_level' });
      const first = tempPath(`${kind}-a.json`);
      expect((await cli(kind, 'export', '--db', file, '--year', String(year), '--out', first)).code).toBe(0);
      const imported = await cli(kind, 'import', '--db', file, '--year', String(next), '--from', first);
      expect(imported.err).toBe('');
      expect(imported.code).toBe(0);
      const second = tempPath(`${kind}-b.json`);
      expect((await cli(kind, 'export', '--db', file, '--year', String(next), '--out', second)).code).toBe(0);
      expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    });
  }

  it('refuses a bad outline file with a Chinese message naming the field, and writes nothing', async () => {
    const { file, next } = await exampleWithNextYear();
    const bad = JSON.parse(JSON.stringify({ format: 'selfeval-outline', formatVersion: 1, ...SHIPPED_OUTLINES.mof })) as {
      sections: Array<{ heading: string; content: Array<Record<string, string>> }>;
      annexes: string[];
    };
    bad.sections[1]!.content[0] = { key: 'no_such_piece' };
    bad.annexes.push('score_table', 'score_table');
    const path = tempPath('bad-outline.json');
    writeFileSync(path, JSON.stringify(bad));
    const db = openDatabase(file);
    const before = fingerprint(db);
    db.close();

    const r = await cli('outline', 'import', '--db', file, '--year', String(next), '--from', path);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`sections 第 2 节（${bad.sections[1]!.heading}） › content 第 1 项 › key：未知的内容键`);
    const notJson = tempPath('not.json');
    writeFileSync(notJson, '{ "format": ');
    const r2 = await cli('outline', 'import', '--db', file, '--year', String(next), '--from', notJson);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('文件不是有效的 JSON');

    const after = openDatabase(file);
    expect(fingerprint(after)).toBe(before);
    after.close();
  });

  it('refuses the duplicate annex and names it', async () => {
    const { file, next } = await exampleWithNextYear();
    const doc = { format: 'selfeval-outline', formatVersion: 1, ...SHIPPED_OUTLINES.guangdong, annexes: ['budget_table', 'budget_table'] };
    const path = tempPath('dup.json');
    writeFileSync(path, JSON.stringify(doc));
    const r = await cli('outline', 'import', '--db', file, '--year', String(next), '--from', path);
    expect(r.code).toBe(1);
    expect(r.err).toContain('annexes 第 2 项：附件“表：预算执行情况表”重复');
  });

  it('refuses a framework whose blocks do not add up to its total, naming the blocks, and writes nothing', async () => {
    const { file, year, next } = await exampleWithNextYear();
    const good = tempPath('fw.json');
    await cli('framework', 'export', '--db', file, '--year', String(year), '--out', good);
    const doc = JSON.parse(readFileSync(good, 'utf8')) as { total: number; indicators: Array<{ name: string; weight: number }> };
    doc.total += 1;
    const bad = tempPath('fw-bad.json');
    writeFileSync(bad, JSON.stringify(doc));
    const db = openDatabase(file);
    const before = fingerprint(db);
    db.close();
    const r = await cli('framework', 'import', '--db', file, '--year', String(next), '--from', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('与指标体系总分');
    for (const block of doc.indicators) expect(r.err).toContain(block.name);
    const after = openDatabase(file);
    expect(fingerprint(after)).toBe(before);
    after.close();
  });
});

describe('a year’s outline in the app', () => {
  it('a data file without a stored outline prints with the Guangdong outline, byte for byte as when it is stored', async () => {
    const { file, year } = await exampleWithNextYear();
    const app = openTestApp(file);
    const yearId = (await call(app, 'setup.state', {})).years.find((y) => y.year === year)!.id;
    const current = await call(app, 'outline.get', { yearId });
    expect(current.stored).toBe(false);
    expect(current.doc).toEqual(DEFAULT_OUTLINE);
    const implicit = await renderReportPdf(buildReportInput(app.db, yearId));
    await call(app, 'outline.reset', { yearId, shippedId: 'guangdong' });
    expect((await call(app, 'outline.get', { yearId })).stored).toBe(true);
    const stored = await renderReportPdf(buildReportInput(app.db, yearId));
    expect(stored.equals(implicit)).toBe(true);
    app.db.close();
  });

  it('every shipped outline prints its own sections in order, and its annexes', async () => {
    const { file, year } = await exampleWithNextYear();
    const app = openTestApp(file);
    const yearId = (await call(app, 'setup.state', {})).years.find((y) => y.year === year)!.id;
    for (const id of SHIPPED_OUTLINE_IDS) {
      await call(app, 'outline.reset', { yearId, shippedId: id });
      const model = buildReportModel(buildReportInput(app.db, yearId));
      const top = model.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
      expect(top, id).toEqual(SHIPPED_OUTLINES[id].sections.map((s) => s.heading));
      expect(model.title.endsWith(SHIPPED_OUTLINES[id].titleSuffix)).toBe(true);
      const annexes = model.blocks.filter((b) => b.kind === 'annex');
      expect(annexes.every((a) => SHIPPED_OUTLINES[id].annexes.includes(a.key))).toBe(true);
      const inline = model.blocks.flatMap((b) => (b.kind === 'table' ? [b.key] : []));
      const placed = JSON.stringify(SHIPPED_OUTLINES[id].sections);
      for (const key of inline) expect(placed).toContain(`"${key}"`);
    }
    app.db.close();
  });

  it('edits, copies from another year, refuses a bad edit, and undoes', async () => {
    const { file, year, next } = await exampleWithNextYear();
    const app = openTestApp(file);
    const years = (await call(app, 'setup.state', {})).years;
    const a = years.find((y) => y.year === year)!.id;
    const b = years.find((y) => y.year === next)!.id;
    const doc = structuredClone(SHIPPED_OUTLINES.guangdong);
    doc.sections.push({ heading: '其他说明', content: [{ text: '本年度无其他说明。' }] });
    doc.sections[0]!.heading = '部门基本情况';
    await call(app, 'outline.save', { yearId: a, doc });
    const model = buildReportModel(buildReportInput(app.db, a));
    const texts = model.blocks.flatMap((x) => (x.kind === 'heading' ? [x.text] : x.kind === 'paragraph' ? [x.text] : []));
    expect(texts).toContain('部门基本情况');
    expect(texts).toContain('其他说明');
    expect(texts).toContain('本年度无其他说明。');

    await call(app, 'outline.copyFromYear', { yearId: b, fromYearId: a });
    expect((await call(app, 'outline.get', { yearId: b })).doc).toEqual((await call(app, 'outline.get', { yearId: a })).doc);

    const bad = await app.dispatch('outline.save', { yearId: b, doc: { ...doc, sections: [] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('sections');

    const history = await call(app, 'audit.history', { yearId: b, entity: 'report_outline', entityId: String(b), limit: 10 });
    await call(app, 'audit.undo', { auditId: history[0]!.id });
    expect((await call(app, 'outline.get', { yearId: b })).stored).toBe(false);
    app.db.close();
  });

  it('a year file exported before outlines existed imports with the default outline', async () => {
    const { file, year } = await exampleWithNextYear();
    const docPath = tempPath('year.json');
    expect((await cli('export-year', '--db', file, '--year', String(year), '--out', docPath)).code).toBe(0);
    const yearDoc = JSON.parse(readFileSync(docPath, 'utf8')) as { tables: Record<string, unknown> };
    delete yearDoc.tables.report_outline;
    writeFileSync(docPath, JSON.stringify(yearDoc));
    const other = tempPath('b.db');
    expect((await cli('import-year', '--db', other, '--from', docPath, '--new-file')).code).toBe(0);
    const app = openTestApp(other);
    const yearId = (await call(app, 'setup.state', {})).years[0]!.id;
    const got = await call(app, 'outline.get', { yearId });
    expect(got.stored).toBe(false);
    expect(got.doc).toEqual(DEFAULT_OUTLINE);
    app.db.close();
  });

  it('a new year takes the chosen framework and outline, or else the previous year’s', async () => {
    const { file, next } = await exampleWithNextYear({ framework: 'mof', outline: 'hunan' });
    const app = openTestApp(file);
    const nextId = (await call(app, 'setup.state', {})).years.find((y) => y.year === next)!.id;
    expect((await call(app, 'outline.get', { yearId: nextId })).doc.name).toBe(SHIPPED_OUTLINES.hunan.name);
    const shipped = await call(app, 'framework.shipped', {});
    const mof = shipped.find((f) => f.id === 'mof')!.doc;
    const sheet = await call(app, 'score.sheet', { yearId: nextId });
    expect(sheet.frameworkName).toBe(mof.name);
    expect(sheet.scoreColumns).toEqual(mof.columns);
    // The MOF-style table prints 得分系数 and 核心指标.
    const input = buildReportInput(app.db, nextId);
    const table = buildReportModel(input).blocks.find((b) => b.kind === 'table' && b.key === 'score_table');
    expect(table?.kind === 'table' && table.table.columns.map((c) => c.header)).toEqual(expect.arrayContaining(['得分系数', '核心指标']));
    // Only the default framework has a block that is not self-scored.
    expect(sheet.rows.every((r) => r.selfScored)).toBe(true);

    await call(app, 'years.create', { year: next + 1 });
    const third = (await call(app, 'setup.state', {})).years.find((y) => y.year === next + 1)!.id;
    expect((await call(app, 'outline.get', { yearId: third })).doc.name).toBe(SHIPPED_OUTLINES.hunan.name);
    expect((await call(app, 'score.sheet', { yearId: third })).frameworkName).toBe(mof.name);
    app.db.close();
  });
});
