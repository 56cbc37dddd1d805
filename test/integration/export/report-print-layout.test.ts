import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../../electron/export/docx/render-report-docx.ts';
import { mm } from '../../../electron/export/pdf/page-layout.ts';
import { renderReportPdf } from '../../../electron/export/pdf/render-report-pdf.ts';
import { renderReportXlsx } from '../../../electron/export/xlsx/render-report-xlsx.ts';
import type { ReportInput } from '../../../shared/report/input.ts';
import { SHIPPED_OUTLINES } from '../../../shared/report/shipped-outlines.ts';
import { exampleInput } from '../../unit/report/example-input.ts';
import { hasSoffice, sofficePdf } from './libreoffice.ts';
import { pageCount, renderPagePng } from './poppler.ts';
import { readZipText } from './zip-entry.ts';

// The printed geometry GB/T 9704 asks for, measured on the output the way a reader's tools see it:
// poppler's word boxes for positions, pdf.js for the bookmarks, LibreOffice for the Word file.

const OUT = path.resolve('test-output/report/print-layout');
mkdirSync(OUT, { recursive: true });

/** A4 width and the standard's right margin, in points. */
const PAGE_WIDTH = mm(210);
const RIGHT_EDGE = PAGE_WIDTH - mm(26);
const SAN = 16;

interface BoxLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** The text lines of one page with their boxes (pdftotext -bbox-layout), words joined without spaces. */
function boxLines(file: string, page: number): BoxLine[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const lines: BoxLine[] = [];
  for (const m of xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)<\/line>/gs)) {
    const words = [...m[4]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]!);
    lines.push({ text: words.join(''), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) });
  }
  return lines;
}

function allPages(file: string): BoxLine[][] {
  return Array.from({ length: pageCount(file) }, (_, i) => boxLines(file, i + 1));
}

async function pdfFile(name: string, input: ReportInput): Promise<string> {
  const file = path.join(OUT, name);
  writeFileSync(file, await renderReportPdf(input));
  return file;
}

const unsigned: ReportInput = { ...exampleInput, signature: { ...exampleInput.signature, printNames: false } };

describe('signature block in the PDF', () => {
  it('ends the date line four 3号 characters in from the right margin (within 2 mm), the unit centred over it', async () => {
    const file = await pdfFile('signature.pdf', unsigned);
    const pages = allPages(file);
    const at = pages.findIndex((p) => p.some((l) => l.text === '2022年3月15日'));
    expect(at).toBeGreaterThan(0);
    const lines = pages[at]!;
    const date = lines.find((l) => l.text === '2022年3月15日')!;
    expect(Math.abs(date.xMax - (RIGHT_EDGE - 4 * SAN))).toBeLessThanOrEqual(mm(2));
    const unit = lines.find((l) => l.text === '广州市番禺区人民政府办公室' && l.yMin < date.yMin && l.yMin > date.yMin - 40)!;
    expect(unit).toBeDefined();
    // Centred over the date to within half a character.
    expect(Math.abs((unit.xMin + unit.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThanOrEqual(SAN / 2);
    renderPagePng(file, at + 1, path.join(OUT, 'page-signature'));
  });

  it('leaves the sign lines blank unless the office prints names', async () => {
    const blank = allPages(await pdfFile('signature.pdf', unsigned)).flat().map((l) => l.text);
    // The label alone: what follows it is underlined space (page-signature.png shows the rules).
    expect(blank).toContain('单位负责人：');
    expect(blank).toContain('填报人：');
    expect(blank.join()).not.toContain('张明远');
    const named = allPages(await pdfFile('signature-named.pdf', exampleInput)).flat().map((l) => l.text);
    expect(named.join()).toContain('单位负责人：张明远');
    expect(named.join()).toContain('填报人：陈镕');
  });
});

describe('body text on the GB/T 9704 grid', () => {
  it('sets 28 characters on a full body line, 26 after the first-line indent', async () => {
    const text = '绩效管理工作持续深化'.repeat(12);
    const file = await pdfFile('grid.pdf', { ...exampleInput, narratives: { ...exampleInput.narratives, problems: text } });
    const lines = allPages(file)
      .flat()
      .filter((l) => /^(绩效管理工作持续深化|效管理|管理工|理工作|工作持|作持续|持续深|续深化|深化绩|化绩效)/.test(l.text) && /^[绩效管理工作持续深化]+$/.test(l.text));
    expect(lines.map((l) => [...l.text].length)).toEqual([26, 28, 28, 28, 10]);
    // A full line reaches the right margin.
    expect(Math.abs(lines[1]!.xMax - RIGHT_EDGE)).toBeLessThan(1);
  });
});

describe('PDF bookmarks', () => {
  it('has an outline entry for every section and annex, sub-sections nested under their section', async () => {
    const file = await pdfFile('bookmarks.pdf', exampleInput);
    const doc = await getDocument({ data: new Uint8Array(execFileSync('cat', [file])), isEvalSupported: false }).promise;
    type Entry = { title: string; dest: unknown; items: Entry[] };
    const outline = ((await doc.getOutline()) ?? []) as Entry[];
    expect(outline.map((o) => o.title)).toEqual([
      '一、基本情况',
      '二、综合评价分析',
      '三、存在的主要问题',
      '四、下一步改进措施',
      '附件1 部门整体支出绩效自评表',
      '附件2 部门整体预算执行情况表',
      '附件3 重点工作任务绩效指标完成情况表',
    ]);
    expect(outline[0]!.items.map((o) => o.title)).toEqual(['（一）部门概况', '（二）年度总体工作和重点工作任务', '（三）部门整体收支情况', '（四）部门整体绩效管理情况']);
    expect(outline[0]!.items[0]!.items.map((o) => o.title)).toEqual(['1.部门主要职责', '2.机构设置']);
    // Each entry opens the page its heading is on.
    const annex = outline[4]!.dest as unknown[];
    const pageIndex = await doc.getPageIndex(annex[0] as { num: number; gen: number });
    const annexPage = boxLines(file, pageIndex + 1).map((l) => l.text);
    expect(annexPage).toContain('附件1');
    await doc.destroy();
  });
});

describe('signature block in Word and Excel', () => {
  it('Word: the date right-aligned 4 characters (1280 twips) in, the unit centred over it, blanks underlined', async () => {
    const docx = await renderReportDocx(unsigned);
    const xml = await readZipText(docx, 'word/document.xml');
    const para = (text: string) => [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => m[0]).find((p) => p.includes(`>${text}<`))!;
    expect(para('2022年3月15日')).toMatch(/<w:ind w:right="1280"\/><w:jc w:val="right"\/>/);
    // 13 characters centred over a 6.5-character date that ends 4 in: 1 character (320 twips) in.
    expect(para('广州市番禺区人民政府办公室')).toMatch(/<w:ind w:right="320"\/><w:jc w:val="right"\/>/);
    const sign = para('单位负责人：');
    expect(sign).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>).)*>\u3000{7}</s);
    expect(xml).not.toContain('张明远');
  });

  it('Word through LibreOffice: the date line ends four 3号 characters in from the right margin, within 2 mm', async (ctx) => {
    if (!hasSoffice) {
      console.log('跳过：未安装 LibreOffice（soffice），无法把 Word 文件排成 PDF 测量');
      ctx.skip();
    }
    const dir = path.join(OUT, 'word');
    mkdirSync(dir, { recursive: true });
    const docxFile = path.join(dir, 'signature.docx');
    writeFileSync(docxFile, await renderReportDocx(unsigned));
    const pdf = sofficePdf(docxFile);
    const pages = allPages(pdf);
    const at = pages.findIndex((p) => p.some((l) => l.text === '2022年3月15日'));
    expect(at).toBeGreaterThan(0);
    const date = pages[at]!.find((l) => l.text === '2022年3月15日')!;
    expect(Math.abs(date.xMax - (RIGHT_EDGE - 4 * SAN))).toBeLessThanOrEqual(mm(2));
    renderPagePng(pdf, at + 1, path.join(OUT, 'word-page-signature'));
  }, 240_000);

  it('Excel: the same lines, the date right-aligned with four characters of space after it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(unsigned)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('报告正文')!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => {
      cells.push(row.getCell(1));
    });
    const date = cells.find((c) => String(c.value).startsWith('2022年3月15日'))!;
    expect(date.value).toBe('2022年3月15日\u3000\u3000\u3000\u3000');
    expect(date.alignment?.horizontal).toBe('right');
    const unit = cells[cells.indexOf(date) - 1]!;
    expect(unit.value).toBe('广州市番禺区人民政府办公室\u3000');
    expect(unit.alignment?.horizontal).toBe('right');
    const sign = cells.findIndex((c) => String(c.value).startsWith('单位负责人：'));
    expect(sign).toBeGreaterThan(cells.indexOf(date));
    expect(String(cells[sign]!.value)).toMatch(/^单位负责人：_{14}\u3000+财务负责人：_{14}$/);
  });
});

