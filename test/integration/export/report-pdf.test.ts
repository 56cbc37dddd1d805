import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../electron/export/pdf/render-report-pdf.ts';
import { buildReportModel } from '../../../shared/report/build-report-model.ts';
import type { ReportInput } from '../../../shared/report/input.ts';
import { exampleInput } from '../../unit/report/example-input.ts';
import { normalizeWhitespace, pageCount, pdfFonts, pdfText, renderPagePng } from './poppler.ts';

// The example report as a real PDF, read back with poppler. Page images of the first page, a table
// page and the signature page are kept in test-output/report/ for a person to look at.

const OUT = path.resolve('test-output/report');
const FILE = path.join(OUT, 'example-report.pdf');
let pdf: Buffer;
let pages: string[];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  pdf = await renderReportPdf(exampleInput);
  writeFileSync(FILE, pdf);
  pages = Array.from({ length: pageCount(FILE) }, (_, i) => normalizeWhitespace(pdfText(FILE, i + 1)));
});

describe('report PDF', () => {
  it('contains the key figures of the example', () => {
    const all = normalizeWhitespace(pdfText(FILE));
    for (const figure of ['3982.33', '3752.63', '94.23%', '3260.92', '491.71', '94.21 分', '44.21 分', '扣 0.74 分', '0.05 分']) {
      expect(all, figure).toContain(figure);
    }
  });

  it('prints the sections in order with generated numbering', () => {
    const all = normalizeWhitespace(pdfText(FILE)).replace(/ /g, '');
    const order = [
      '一、基本情况',
      '（一）部门概况',
      '1.部门主要职责',
      '2.机构设置',
      '（二）年度总体工作和重点工作任务',
      '（三）部门整体收支情况',
      '（四）部门整体绩效管理情况',
      '二、综合评价分析',
      '（一）部门整体支出绩效自评综述',
      '（二）工作任务绩效目标完成情况',
      '三、存在的主要问题',
      '四、下一步改进措施',
      '单位负责人：',
      '附件1',
      '部门整体支出绩效自评表',
      '附件2',
      '部门整体预算执行情况表',
    ];
    let at = -1;
    for (const s of order) {
      const i = all.indexOf(s, at + 1);
      expect(i, `${s} 应出现在 ${order[order.indexOf(s) - 1] ?? '开头'} 之后`).toBeGreaterThan(at);
      at = i;
    }
  });

  it('embeds every font as a subset, including the fallback for characters Fandol lacks', () => {
    const fonts = pdfFonts(FILE);
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
    }
    // 陈镕 and 李喆 are outside GB2312: they must come out of Noto Serif SC, not as boxes.
    expect(fonts.some((f) => f.name.endsWith('+NotoSerifSC-Regular'))).toBe(true);
    expect(pages.join(' ')).toContain('陈镕');
  });

  it('puts the signature block on a page together with body text, dated 2022年3月15日', () => {
    const sigPage = pages.findIndex((p) => p.includes('单位负责人：'));
    expect(sigPage).toBeGreaterThan(0);
    const text = pages[sigPage]!.replace(/ /g, '');
    expect(text).toContain('2022年3月15日');
    // Body text ends on the same page, before the annex note.
    expect(text.slice(0, text.indexOf('附件：'))).toMatch(/。/);
  });

  it('numbers pages as — n — and keeps page images for review', () => {
    expect(pages[1]!.replace(/ /g, '')).toContain('—2—');
    const sigPage = pages.findIndex((p) => p.includes('单位负责人：')) + 1;
    const tablePage = pages.findIndex((p) => p.includes('附件2')) + 1;
    for (const [page, name] of [
      [1, 'page-first'],
      [tablePage, 'page-table'],
      [sigPage, 'page-signature'],
    ] as const) {
      renderPagePng(FILE, page, path.join(OUT, name));
    }
  });

  it('gives the same bytes for the same input and different bytes for another report date', async () => {
    const again = await renderReportPdf(exampleInput);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(again)).toBe(sha(pdf));
    const other = await renderReportPdf({ ...exampleInput, signature: { ...exampleInput.signature, reportDate: '2022-03-16' } });
    expect(sha(other)).not.toBe(sha(pdf));
  });

  it('never lets the signature block open a page by itself, whatever the length of the text before it', async () => {
    // Extra one-line items push the end of the body across the page boundary (1–4 move the last
    // item and the signature together; 17 lands the block on a new page).
    for (const n of [1, 3, 17]) {
      const extra = Array.from({ length: n }, (_, i) => `补充第${i + 1}条：持续跟踪整改落实情况。`).join('\n');
      const input = {
        ...exampleInput,
        narratives: { ...exampleInput.narratives, improvements: `${exampleInput.narratives.improvements}\n${extra}` },
      };
      const file = path.join(OUT, `keep-together-${n}.pdf`);
      writeFileSync(file, await renderReportPdf(input));
      const count = pageCount(file);
      const sig = Array.from({ length: count }, (_, i) => normalizeWhitespace(pdfText(file, i + 1)).replace(/ /g, '')).find((t) =>
        t.includes('单位负责人：'),
      );
      expect(sig, `n=${n}`).toBeDefined();
      expect(sig!.slice(0, sig!.indexOf('附件：')), `n=${n}`).toMatch(/补充第\d+条/);
    }
  });

  it('never ends a page with a heading, wherever the page breaks fall', async () => {
    // Extra one-line duties push everything after them down a line at a time; over 22 lines (one
    // page of the 22-line grid) every later heading meets the bottom of a page at least once.
    const compact = (s: string) => s.replace(/\s+/g, '');
    for (let n = 0; n < 22; n++) {
      const input: ReportInput = {
        ...exampleInput,
        profile: { ...exampleInput.profile, duties: [...exampleInput.profile.duties, ...Array.from({ length: n }, (_, i) => `补充职责${i + 1}。`)] },
      };
      const headings = new Set(
        buildReportModel(input)
          .blocks.flatMap((b) => (b.kind === 'heading' ? [compact(`${b.number}${b.text}`)] : [])),
      );
      const file = path.join(OUT, 'heading-keep.pdf');
      writeFileSync(file, await renderReportPdf(input));
      const count = pageCount(file);
      for (let page = 1; page < count; page++) {
        const lines = pdfText(file, page)
          .split('\n')
          .map(compact)
          .filter((l) => l !== '' && !/^—\d+—$/.test(l));
        expect(headings.has(lines.at(-1)!), `n=${n} page ${page} ends with “${lines.at(-1)}”`).toBe(false);
      }
    }
  });

  it('stays well under 3 MB', () => {
    expect(pdf.length).toBeLessThan(3 * 1024 * 1024);
  });
});
