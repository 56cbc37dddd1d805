import { describe, expect, it } from 'vitest';
import rulesFile from '../../../resources/frameworks/project-eval.json' with { type: 'json' };
import type { ProjectIndicator } from '../../../shared/domain/project-indicator.ts';
import { evaluateProject, gradeOf, type ProjectEvalInput } from '../../../shared/project-eval/evaluate-project.ts';
import { ProjectEvalRules } from '../../../shared/project-eval/rules.ts';
import { splitCenti } from '../../../shared/project-eval/split-weight.ts';
import { budgetWeightedAverage } from '../../../shared/project-eval/weighted-average.ts';
import { formatRational } from '../../../shared/scoring/rational.ts';

const rules = ProjectEvalRules.parse(rulesFile);
const wan = (text: string) => Math.round(Number(text) * 1_000_000);

let nextId = 1;
function indicator(fields: Partial<ProjectIndicator> & Pick<ProjectIndicator, 'kind' | 'name'>): ProjectIndicator {
  return {
    id: nextId++,
    projectId: 1,
    direction: 'higher',
    unit: '',
    targetValue: null,
    actualValue: null,
    level2: '',
    nature: 'quantitative',
    weightCenti: null,
    grade: null,
    targetText: '',
    deviationReason: '',
    ...fields,
  };
}

function project(budgetWan: string, actualWan: string, indicators: ProjectIndicator[], extra: Partial<ProjectEvalInput> = {}): ProjectEvalInput {
  return {
    projectId: 1,
    name: '示例项目',
    departmentName: '示例部门',
    unitName: '示例单位',
    funds: [{ fundingSource: 'general_budget', initialFen: wan(budgetWan), finalFen: wan(budgetWan), actualFen: wan(actualWan) }],
    goal: '',
    achievement: '',
    weights: { output: null, outcome: null, satisfaction: null },
    indicators,
    ...extra,
  };
}

describe('预算执行率 score = 执行数 ÷ 全年预算数 × 10, rounded once from the exact ratio', () => {
  it.each([
    ['330.00', '300.50', '91.06', 911],
    ['200.25', '120.66', '60.25', 603],
    ['114.08', '70.55', '61.84', 618],
    ['100.00', '100.00', '100.00', 1000],
    ['100.00', '120.00', '120.00', 1000],
    ['100.00', '0', '0.00', 0],
  ])('budget %s, spent %s → rate %s %%, score %i centi', (budget, actual, rate, score) => {
    const r = evaluateProject(project(budget, actual, []), rules);
    expect(formatRational(r.funds[0]!.rate!)).toBe(rate);
    expect(r.executionScoreCenti).toBe(score);
  });

  it('has no score without a budget, and says what to do', () => {
    const r = evaluateProject(project('0', '5', []), rules);
    expect(r.executionScoreCenti).toBeNull();
    expect(r.findings.map((f) => f.message)).toContain('全年预算数为 0，无法计算预算执行率：请先在“预算指标”中为该项目录入预算');
  });

  it('splits the money into 财政拨款 / 上年结转 / 其他资金 by funding source, from the rules', () => {
    const r = evaluateProject(
      project('0', '0', [], {
        funds: [
          { fundingSource: 'general_budget', initialFen: 100, finalFen: 120, actualFen: 110 },
          { fundingSource: 'gov_fund', initialFen: 10, finalFen: 10, actualFen: 10 },
          { fundingSource: 'carry_over', initialFen: 0, finalFen: 30, actualFen: 15 },
          { fundingSource: 'unit_other', initialFen: 5, finalFen: 5, actualFen: 0 },
        ],
      }),
      rules,
    );
    expect(r.funds.map((f) => [f.label, f.initialFen, f.finalFen, f.actualFen])).toEqual([
      ['年度资金总额', 115, 165, 135],
      ['其中：当年财政拨款', 110, 130, 120],
      ['上年结转资金', 0, 30, 15],
      ['其他资金', 5, 5, 0],
    ]);
    expect(r.executionScoreCenti).toBe(818); // 135 / 165 × 10 = 8.1818…
  });
});