describe('tables typeset like the body', () => {
  it('never breaks a short unit such as 项（次）, and no cell line starts with closing or ends with opening punctuation', async () => {
    const workAreas = exampleInput.workAreas.map((a) => ({
      ...a,
      tasks: a.tasks.map((t) => ({ ...t, measures: t.measures.map((m) => ({ ...m, unit: '项（次）' })) })),
    }));
    const units = workAreas.flatMap((a) => a.tasks.flatMap((t) => t.measures)).length;
    const file = await pdfFile('units.pdf', { ...exampleInput, workAreas });
    const pages = allPages(file);
    const at = pages.findIndex((p) => p.some((l) => l.text === '附件3'));
    const lines = pages.slice(at).flat();
    expect(lines.filter((l) => l.text.includes('项（次）')).length).toBeGreaterThanOrEqual(units);
    for (const l of pages.flat()) {
      expect(l.text, l.text).not.toMatch(/^[）》」』】〕〉”’，。、；：？！]|[（《「『【〔〈“‘]$/);
    }
    renderPagePng(file, at + 1, path.join(OUT, 'page-units-table'));
  });

  it('keeps a table in the text with its title, header and first two rows, wherever the page breaks fall', async () => {
    // The Hunan outline prints the budget table in the text. Extra one-line duties move it down a
    // line at a time, so its title meets the bottom of a page at least once.
    const outline = SHIPPED_OUTLINES.hunan;
    for (let n = 0; n < 22; n++) {
      const input: ReportInput = {
        ...exampleInput,
        outline,
        profile: { ...exampleInput.profile, duties: [...exampleInput.profile.duties, ...Array.from({ length: n }, (_, i) => `补充职责${i + 1}。`)] },
      };
      const file = await pdfFile('inline-table.pdf', input);
      const pages = allPages(file).map((p) => p.map((l) => l.text));
      const at = pages.findIndex((p) => p.includes('部门整体预算执行情况表'));
      expect(at, `n=${n}`).toBeGreaterThanOrEqual(0);
      const page = pages[at]!.join('\n');
      for (const s of ['年初预算数', '合计', '一、按支出类型']) expect(page, `n=${n}: ${s}`).toContain(s);
    }
  }, 240_000);
});
