import { describe, expect, it } from 'vitest';
import type { CheckInput } from '../../../shared/checks/check-input.ts';
import { CHECK_DEFINITIONS } from '../../../shared/checks/definitions.ts';
import { evaluateChecks } from '../../../shared/checks/run-checks.ts';
import { cleanInput, line } from './clean-input.ts';

type Case = [name: string, mutate: (i: CheckInput) => void, expected: Array<[checkId: string, subjectKey: string, message: string]>];

const M = 1_000_000; // 1 万元 in fen

const cases: Case[] = [
  [
    'a category total that does not match the ledger',
    (i) => {
      i.actual.byCategory.public -= 1;
    },
    [['sum.parts', 'actual:category', '支出数按支出类别（人员经费＋公用经费＋项目支出＋未分类）：分项之和 2,399,999.99 元，合计 2,400,000.00 元，相差 -0.01 元。请联系技术支持核查数据文件。']],
  ],
  [
    'budget categories that do not add up to the budget total',
    (i) => {
      i.budget.byCategory.project += 500;
    },
    [['sum.parts', 'budget:category', '预算数按支出类别（人员经费＋公用经费＋项目支出）：分项之和 2,400,005.00 元，合计 2,400,000.00 元，相差 5.00 元。请联系技术支持核查数据文件。']],
  ],
  [
    'displayed parts that miss the displayed total',
    (i) => {
      i.actual.byCategory = { personnel: 5000, public: 0, project: 5000, unclassified: 0 };
      i.actual.ledgerTotalFen = 10000;
      i.units = [];
      i.lastYear = null;
      i.monthlyActualFen = Array.from({ length: 12 }, () => 0);
      i.lines = [];
    },
    [
      ['sum.display', 'actual:basic+project', '支出：基本支出＋项目支出按万元列示为 0.01 + 0.01，与合计 0.01 万元相差 0.01 万元（四舍五入尾差）。'],
      ['execution.over', 'category:project', '项目支出：支出 50.00 元，超过调整后预算 0.00 元（执行率 无预算），超出 50.00 元。'],
    ],
  ],
  [
    'a transaction dated in the year before',
    (i) => {
      i.outsideYear = [{ period: '2020-12', count: 2, amountFen: 300_00 }];
    },
    [['period.outside-year', 'period:2020-12', '有 2 笔支出日期在 2020-12，不属于 2021 年度，合计 300.00 元。请改正日期或删除这些记录。']],
  ],
  [
    'codes that are malformed, unlisted (even their class) or empty',
    (i) => {
      i.codeUse.push(
        { source: 'ledger', kind: 'econ', code: '3011', count: 1, amountFen: 100, firstLineId: null },
        { source: 'budget', kind: 'func', code: '2350101', count: 1, amountFen: 200, firstLineId: 9 },
        { source: 'ledger', kind: 'func', code: '2350101', count: 2, amountFen: 250, firstLineId: null },
        { source: 'ledger', kind: 'econ', code: '30299', count: 3, amountFen: 300, firstLineId: null },
        { source: 'ledger', kind: 'func', code: '', count: 4, amountFen: 400, firstLineId: null },
      );
    },
    [
      ['codes.invalid', 'ledger:econ:3011', '支出明细中的部门预算支出经济分类编码“3011”无效（编码应为 3、5 位数字），涉及 1 条记录，金额 1.00 元。'],
      [
        'codes.unlisted',
        'func:2350101',
        '预算指标和支出明细中的支出功能分类编码“2350101”不在科目表中（所属类级科目 235 也没有名称），涉及 3 条记录，金额 2.00 元。如编码无误，请在“科目代码”页填写它的名称或导入本单位的科目表，此后不再提示。',
      ],
      [
        'codes.unlisted',
        'econ:30299',
        '支出明细中的部门预算支出经济分类编码“30299”属于“商品和服务支出”，但科目表中没有它的名称，涉及 3 条记录，金额 3.00 元。如编码无误，请在“科目代码”页填写它的名称或导入本单位的科目表，此后不再提示。',
      ],
      ['codes.missing', 'ledger:func:', '支出明细中有 4 条记录支出功能分类编码未填写，金额 4.00 元。'],
    ],
  ],
  [
    'a line whose adjustment cuts below zero',
    (i) => {
      i.lines.push(line({ id: 3, initialFen: 100_00, adjustmentFen: -150_00, finalFen: -50_00, actualFen: 0, txnCount: 1 }));
    },
    [['budget.negative', 'line:3', '预算指标“本级 基本支出·人员经费 30101 基本工资”年初预算 100.00 元，调整数 -150.00 元，调整后预算 -50.00 元为负数。']],
  ],
  [
    'a project spent beyond its budget, and its line',
    (i) => {
      i.projects = [{ id: 7, name: '热线运营', finalFen: 100 * M, actualFen: 125 * M }];
      i.lines.push(line({ id: 4, category: 'project', projectId: 7, projectName: '热线运营', econCode: '30227', econName: '委托业务费', finalFen: 100 * M, actualFen: 125 * M }));
    },
    [
      ['execution.over', 'project:7', '项目“热线运营”：支出 1,250,000.00 元，超过调整后预算 1,000,000.00 元（执行率 125.00%），超出 250,000.00 元。'],
      ['balance.negative-line', 'line:4', '预算指标“本级 项目“热线运营” 30227 委托业务费”调整后预算 1,000,000.00 元，已关联支出 1,250,000.00 元，结余 -250,000.00 元。'],
    ],
  ],
  [
    'spending in a unit without any budget',
    (i) => {
      i.units.push({ id: 2, name: '下属中心', finalFen: 0, actualFen: 10_00 });
    },
    [['execution.over', 'unit:2', '下属中心：支出 10.00 元，超过调整后预算 0.00 元（执行率 无预算），超出 10.00 元。']],
  ],
  [
    'reversals exceeding spending',
    (i) => {
      i.negativeSpending = [{ unitId: 1, unitName: '本级', category: 'public', econCode: '30201', amountFen: -20_00, count: 2 }];
    },
    [['spending.negative', 'unit:1|public|30201', '本级基本支出·公用经费经济分类 30201 的支出净额为 -20.00 元（2 笔），冲销多于支出。']],
  ],
  [
    'unlinked spending',
    (i) => {
      i.unmatched = [
        { unitId: 1, unitName: '本级', noMatchCount: 2, noMatchFen: 200, ambiguousCount: 1, ambiguousFen: 100, linkableCount: 0, linkableFen: 0 },
      ];
    },
    [['link.unmatched', 'unit:1', '本级有 3 笔支出（合计 3.00 元）未关联预算指标：2 笔找不到对应指标，1 笔对应多条指标，0 笔可自动关联（在“预算执行”页点“自动关联”）。']],
  ],
  [
    'spending nobody classified',
    (i) => {
      i.unclassified = [{ unitId: 1, unitName: '本级', count: 4, amountFen: 4_00 }];
    },
    [
      [
        'ledger.unclassified',
        'unit:1',
        '本级有 4 笔支出（合计 4.00 元）尚未分类。请在“支出明细”中选中这些记录，批量设置经济分类、类别或项目；也可在“分类规则”中添加规则，以后导入时自动分类。',
      ],
    ],
  ],
  [
    'a line never spent',
    (i) => {
      i.lines.push(line({ id: 5, actualFen: 0, txnCount: 0, finalFen: 8 * M }));
    },
    [['budget.unspent', 'line:5', '预算指标“本级 基本支出·人员经费 30101 基本工资”调整后预算 80,000.00 元，全年没有关联的支出。']],
  ],
  [
    'personnel spending on a 302 code',
    (i) => {
      i.categoryEcon.push({ source: 'ledger', category: 'personnel', econClass: '302', count: 3, amountFen: 900, firstLineId: null });
    },
    [['category.econ-mismatch', 'ledger:personnel:302', '支出明细中有 3 条“基本支出·人员经费”记录使用经济分类 302（金额 9.00 元），按经济分类应属于“基本支出·公用经费”。']],
  ],
  [
    'spending behind the first-quarter target, with data through April only',
    (i) => {
      i.monthlyActualFen = [10 * M, 10 * M, 10 * M, 10 * M, 0, 0, 0, 0, 0, 0, 0, 0];
    },
    [['execution.progress', 'quarter:1', '第 1 季度末累计支出 300,000.00 元（执行率 12.50%），低于进度目标 25.00%（600,000.00 元），差 300,000.00 元。']],
  ],
  [
    'a 35 % budget adjustment',
    (i) => {
      i.budget.adjustmentFen = Math.round(i.budget.initialFen * 0.35);
    },
    [['budget.adjustment-rate', 'total', '预算调整率为 35.00%（调整数 840,000.00 元 ÷ 年初预算 2,400,000.00 元），达到 30%，请说明调整原因。']],
  ],
  [
    'a class that doubled against last year',
    (i) => {
      i.lastYear!.byEconClass['302'] = 60 * M;
      i.lastYear!.byEconClass['310'] = 20 * M;
    },
    [
      ['yoy.change', 'econ:302', '经济分类 302 商品和服务支出：本年支出 1,200,000.00 元，2020 年 600,000.00 元，增加 600,000.00 元（变动 100.00%）。'],
      ['yoy.change', 'econ:310', '经济分类 310 资本性支出：本年支出 0.00 元，2020 年 200,000.00 元，减少 200,000.00 元（变动 -100.00%）。'],
    ],
  ],
];

