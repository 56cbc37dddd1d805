import { describe, expect, it } from 'vitest';
import { SheetXmlParser } from '../../../electron/import/xlsx/sheet-xml-parser.ts';
import { dateCell, errorCell, type RawRow } from '../../../shared/import/cell.ts';

// The sheet arrives in inflated chunks of any size, and the scanner reads the common
// <c><v>…</v></c> whole when it can: every split point must give the same rows as the general path.

const STRINGS = ['日期', '摘要', '办公费'];
const SHEET = [
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
  '<row r="2" spans="1:6"><c r="A2" s="1"><v>44197</v></c><c r="B2" t="s"><v>2</v></c><c r="C2"><v>1234.5</v></c>',
  '<c r="D2" t="str"><f>A1&amp;B1</f><v>a&amp;b</v></c><c r="E2"><f>1/0</f></c><c r="F2" t="b"><v>1</v></c></row>',
  '<row r="4" hidden="1"><c r="A4" t="inlineStr"><is><t>内联 &lt;文字&gt;</t><rPh><t>ヨミ</t></rPh></is></c>',
  '<c r="C4" t="e"><v>#N/A</v></c><c r="D4"/><c r="E4"><v><![CDATA[7]]></v></c></row>',
  '<x:row r="5"><x:c r="B5" s="1"><x:v>44198</x:v></x:c><c r="C5" ><v>-0.01</v ></c><!-- note --><c r="D5" t="s"><v>1</v></c></x:row>',
  '<row r="6"><c s="0"><v>5</v></c><c r="7"><v>9</v></c><c t="s"><v>0</v></c><c r="B6"\ts="1"><v>2</v></c><c r="C6" s="x1"><v>3</v></c></row>',
  '</sheetData></worksheet>',
].join('');

const EXPECTED: RawRow[] = [
  { row: 1, cells: ['日期', '摘要'], hidden: false },
  { row: 2, cells: [dateCell(44197), '办公费', 1234.5, 'a&b', errorCell('NO_CACHE'), true], hidden: false },
  { row: 4, cells: ['内联 <文字>', null, errorCell('#N/A'), null, 7], hidden: true },
  { row: 5, cells: [null, dateCell(44198), -0.01, '摘要'], hidden: false },
  // No column letters: the cell is dropped and the next cell without a reference follows it.
  { row: 6, cells: ['日期', dateCell(2), 3], hidden: false },
];

function parse(chunks: string[]): RawRow[] {
  const parser = new SheetXmlParser({
    fileName: 'a.xlsx',
    strings: STRINGS,
    dateStyles: Uint8Array.of(0, 1),
    date1904: false,
    maxColumns: 16,
    sheetName: 'Sheet1',
  });
  const rows: RawRow[] = [];
  for (const c of chunks) {
    parser.write(c);
    rows.push(...parser.ready);
    parser.ready = [];
  }
  parser.end();
  return rows;
}

describe('the sheet scanner', () => {
  it('reads values, formulas, inline and rich text, errors, prefixes and hidden rows the same at every chunk boundary', () => {
    expect(parse([SHEET])).toEqual(EXPECTED);
    for (let i = 1; i < SHEET.length; i++) expect(parse([SHEET.slice(0, i), SHEET.slice(i)])).toEqual(EXPECTED);
  });
});
