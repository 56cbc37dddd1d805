import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawRow } from '../../../shared/import/cell.ts';
import { DEFAULT_LIMITS } from '../../../electron/import/limits.ts';
import { openWorkbook } from '../../../electron/import/open-workbook.ts';
import { writeZip } from '../../fixtures/spreadsheets/zip-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'selfeval-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(bytes: Buffer, name = 'f.xlsx', encoding: 'auto' | 'utf-8' | 'gb18030' = 'auto') {
  const source = await openWorkbook(bytes, name, encoding, { ...DEFAULT_LIMITS, maxColumns: 6 });
  const rows: RawRow[] = [];
  for await (const batch of source.rows(0)) rows.push(...batch);
  return { source, rows };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbook(sheet: string, opts: { sst?: string; styles?: string; date1904?: boolean; prefix?: string } = {}): Buffer {
  const p = opts.prefix ?? '';
  return writeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: '_rels/.rels', data: `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<${p}workbook ${NS} xmlns:r="${REL}"><${p}workbookPr date1904="${opts.date1904 ? 1 : 0}"/><${p}sheets><${p}sheet name="甲" sheetId="1" r:id="rId1"/><${p}sheet name="隐藏" sheetId="2" state="hidden" r:id="rId9"/></${p}sheets></${p}workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    { name: 'xl/sharedStrings.xml', data: opts.sst ?? '<sst/>' },
    {
      name: 'xl/styles.xml',
      data:
        opts.styles ??
        `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
    },
  ]);
}

describe('the .xlsx reader', () => {
  it('reads every cell type the way Excel stores it', async () => {
    const sst = `<sst ${NS}><si><t>摘要</t></si><si><r><t>办公</t></r><r><rPr/><t xml:space="preserve">费 </t></r><rPh><t>バン</t></rPh></si><si><t>第一行_x000D_第二行</t></si></sst>`;
    const sheet = `<?xml version="1.0"?><worksheet ${NS}><sheetData>
      <row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>A &amp; B &lt;1&gt; &#x4E2D;&#25991;</t></is></c></row>
      <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>44260</v></c><c r="C3" s="2"><v>44261.5</v></c><c r="D3" s="3"><v>1234.5600000000001</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#N/A</v></c><c r="H3"><v>99</v></c></row>
      <row r="4"><c r="A4"><f>SUM(B1:B2)</f></c><c r="B4" t="str"><f>A1</f><v>公式文本</v></c><c r="C4"/><!-- comment --><c r="D4" t="s"><v>2</v></c><c r="E4"><v><![CDATA[7]]></v></c></row>
      <row r="5"/>
    </sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    const { source, rows } = await readAll(workbook(sheet, { sst }));
    expect(source.sheets).toEqual([
      { index: 0, name: '甲', hidden: false },
      { index: 1, name: '隐藏', hidden: true },
    ]);
    expect(rows).toEqual([
      { row: 1, cells: ['摘要', 'A & B <1> 中文'], hidden: false },
      {
        row: 3,
        cells: ['办公费 ', { kind: 'date', serial: 44260 }, { kind: 'date', serial: 44261.5 }, Number('1234.5600000000001'), true, { kind: 'error', code: '#N/A' }],
        hidden: false,
      },
      { row: 4, cells: [{ kind: 'error', code: 'NO_CACHE' }, '公式文本', null, '第一行\r第二行', 7], hidden: false },
      { row: 5, cells: [], hidden: false },
    ]);
    expect(source.warnings).toEqual([expect.stringContaining('第 6 列之后的内容超出范围')]);
  });

  it('moves 1904-system dates into the 1900 system and reads prefixed tags', async () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>42798</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const { rows } = await readAll(workbook(sheet, { date1904: true, prefix: '' }));
    expect(rows).toEqual([{ row: 1, cells: [{ kind: 'date', serial: 44260 }], hidden: false }]);
  });

  it('reports hidden rows: hidden="1" or "true", prefixed tags, self-closing rows; not hidden="0" or look-alike names', async () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1" spans="1:1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>
      <x:row r="2" hidden="1" outlineLevel="1"><x:c r="A2"><x:v>2</x:v></x:c></x:row>
      <x:row r="3" customHeight="1" ht="0" hidden='true'/>
      <x:row r="4" hidden="0"><x:c r="A4"><x:v>4</x:v></x:c></x:row>
      <x:row r="5" x14ac:dyDescent="0.25" collapsed="1" unhidden="1"><x:c r="A5"><x:v>5</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const { rows } = await readAll(workbook(sheet));
    expect(rows.map((r) => [r.row, r.hidden])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
  });

  it('refuses entities it does not know, rows out of order and a DOCTYPE', async () => {
    const entity = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    await expect(readAll(workbook(entity))).rejects.toThrow(/内部结构有误.*undefined entity/);
    const order = `<worksheet ${NS}><sheetData><row r="5"/><row r="3"/></sheetData></worksheet>`;
    await expect(readAll(workbook(order))).rejects.toThrow(/行号异常/);
    const doctype = `<!DOCTYPE x [<!ENTITY a "b">]><worksheet ${NS}><sheetData/></worksheet>`;
    await expect(readAll(workbook(doctype))).rejects.toThrow(/DTD/);
  });
});

describe('the text reader', () => {
  it('decodes UTF-16 "Unicode text" from Excel (BOM, tabs)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('日期\t摘要\t金额\r\n2021-01-01\t办公费\t1\r\n', 'utf-16le')]);
    const { source, rows } = await readAll(bytes, 'u.txt');
    expect(source.text).toEqual({ encoding: 'utf-16le', source: 'bom', delimiter: '\t' });
    expect(rows[1]?.cells).toEqual(['2021-01-01', '办公费', '1']);
  });

  it('keeps GB18030 four-byte characters and splits a GBK file on "|" only after decoding', async () => {
    // 𠀀 and 䀀 are four-byte GB18030 sequences; 億 is 0x83 0x7C in GBK: its trail byte is a '|'.
    const text = '户名|摘要|金额\n億𠀀䀀公司|办公费|1\n';
    const { source, rows } = await readAll(iconv.encode(text, 'gb18030'), 'g.csv');
    expect(source.text).toMatchObject({ encoding: 'gb18030', source: 'fallback', delimiter: '|' });
    expect(rows[1]?.cells).toEqual(['億𠀀䀀公司', '办公费', '1']);
  });

  it('uses UTF-8 when it is valid, honours a BOM and lets the user force an encoding', async () => {
    const utf8 = Buffer.from('日期,金额\n2021-01-01,1\n');
    expect((await readAll(utf8, 'a.csv')).source.text?.source).toBe('utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect((await readAll(bom, 'b.csv')).rows[0]?.cells).toEqual(['日期', '金额']);
    const forced = await readAll(iconv.encode('日期,金额\n', 'gbk'), 'c.csv', 'utf-8');
    expect(forced.source.text?.source).toBe('option');
    expect(forced.rows[0]?.cells[0]).not.toBe('日期');
  });

  it('finds an HTML table behind a BOM and a renamed extension', async () => {
    const path = join(dir, 'x.xls');
    writeFileSync(path, `\ufeff<table><tr><td>日期</td><td>金额</td></tr><tr><td>2021-01-01</td><td>1,234.50</td></tr></table>`);
    const { readFileSync } = await import('node:fs');
    const { source, rows } = await readAll(readFileSync(path), 'x.xls');
    expect(source.format).toBe('html');
    expect(rows.map((r) => r.cells)).toEqual([
      ['日期', '金额'],
      ['2021-01-01', '1,234.50'],
    ]);
  });
});