describe('report checks', () => {
  const scored = (scoreCenti: number | null) => [{ code: '2.1.1', name: '重点工作任务完成率', weightCenti: 3000, scoreCenti }];
  const tasks = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, title: `任务${i + 1}` }));
  it.each([
    ['full marks, one untargeted task', scored(3000), tasks(1), ['指标“2.1.1 重点工作任务完成率”得满分 30 分，但“任务1” 1 项工作任务（共 5 项）未设目标值，完成情况无法用数据核实。请在“年度工作”中为这些任务的成果指标填写目标值，或说明依据。']],
    ['full marks, four untargeted tasks: three named', scored(3000), tasks(4), ['指标“2.1.1 重点工作任务完成率”得满分 30 分，但“任务1”、“任务2”、“任务3”等 4 项工作任务（共 5 项）未设目标值，完成情况无法用数据核实。请在“年度工作”中为这些任务的成果指标填写目标值，或说明依据。']],
    ['below full marks', scored(2400), tasks(2), []],
    ['not scored yet', scored(null), tasks(2), []],
    ['every task targeted', scored(3000), [], []],
  ])('scoring.untargeted-full: %s', (_name, keyTaskIndicators, untargetedTasks, expected) => {
    const input = { ...cleanInput(), keyTaskIndicators, untargetedTasks, taskCount: 5 };
    const findings = evaluateChecks(input).findings;
    expect(findings.map((f) => f.message)).toEqual(expected);
    for (const f of findings) expect([f.checkId, f.severity, f.subjectKey, f.jump]).toEqual(['scoring.untargeted-full', 'advisory', 'indicator:2.1.1', { kind: 'work' }]);
  });

  it('report.unwritten: one 强制 finding per blank section, jumping to where it is written', () => {
    const input = {
      ...cleanInput(),
      unwrittenSections: [
        { title: '存在的主要问题', key: 'problems' },
        { title: '其他 › 需要说明的情况', key: null },
      ],
    };
    expect(evaluateChecks(input).findings.map((f) => [f.checkId, f.severity, f.subjectKey, f.message, f.jump])).toEqual([
      ['report.unwritten', 'mandatory', 'section:存在的主要问题', '报告“存在的主要问题”尚未填写。请在“报告”页填写这一部分后再定稿。', { kind: 'report', section: 'problems' }],
      ['report.unwritten', 'mandatory', 'section:其他 › 需要说明的情况', '报告“其他 › 需要说明的情况”尚未填写。请在“报告”页填写这一部分后再定稿。', { kind: 'report', section: 'outline' }],
    ]);
  });
});

