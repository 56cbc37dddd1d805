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

describe('report Word document on a PC without the 公文 fonts', () => {
  const FALLBACK: Record<string, string> = {
    仿宋_GB2312: '仿宋',
    楷体_GB2312: '楷体',
    方正小标宋简体: '宋体',
    黑体: 'SimHei',
    仿宋: 'FangSong',
    楷体: 'KaiTi',
    宋体: 'SimSun',
  };

  it("gives each Chinese face the styles and the text name a fallback a stock Windows or 信创 PC has", async () => {
    const fontTable = await readZipText(docx, 'word/fontTable.xml');
    const entries = new Map(
      [...fontTable.matchAll(/<w:font w:name="([^"]+)">(.*?)<\/w:font>/gs)].map((m) => [m[1]!, m[2]!] as const),
    );
    const styles = await readZipText(docx, 'word/styles.xml');
    const footer = await readZipText(docx, 'word/footer1.xml');
    const named = new Set(
      [...`${styles}${documentXml}${footer}`.matchAll(/w:(?:ascii|eastAsia|hAnsi|cs)="([^"]+)"/g)].map((m) => m[1]!).filter((f) => /[\u4e00-\u9fff]/.test(f)),
    );
    expect([...named].sort()).toEqual(['仿宋_GB2312', '宋体', '方正小标宋简体', '楷体_GB2312', '黑体'].sort());
    for (const face of named) {
      const entry = entries.get(face);
      expect(entry, face).toBeDefined();
      expect(entry, face).toContain(`<w:altName w:val="${FALLBACK[face]}"/>`);
      expect(entry, face).toMatch(/<w:panose1 w:val="[0-9A-F]{20}"\/><w:charset w:val="86"\/><w:family w:val="\w+"\/>/);
    }
    // The fallbacks themselves resolve to the English names Kylin/UOS font packages register.
    for (const alt of ['仿宋', '楷体', '宋体']) expect(entries.get(alt), alt).toContain(`<w:altName w:val="${FALLBACK[alt]}"/>`);
    expect(entries.get('华文中宋')).toContain('<w:altName w:val="STZhongsong"/>');
  });

  it('has heading styles with outline levels for the navigation pane', async () => {
    const styles = await readZipText(docx, 'word/styles.xml');
    for (const level of [1, 2, 3, 4]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">.*?</w:style>`, 's').exec(styles)?.[0] ?? '';
      expect(style, `Heading${level}`).toContain(`<w:name w:val="heading ${level}"/>`);
      expect(style, `Heading${level}`).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
  });

  it('sets a 22-line grid and condenses 三号 text to 28 characters a line', async () => {
    const grid = /<w:sectPr>.*<w:docGrid ([^>]*)\/>.*<\/w:sectPr>/s.exec(documentXml)?.[1] ?? '';
    const pitch = Number(/w:linePitch="(\d+)"/.exec(grid)?.[1]);
    expect(grid).toContain('w:type="lines"');
    // A4 297 mm − 37 mm − 35 mm = 225 mm of text height, 22 lines.
    expect(Math.floor(((225 / 25.4) * 1440) / pitch)).toBe(22);
    const styles = await readZipText(docx, 'word/styles.xml');
    const condense = Number(/<w:rPrDefault><w:rPr>.*?<w:spacing w:val="(-?\d+)"\/>/s.exec(styles)?.[1]);
    const textWidth = 11906 - 1588 - 1474;
    expect(Math.floor(textWidth / (320 + condense))).toBe(28);
    // Table text and the title stay off the grid, so a table row is not a 28.95 pt grid line.
    expect(styles).toMatch(/w:styleId="TableText">.*?<w:snapToGrid w:val="0"\/>/s);
    expect(documentXml).toContain('<w:pStyle w:val="TableText"/>');
  });
});
