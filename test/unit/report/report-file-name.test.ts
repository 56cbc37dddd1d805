import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../../shared/report/report-file-name.ts';

describe('reportFileName', () => {
  it('names the department, the year and whether it is the draft or the signed copy', () => {
    expect(reportFileName({ departmentName: '某县财政局', year: 2021, final: false, format: 'pdf' })).toBe('某县财政局2021年度部门整体支出绩效自评报告（草稿）.pdf');
    expect(reportFileName({ departmentName: '某县财政局', year: 2021, final: true, format: 'docx' })).toBe('某县财政局2021年度部门整体支出绩效自评报告（定稿）.docx');
  });

  it('replaces characters a file system refuses, so the save dialog never fails on a department name', () => {
    expect(reportFileName({ departmentName: '某县财政局/国库科:"一"\n', year: 2022, final: false, format: 'xlsx' })).toBe(
      '某县财政局_国库科__一_2022年度部门整体支出绩效自评报告（草稿）.xlsx',
    );
  });
});
