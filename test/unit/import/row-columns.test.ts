import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from '../../../electron/import/row-columns.ts';

// Rows cross from the parsing worker column by column, repeated text as distinct values and
// indexes: whatever the mix, the main thread must get back exactly the rows the worker sent.

describe('rows as columns', () => {
  it('round-trips repeated and unique text, numbers, booleans and missing values', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      sheet: '流水',
      direction: i % 3 === 0 ? 'in' : 'out',
      serialNo: `SN${i}`,
      amountFen: i * 101,
      hidden: i % 7 === 0,
      // Text, then a value that is not text: sent as it is.
      note: i === 500 ? null : 'x',
      // 300 distinct values: too many for a dictionary.
      code: `C${i % 300}`,
    }));
    const sent = toColumns(rows);
    const byKey = Object.fromEntries(sent.keys.map((k, i) => [k, sent.columns[i]]));
    expect(byKey.sheet).toMatchObject({ values: ['流水'] });
    expect(byKey.direction).toMatchObject({ values: ['in', 'out'] });
    expect(Array.isArray(byKey.serialNo)).toBe(true);
    expect(Array.isArray(byKey.note)).toBe(true);
    expect(Array.isArray(byKey.code)).toBe(true);
    expect(fromColumns(structuredClone(sent))).toEqual(rows);
  });

  it('sends an empty block as nothing', () => {
    expect(fromColumns(toColumns([]))).toEqual([]);
  });
});
