import { describe, expect, it } from 'vitest';
import { safeUploadName } from '../../../shared/import/upload-name.ts';

const nameOf = (n: string) => {
  const r = safeUploadName(n);
  return r.ok ? r.name : null;
};

describe('upload names', () => {
  it.each(['.', '..', '...', ' . ', '', '   ', '???', '<>|', '\u0001\u0002', '/', '..\\..\\', 'a/..'])('refuses %j with a Chinese message', (n) => {
    const r = safeUploadName(n);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^文件名“.*”无效：.*请把文件改为普通的名称/);
  });

  it.each([
    ['银行流水.xlsx', '银行流水.xlsx'],
    ['C:\\Users\\会计\\Desktop\\流水.xls', '流水.xls'],
    ['../../etc/passwd', 'passwd'],
    ['a<b>c:d"e|f?g*h.csv', 'a_b_c_d_e_f_g_h.csv'],
    ['tab\there\n.csv', 'tab_here_.csv'],
    ['流水.xlsx. . ', '流水.xlsx'],
    ['CON', '_CON'],
    ['con.xlsx', '_con.xlsx'],
    ['Nul.tar.gz', '_Nul.tar.gz'],
    ['COM1.csv', '_COM1.csv'],
    ['lpt9.xls', '_lpt9.xls'],
    ['AUX', '_AUX'],
    ['PRN.txt', '_PRN.txt'],
    ['CONSOLE.xlsx', 'CONSOLE.xlsx'],
    ['COM10.csv', 'COM10.csv'],
    ['.hidden.csv', '.hidden.csv'],
  ])('keeps %j as %j', (n, want) => {
    expect(nameOf(n)).toBe(want);
  });

  it('shortens a long name but keeps its extension', () => {
    const long = `${'流'.repeat(300)}.xlsx`;
    const got = nameOf(long)!;
    expect(got.length).toBe(120);
    expect(got.endsWith('.xlsx')).toBe(true);
  });
});