describe('indicator scores', () => {
  const one = (i: Partial<ProjectIndicator> & Pick<ProjectIndicator, 'kind' | 'name'>) =>
    evaluateProject(project('100', '100', [indicator({ weightCenti: 5000, ...i })]), rules).indicators[0]!;

  it.each([
    // [direction, target, actual, score in centi of 50 分]
    ['higher', '95', '98.6', 5000],
    ['higher', '95', '95', 5000],
    ['higher', '120', '90', 3750], // 90 / 120 × 50
    ['higher', '30', '29', 4833], // 29 / 30 × 50 = 48.333…
    ['higher', '0', '3', 5000],
    ['higher', '30', '0', 0],
    ['lower', '4', '2.5', 5000],
    ['lower', '4', '4', 5000],
    ['lower', '4', '5', 4000], // 4 / 5 × 50
    ['lower', '15', '18', 4167], // 15 / 18 × 50 = 41.666…
    ['lower', '4', '12', 1667], // no floor at twice the target: 4 / 12 × 50
    ['lower', '0', '1', 0],
    ['lower', '0', '0', 5000],
  ] as const)('定量 %s: target %s, actual %s → %i', (direction, targetValue, actualValue, score) => {
    expect(one({ kind: 'output', name: 'x', direction, targetValue, actualValue, deviationReason: '已说明' }).scoreCenti).toBe(score);
  });

  it.each([
    ['achieved', 5000, '达成年度指标'],
    ['partial', 3500, '部分达成年度指标并具有一定效果'],
    ['not_achieved', 1500, '未达成年度指标且效果较差'],
  ] as const)('定性 %s → %i and prints its label', (grade, score, label) => {
    const i = one({ kind: 'outcome', name: '群众获得感', nature: 'qualitative', grade, targetText: '明显提升' });
    expect([i.scoreCenti, i.actual, i.target]).toEqual([score, label, '明显提升']);
  });

  it('the 定性 percentages are editable data', () => {
    const edited = { ...rules, qualitative: rules.qualitative.map((g) => (g.grade === 'partial' ? { ...g, percent: '60' } : g)) };
    const r = evaluateProject(project('100', '100', [indicator({ kind: 'output', name: 'q', nature: 'qualitative', grade: 'partial', weightCenti: 5000 })]), edited);
    expect(r.indicators[0]!.scoreCenti).toBe(3000);
  });

  it('prints the target with its sign and unit, the actual with its unit', () => {
    const i = one({ kind: 'output', name: '修复时长', direction: 'lower', unit: '小时', targetValue: '4', actualValue: '2.5' });
    expect([i.target, i.actual]).toEqual(['≤4小时', '2.5小时']);
  });
});

describe('weights', () => {
  it('splits an amount in centi without losing any', () => {
    expect(splitCenti(5000, [1, 1, 1])).toEqual([1667, 1667, 1666]);
    expect(splitCenti(1000, [5000, 3000])).toEqual([625, 375]);
    expect(splitCenti(3000, [5000, 1000])).toEqual([2500, 500]);
    expect(splitCenti(7, [])).toEqual([]);
  });

  it('defaults to 产出 50 / 效益 30 / 满意度 10 shared evenly among each level’s indicators', () => {
    const r = evaluateProject(
      project('100', '100', [
        indicator({ kind: 'output', name: 'a', targetValue: '1', actualValue: '1' }),
        indicator({ kind: 'output', name: 'b', targetValue: '1', actualValue: '1' }),
        indicator({ kind: 'output', name: 'c', targetValue: '1', actualValue: '1' }),
        indicator({ kind: 'outcome', name: 'd', targetValue: '1', actualValue: '1' }),
        indicator({ kind: 'satisfaction', name: 'e', targetValue: '90', actualValue: '95' }),
      ]),
      rules,
    );
    expect(r.indicators.map((i) => i.weightCenti)).toEqual([1667, 1667, 1666, 3000, 1000]);
    expect(r.indicators.map((i) => i.level2)).toEqual(['', '', '', '', '服务对象满意度指标']);
    expect([r.totalCenti, r.maxCenti, r.grade]).toEqual([10000, 10000, '优']);
  });

  it('gives a level without indicators to the others in proportion (the 2021 example projects)', () => {
    const platform = evaluateProject(
      project('330.00', '300.50', [
        indicator({ kind: 'output', name: '平台故障平均修复时长', direction: 'lower', targetValue: '4', actualValue: '2.5' }),
        indicator({ kind: 'outcome', name: '接入部门视频与数据资源', targetValue: '30', actualValue: '34' }),
      ]),
      rules,
    );
    expect(platform.levels.map((l) => l.weightCenti)).toEqual([5625, 3375, 0]);
    expect([platform.executionScoreCenti, platform.totalCenti, platform.grade]).toEqual([911, 9911, '优']);
    const hotline = evaluateProject(
      project('200.25', '120.66', [
        indicator({ kind: 'output', name: '热线工单按时办结率', targetValue: '95', actualValue: '98.6' }),
        indicator({ kind: 'satisfaction', name: '来电群众满意率', targetValue: '90', actualValue: '96.2' }),
      ]),
      rules,
    );
    expect(hotline.indicators.map((i) => i.weightCenti)).toEqual([7500, 1500]);
    expect(hotline.totalCenti).toBe(603 + 9000);
  });

  it('per-project level weights and typed indicator weights; a mismatch is a finding', () => {
    const r = evaluateProject(
      project(
        '100',
        '100',
        [
          indicator({ kind: 'output', name: 'a', targetValue: '1', actualValue: '1', weightCenti: 4000 }),
          indicator({ kind: 'output', name: 'b', targetValue: '1', actualValue: '1' }),
          indicator({ kind: 'outcome', name: 'c', targetValue: '1', actualValue: '1', weightCenti: 2500 }),
          indicator({ kind: 'satisfaction', name: 'd', targetValue: '1', actualValue: '1' }),
        ],
        { weights: { output: 6000, outcome: 2000, satisfaction: 1000 } },
      ),
      rules,
    );
    expect(r.indicators.map((i) => i.weightCenti)).toEqual([4000, 2000, 2500, 1000]);
    expect(r.findings).toEqual([{ kind: 'missing', indicatorId: null, message: '效益指标各项分值合计 25 分，与一级指标权重 20 分不一致：请调整分值' }]);
  });
});

