import { describe, expect, it } from 'vitest';
import { checkNarrativeConsistency } from '../../../shared/report/consistency-check.ts';
import type { ReportInput } from '../../../shared/report/input.ts';
import { exampleInput } from './example-input.ts';

function edit(change: (r: ReportInput) => void): ReportInput {
  const r = structuredClone(exampleInput);
  change(r);
  return r;
}

describe('checkNarrativeConsistency', () => {
  it('finds nothing in the consistent example', () => {
    expect(checkNarrativeConsistency(exampleInput)).toEqual([]);
  });

  it('flags a key-task count typed in one section that no longer matches the data', () => {
    // The measure was corrected to 21610; the summary still says 21609.
    const r = edit((x) => {
      x.workAreas[0]!.tasks[0]!.measures[0]!.actual = '21610';
    });
    const f = checkNarrativeConsistency(r);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      kind: 'measure',
      sectionKey: 'work_area.0',
      section: '主要工作情况及成效·服务决策，提升办文办会和督查质效',
      typedValue: '21609 份',
      dataValue: '21610 份',
    });
    expect(f[0]!.excerpt).toContain('收编号文件 21609 份');
    expect(f[0]!.reason).toContain('收编号文件');
  });

  it('flags the same figure typed with different values in two sections', () => {
    // 印发全区性通告 is not a measure; only the two typed occurrences can disagree.
    const r = edit((x) => {
      x.workAreas[2]!.summary += '印发全区性通告 12 份。';
    });
    const f = checkNarrativeConsistency(r);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'repeat', typedValue: '11 份', dataValue: '12 份' });
    expect(f[0]!.reason).toContain('前后不一致');
  });

  it('flags 万元 amounts, rates and scores typed in prose against the data', () => {
    const r = edit((x) => {
      x.budgetParagraph = '全年支出 3752.36 万元，预算执行率为 94.32%，其中项目支出 491.71 万元。';
      x.narratives.evaluation_overview = '本年度自评总分为 94.12 分，管理效能得分 44.21 分。';
    });
    const f = checkNarrativeConsistency(r);
    expect(f.map((x) => [x.kind, x.typedValue, x.dataValue])).toEqual([
      ['money', '3752.36 万元', '3752.63 万元'],
      ['rate', '94.32%', '94.23%'],
      ['score', '94.12 分', '94.21 分'],
    ]);
  });

  it('compares at the precision typed and reads 满分 as the maximum', () => {
    const r = edit((x) => {
      x.budgetParagraph = '全年支出约 3753 万元，预算执行率约 94.2%。';
      x.narratives.evaluation_overview = '管理效能满分 45 分，履职效能满分 50 分。';
    });
    expect(checkNarrativeConsistency(r)).toEqual([]);
  });

  it('does not read a threshold ("未达到 100%") as a claim about the data', () => {
    const r = edit((x) => {
      x.narratives.problems = '预算执行率未达到 100%，政府采购执行率低于 100%。';
    });
    expect(checkNarrativeConsistency(r)).toEqual([]);
  });

  it('treats placeholders as the data itself', () => {
    const r = edit((x) => {
      x.budget.actualFen += 10_000;
      x.budget.personnelFen += 10_000;
      x.budget.executionRate = { num: x.budget.actualFen, den: x.budget.finalFen };
    });
    expect(checkNarrativeConsistency(r).filter((f) => f.sectionKey === 'budget_paragraph')).toEqual([]);
  });
});