describe('check evaluators', () => {
  it('find nothing in a clean year', () => {
    expect(evaluateChecks(cleanInput()).findings).toEqual([]);
  });

  it.each(cases)('flag %s', (_name, mutate, expected) => {
    const input = cleanInput();
    mutate(input);
    const findings = evaluateChecks(input).findings;
    expect(findings.map((f) => [f.checkId, f.subjectKey, f.message])).toEqual(expected);
    for (const f of findings) {
      expect(f.message).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(f.severity).toBe(CHECK_DEFINITIONS.find((d) => d.id === f.checkId)!.severity);
    }
  });

  it('state the amounts when a progress gap is too small to show in the rounded rates', () => {
    const i = cleanInput();
    i.budget.finalFen += 500;
    i.budget.byCategory.project += 500;
    expect(evaluateChecks(i).findings[0]!.message).toBe(
      '第 1 季度末累计支出 600,000.00 元（执行率 25.00%），低于进度目标 25.00%（600,001.25 元），差 1.25 元。',
    );
  });

  it('ignore small or sub-30 % changes against last year, and years without a previous one', () => {
    const small = cleanInput();
    small.lastYear!.byEconClass['302'] = small.actual.byEconClass['302']! - 9 * M; // −7.5 %... of a 120 万 class
    expect(evaluateChecks(small).findings).toEqual([]);
    const tiny = cleanInput();
    tiny.lastYear!.byEconClass['310'] = 9 * M; // −100 % but only 9 万元
    expect(evaluateChecks(tiny).findings).toEqual([]);
    const none = cleanInput();
    none.lastYear = null;
    none.actual.byEconClass['399'] = 50 * M;
    expect(evaluateChecks(none).findings).toEqual([]);
  });
});
