import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_OUTLINES } from '../../../shared/report/shipped-outlines.ts';
import type { Db } from '../../../electron/db/open.ts';
import { projectEvalYear } from '../../../electron/services/project-eval-service.ts';
import { buildProjectEvalGrid, type ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';
import { clearCachedResults, hasSoffice, sofficePdf } from '../export/libreoffice.ts';
import { layoutText, pageCount, pdfText as popplerText } from '../export/poppler.ts';
import { brokenFigures, layoutTokens } from '../project-eval/whole-figures.ts';
import { printScale } from '../../../electron/export/xlsx/print-layout.ts';
import { createClient } from '../../../shared/api/client.ts';
import { buildReportInput } from '../../../electron/services/report-service.ts';
import { buildReportModel } from '../../../shared/report/build-report-model.ts';
import { formatCellText } from '../../../shared/report/table-model.ts';
import { openTestApp, tempPath } from '../temp-db.ts';

async function exampleApp() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  const projects = await api.call('projects.list', { yearId: 1 });
  const projectId = (name: string) => projects.find((p) => p.name === name)!.id;
  return { app, api, projectId };
}

function pdfText(base64: string): string {
  const file = tempPath('r.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('项目绩效指标 annex: 定性 indicators', () => {
  it('prints a graded 定性 indicator with its grade (not 未填报), an ungraded one as 未填报', async () => {
    const { app, api, projectId } = await exampleApp();
    const platform = projectId('城市运行指挥平台运行维护');
    // Nothing else in the example's PDF says 部分完成.
    expect(pdfText((await api.call('report.render', { yearId: 1, format: 'pdf' })).base64)).not.toContain('部分完成');
    const base = { projectId: platform, unit: '', targetValue: null, actualValue: null, direction: 'higher' as const, nature: 'qualitative' as const };
    await api.call('projects.saveIndicator', { ...base, kind: 'satisfaction', name: '使用部门满意度', targetText: '使用部门总体满意', grade: 'partial' });
    await api.call('projects.saveIndicator', { ...base, kind: 'outcome', name: '协同效率', targetText: '跨部门协同效率提升' });
    const model = buildReportModel(buildReportInput(app.db, 1));
    const annex = model.blocks.find((b) => b.kind === 'annex' && b.key === 'project_indicator_table');
    if (annex?.kind !== 'annex') throw new Error('项目绩效指标 annex missing');
    const rows = annex.table.rows.map((r) => r.cells.map(formatCellText).join('|'));
    expect(rows).toContain('满意度指标|使用部门满意度||使用部门总体满意|部分达成年度指标并具有一定效果|—|部分完成');
    expect(rows).toContain('效益指标|协同效率||跨部门协同效率提升|—|—|未填报');
    const text = pdfText((await api.call('report.render', { yearId: 1, format: 'pdf' })).base64);
    expect(text).toContain('部分完成');
    expect(text).toContain('使用部门满意度');
  });
});

const PROJECTS = ['城市运行指挥平台运行维护', '12345热线工单处置保障', '海防管控工作经费'];

async function withProjectEvalAnnex() {
  const ex = await exampleApp();
  const outline = (await ex.api.call('outline.get', { yearId: 1 })).doc;
  await ex.api.call('outline.save', { yearId: 1, doc: { ...outline, annexes: [...outline.annexes, 'project_eval_tables'] } });
  const write = async (format: 'pdf' | 'xlsx' | 'docx') => {
    const f = await ex.api.call('report.render', { yearId: 1, format });
    const file = tempPath(`report.${format}`);
    writeFileSync(file, Buffer.from(f.base64, 'base64'));
    return file;
  };
  return { ...ex, write };
}

function exampleGrids(db: Db): ProjectEvalGrid[] {
  const y = projectEvalYear(db, 1);
  return y.projects.map((p) => buildProjectEvalGrid(p, y.rules, y.year));
}

/** The layout tokens of the pages that carry a 项目支出绩效自评表 (the annexes), and only those. */
function annexTokens(pdf: string): string[] {
  const pages = Array.from({ length: pageCount(pdf) }, (_, i) => i + 1);
  const annexPages = pages.filter((p) => /项目支出绩效自评表[\s\S]*年度资金总额/.test(popplerText(pdf, p)));
  expect(annexPages).toHaveLength(PROJECTS.length);
  return annexPages.flatMap((p) => layoutTokens(pdf, p));
}