describe('findings', () => {
  it('a score below full needs a 偏差原因 (提示 until given)', () => {
    const miss = indicator({ kind: 'output', name: '培训人次', targetValue: '120', actualValue: '90' });
    const r = evaluateProject(project('100', '100', [miss]), rules);
    expect(r.findings).toEqual([{ kind: 'advisory', indicatorId: miss.id, message: '指标“培训人次”得分 67.5 分，低于分值 90 分：请填写偏差原因分析及改进措施' }]);
    const explained = evaluateProject(project('100', '100', [{ ...miss, deviationReason: '受疫情影响，部分培训改为线上' }]), rules);
    expect(explained.findings).toEqual([]);
  });

  it('an indicator without an actual value or grade is pending', () => {
    const r = evaluateProject(
      project('100', '100', [
        indicator({ kind: 'output', name: 'a', targetValue: '10' }),
        indicator({ kind: 'outcome', name: 'b', nature: 'qualitative' }),
      ]),
      rules,
    );
    expect(r.findings.map((f) => [f.kind, f.message])).toEqual([
      ['missing', '指标“a”尚未填写实际完成值'],
      ['missing', '指标“b”尚未选择完成档次（达成 / 部分达成 / 未达成）'],
    ]);
    expect(r.totalCenti).toBe(1000);
  });

  it('little spending with every indicator met asks which is wrong — the budget or the targets', () => {
    const met = [indicator({ kind: 'output', name: '海防巡查出动', targetValue: '120', actualValue: '126' })];
    const r = evaluateProject(project('114.08', '70.55', met), rules);
    expect(r.findings).toEqual([
      {
        kind: 'advisory',
        indicatorId: null,
        message: '预算执行率仅 61.84%（全年预算 114.08 万元，执行 70.55 万元），低于 80%，而绩效指标全部完成或超额完成：请核实是预算编制偏大，还是绩效目标设定偏低',
      },
    ]);
    expect(evaluateProject(project('100', '80', met), rules).findings).toEqual([]);
    expect(evaluateProject(project('100', '79.99', met), { ...rules, lowSpending: { below: '70' } }).findings).toEqual([]);
  });
});

describe('评价等次 and the budget-weighted average', () => {
  it.each([
    [10000, '优'],
    [9000, '优'],
    [8999, '良'],
    [8000, '良'],
    [7999, '中'],
    [6000, '中'],
    [5999, '差'],
    [0, '差'],
  ])('%i centi → %s', (total, grade) => expect(gradeOf(total, rules)).toBe(grade));

  it('thresholds are editable', () => {
    expect(gradeOf(8500, { ...rules, grades: [{ name: '优', min: '85' }, { name: '合格', min: '0' }] })).toBe('优');
  });

  it('weights each total by its 全年预算数', () => {
    const avg = budgetWeightedAverage([
      { totalCenti: 9911, finalFen: 330_000_000 },
      { totalCenti: 9603, finalFen: 200_250_000 },
      { totalCenti: 9618, finalFen: 114_080_000 },
      { totalCenti: 5000, finalFen: 0 },
    ]);
    // (99.11 × 330 + 96.03 × 200.25 + 96.18 × 114.08) / 644.33 = 97.6340…
    expect(formatRational(avg!, 4)).toBe('97.6340');
    expect(budgetWeightedAverage([])).toBeNull();
  });
});
