import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportDocx, renderReportPdf, renderReportXlsx } from '../../../electron/export/index.ts';
import type { CheckExplanation, ReportInput } from '../../../shared/report/input.ts';
import { DEFAULT_OUTLINE } from '../../../shared/report/shipped-outlines.ts';
import { exampleInput } from '../../unit/report/example-input.ts';
import { normalizeWhitespace, pdfText } from './poppler.ts';
import { readZipText, wordParagraphs } from './zip-entry.ts';

// #16.4 in the three formats: the 审核提示说明 annex only when the office chooses it, in 万元, each
// explanation once, defaults named as defaults; the 自评表's basis column in the office's words
// and a complete 合计.

const OUT = path.resolve('test-output/report');
const EXPLANATION = '人员经费按月发放，项目资金按合同节点集中在下半年和年底支付。';
const quarters: CheckExplanation[] = [
  ['1', '8,586,700.10', '9,955,825.00', '1,369,124.90'],
  ['2', '17,422,475.97', '19,911,650.00', '2,489,174.03'],
  ['3', '25,877,220.52', '29,867,475.00', '3,990,254.48'],
  ['4', '37,526,300.00', '39,823,300.00', '2,297,000.00'],
].map(([q, amount, target, gap]) => ({
  checkId: 'execution.progress',
  checkTitle: '支出进度低于季度目标',
  subject: `第 ${q} 季度末累计支出 ${amount} 元（执行率 21.56%），低于均衡进度 25.00%（${target} 元，系统默认值，本年度未设定季度进度目标），差 ${gap} 元。`,
  explanation: EXPLANATION,
}));

const withExplanations = (annex: boolean): ReportInput => ({
  ...exampleInput,
  checkExplanations: quarters,
  outline: { ...DEFAULT_OUTLINE, annexes: annex ? [...DEFAULT_OUTLINE.annexes, 'check_explanation_table'] : DEFAULT_OUTLINE.annexes },
});

interface Texts {
  pdf: string;
  docx: string;
  xlsx: string;
  sheets: string[];
}

async function texts(input: ReportInput, name: string): Promise<Texts> {
  mkdirSync(OUT, { recursive: true });
  const pdfFile = path.join(OUT, `${name}.pdf`);
  writeFileSync(pdfFile, await renderReportPdf(input));
  const docx = await renderReportDocx(input);
  writeFileSync(path.join(OUT, `${name}.docx`), docx);
  const xlsx = await renderReportXlsx(input);
  writeFileSync(path.join(OUT, `${name}.xlsx`), xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const cells: string[] = [];
  // A merged cell's other parts hold no text of their own.
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => c.type !== ExcelJS.ValueType.Merge && cells.push(String(c.text)))));
  return {
    pdf: normalizeWhitespace(pdfText(pdfFile)).replace(/ /g, ''),
    docx: wordParagraphs(await readZipText(docx, 'word/document.xml')).join('\n'),
    xlsx: cells.join('\n'),
    sheets: wb.worksheets.map((ws) => ws.name),
  };
}

const count = (hay: string, needle: string) => hay.split(needle).length - 1;

let chosen: Texts;
let notChosen: Texts;
beforeAll(async () => {
  chosen = await texts(withExplanations(true), 'annex-explanations-chosen');
  notChosen = await texts(withExplanations(false), 'annex-explanations-not-chosen');
});

describe('审核提示说明 annex in PDF, Word and Excel', () => {
  it('is left out unless the office chooses it', () => {
    for (const format of ['pdf', 'docx', 'xlsx'] as const) expect(notChosen[format], format).not.toContain('审核提示说明');
    expect(notChosen.sheets).not.toContain('审核提示说明');
    expect(chosen.sheets).toContain('审核提示说明');
  });

  it('prints each explanation once, amounts in 万元, the default pace named as a default', () => {
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      const t = chosen[format];
      // The PDF's text comes out row line by row line across the table's columns: fragments are checked.
      expect(count(t, '人员经费按月发放'), format).toBe(1);
      expect(t, format).toMatch(/858\.67 ?万/);
      expect(t, format).toContain('系统默');
      if (format !== 'pdf') expect(t, format).toContain('系统默认值，本年度未设定季度进度目标');
      // No amount in 元 is left anywhere in the annex.
      const annex = t.slice(t.lastIndexOf('审核提示说明'));
      expect(annex, format).not.toMatch(/\d ?元/);
    }
  });
});

describe('自评表 in PDF, Word and Excel', () => {
  it('shows no form text as a basis and a complete 合计 row', () => {
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      const t = chosen[format];
      expect(t, format).not.toContain('目标值：—');
      expect(t, format).not.toContain('完成值：是');
      // The office's own basis is there, and a rule-made deduction reason is printed once.
      expect(count(t, '全年未发现违规使用资金情况'), format).toBe(1);
      expect(count(t.replace(/\s/g, ''), '预算执行率为94.23%，未达到100%'), format).toBe(1);
    }
  });
});
