import { describe, expect, it } from 'vitest';
import { widthInChars } from '../../../shared/report/char-width.ts';
import { buildSignatureBlock, centredOverDate, fieldText, HANDWRITTEN_DATE, signatureAsPlainLines } from '../../../shared/report/signature-block.ts';

const fields = {
  unitHead: '张明远',
  financeHead: '李喆',
  preparer: '陈镕',
  phone: '020-84600000',
  sealingUnit: '广州市番禺区人民政府办公室',
  dateText: '2022年3月15日',
  printNames: false,
};

describe('signature block (GB/T 9704 §7.3.5.1)', () => {
  it('ends the date four characters in and centres the unit name over it', () => {
    const s = buildSignatureBlock(fields);
    expect(s.dateRightChars).toBe(4);
    expect(s.date).toBe('2022年3月15日');
    // The date is 6.5 characters wide (digits are half-width): its centre is 7.25 in from the right;
    // the 13-character unit centred there ends 0.75 in, rounded to half characters.
    expect(widthInChars(s.date)).toBe(6.5);
    expect(s.unitRightChars).toBe(1);
  });

  it('ends a unit name too long to centre at the right margin, never past it', () => {
    expect(centredOverDate(20, 6.5)).toBe(0);
    expect(buildSignatureBlock({ ...fields, sealingUnit: '某某省某某市某某区人民政府办公室机关事务服务中心' }).unitRightChars).toBe(0);
    // A short name sits further in than the date's end.
    expect(centredOverDate(4, 6.5)).toBe(5.5);
  });

  it('leaves the sign lines blank unless the office prints names; the phone is always printed', () => {
    const blank = buildSignatureBlock(fields);
    expect(blank.rows).toEqual([
      [
        { label: '单位负责人', value: null },
        { label: '财务负责人', value: null },
      ],
      [
        { label: '填报人', value: null },
        { label: '联系电话', value: '020-84600000' },
      ],
    ]);
    const named = buildSignatureBlock({ ...fields, printNames: true, financeHead: ' ' });
    expect(named.rows.flat().map(fieldText)).toEqual(['单位负责人：张明远', '财务负责人：______________', '填报人：陈镕', '联系电话：020-84600000']);
  });

  it('keeps each field within half of the 28-character line', () => {
    for (const row of buildSignatureBlock(fields).rows) for (const f of row) expect(widthInChars(fieldText(f))).toBeLessThanOrEqual(14);
  });

  it('prints a date to write by hand when there is none', () => {
    expect(buildSignatureBlock({ ...fields, dateText: '' }).date).toBe(HANDWRITTEN_DATE);
  });

  it('gives plain lines with the right indents as trailing spaces, for spreadsheet cells', () => {
    const lines = signatureAsPlainLines(buildSignatureBlock(fields));
    expect(lines.map((l) => l.align)).toEqual(['left', 'right', 'right', 'left', 'left', 'left']);
    expect(lines[1]!.text).toBe('广州市番禺区人民政府办公室\u3000');
    expect(lines[2]!.text).toBe('2022年3月15日\u3000\u3000\u3000\u3000');
    // The second field starts half a line (14 characters) in.
    expect(widthInChars(lines[4]!.text.slice(0, lines[4]!.text.indexOf('财务')))).toBe(14);
  });
});