describe('项目支出绩效自评表 as annexes of the report', () => {
  it('is off in every shipped outline, so the example prints as before', async () => {
    for (const o of Object.values(SHIPPED_OUTLINES)) expect(o.annexes).not.toContain('project_eval_tables');
    const { app } = await exampleApp();
    const input = buildReportInput(app.db, 1);
    expect(input.projectEvalAnnexes).toBeUndefined();
    expect(buildReportModel(input).blocks.some((b) => b.kind === 'projectEvalAnnex')).toBe(false);
  });

  it('chosen in the outline, each project gets its own numbered annex, listed in the 附件 note', async () => {
    const { app } = await withProjectEvalAnnex();
    const model = buildReportModel(buildReportInput(app.db, 1));
    const annexes = model.blocks.flatMap((b) => (b.kind === 'projectEvalAnnex' ? [[b.label, b.project]] : []));
    expect(annexes).toEqual([
      ['附件5', PROJECTS[0]],
      ['附件6', PROJECTS[1]],
      ['附件7', PROJECTS[2]],
    ]);
    const note = model.blocks.find((b) => b.kind === 'annexNote');
    expect(note?.kind === 'annexNote' && note.items.slice(4)).toEqual(PROJECTS.map((p, i) => `${i + 5}.项目支出绩效自评表（${p}）`));
  });

  it('PDF: each table on its own page after its annex label, with the execution scores and totals', async () => {
    const { write } = await withProjectEvalAnnex();
    const text = layoutText(await write('pdf'));
    for (const s of [
      '附件5',
      '附件7',
      '年度资金总额 300.00 330.00 300.50 10.00 91.06% 9.11',
      '年度资金总额 160.00 200.25 120.66 10.00 60.25% 6.03',
      '年度资金总额 104.08 114.08 70.55 10.00 61.84% 6.18',
      '总分 100.00 99.11',
      '总分 100.00 96.18',
      '≤4小时 2.5小时 56.25 56.25',
    ]) {
      expect(text).toContain(s);
    }
    // The example's own figures stay.
    expect(text.replace(/\s+/g, '')).toContain('94.21分');
  });

  it('PDF: no figure of the tables is split across lines', async () => {
    const { app, write } = await withProjectEvalAnnex();
    expect(brokenFigures(exampleGrids(app.db), annexTokens(await write('pdf')))).toEqual([]);
  });

  it.skipIf(!hasSoffice)('Word printed by LibreOffice splits no figure of the tables across lines (skipped without soffice)', async () => {
    const { app, write } = await withProjectEvalAnnex();
    const file = await write('docx');
    expect(brokenFigures(exampleGrids(app.db), annexTokens(sofficePdf(file)))).toEqual([]);
  });

  it('Excel: a sheet per project with the live formulas of the 项目自评 workbook', async () => {
    const { write } = await withProjectEvalAnnex();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await write('xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('项目自评-'))).toEqual(PROJECTS.map((p) => `项目自评-${p}`));
    expect(names.at(-1)).toBe('支出明细');
    const ws = wb.getWorksheet(`项目自评-${PROJECTS[0]}`)!;
    expect(ws.getCell('I7').value).toMatchObject({ formula: 'IF(E7=0,"",ROUND(MIN(F7/E7,1)*G7,2))', result: 9.11 });
    const totalRow = ws.getColumn(1).values.indexOf('总分');
    expect(ws.getCell(`H${totalRow}`).value).toMatchObject({ result: 99.11 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // Fitted to the page width, the smallest text (10.5 pt) still prints at 9 pt or more.
    const widths = ws.columns.map((c) => c.width ?? 8.43);
    expect(printScale(widths, 'landscape') * 10.5).toBeGreaterThanOrEqual(9);
    expect(ws.headerFooter.oddHeader).toContain('草稿');
    expect(ws.headerFooter.oddHeader).toContain('广州市番禺区人民政府办公室 2021年度');
  });

  it.skipIf(!hasSoffice)('Excel recalculated by LibreOffice prints the same project figures (skipped without soffice)', async () => {
    const { write } = await withProjectEvalAnnex();
    const file = await write('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    // Only the project sheets, with every cached result cleared: a recalculation must bring them back.
    for (const ws of [...wb.worksheets]) if (!ws.name.startsWith('项目自评-')) wb.removeWorksheet(ws.id);
    clearCachedResults(wb);
    const bare = join(dirname(file), 'bare.xlsx');
    await wb.xlsx.writeFile(bare);
    const text = layoutText(sofficePdf(bare));
    for (const s of ['91.06% 9.11', '60.25% 6.03', '61.84% 6.18', '总分 100.00 99.11 评价等次：优', '总分 100.00 96.03 评价等次：优', '总分 100.00 96.18 评价等次：优']) {
      expect(text).toContain(s);
    }
  });

  it('Word: each project’s table after its annex label', async () => {
    const { write } = await withProjectEvalAnnex();
    const xml = execFileSync('unzip', ['-p', await write('docx'), 'word/document.xml'], { encoding: 'utf8' });
    for (const s of ['附件5', '附件7', '项目支出绩效自评表', ...PROJECTS, '91.06%', '9.11', '99.11', '评价等次：优', '96.18']) expect(xml).toContain(s);
  });
});
