import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../../electron/export/docx/render-report-docx.ts';
import { exampleInput } from '../../unit/report/example-input.ts';
import { readZipText, wordParagraphs } from './zip-entry.ts';

let docx: Buffer;
let documentXml: string;

beforeAll(async () => {
  docx = await renderReportDocx(exampleInput);
  mkdirSync(path.resolve('test-output/report'), { recursive: true });
  writeFileSync(path.resolve('test-output/report/example-report.docx'), docx);
  documentXml = await readZipText(docx, 'word/document.xml');
});

describe('report Word document', () => {
  it('uses real heading styles carrying the generated numbers, in section order', () => {
    const headings = [...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map(
      (m) => `${m[1]}:${wordParagraphs(m[0]).join('')}`,
    );
    expect(headings.slice(0, 4)).toEqual(['1:一、基本情况', '2:（一）部门概况', '3:1.部门主要职责', '3:2.机构设置']);
    expect(headings).toContain('1:二、综合评价分析');
    expect(headings).toContain('2:（二）工作任务绩效目标完成情况');
    expect(headings.at(-1)).toBe('1:四、下一步改进措施');
  });

  it('contains the key figures and the signature block', () => {
    const text = wordParagraphs(documentXml).join('\n');
    for (const figure of ['3982.33', '3752.63', '94.23%', '3260.92', '491.71', '94.21 分', '44.21 分', '扣 0.74 分', '0.05 分']) {
      expect(text, figure).toContain(figure);
    }
    expect(text).toContain('单位负责人：张明远');
    expect(text).toContain('2022年3月15日');
  });

  it('repeats table header rows and starts each annex on a new page', () => {
    expect(documentXml.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(documentXml.match(/<w:pageBreakBefore\/>/g)?.length).toBe(3);
  });

  it('sets A4 with the 公文 margins, exact line pitch and — n — page numbers on alternating sides', async () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    const styles = await readZipText(docx, 'word/styles.xml');
    expect(styles).toMatch(/w:line="579" w:lineRule="exact"/);
    const settings = await readZipText(docx, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(['word/footer1.xml', 'word/footer2.xml'].map((f) => readZipText(docx, f)));
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(wordParagraphs(f).join('')).toMatch(/^— .* —$/);
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });
});
