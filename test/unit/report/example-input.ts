import type { ReportInput, ScoreNode } from '../../../shared/report/input.ts';

// The model report's figures (番禺区政府办 2021) with example text written for this project. Amounts
// in fen, scores in centi-points. The prose deliberately repeats a few task counts in two sections,
// as real reports do, so the consistency check has something to guard.

const wan = (text: string): number => {
  const [i, f = ''] = text.split('.');
  return Number(i) * 1_000_000 + Number(f.padEnd(6, '0'));
};

function leaf(
  code: string,
  name: string,
  max: number,
  score: number,
  extra: Partial<Pick<ScoreNode, 'reason' | 'basis' | 'target' | 'actual'>> = {},
): ScoreNode {
  return {
    code,
    name,
    maxCenti: max,
    scoreCenti: score,
    deductionCenti: max - score,
    reason: extra.reason ?? '',
    basis: extra.basis ?? '',
    target: extra.target ?? null,
    actual: extra.actual ?? null,
    children: [],
  };
}

function group(code: string, name: string, children: ScoreNode[], basis = ''): ScoreNode {
  const max = children.reduce((s, c) => s + c.maxCenti, 0);
  const score = children.reduce((s, c) => s + (c.scoreCenti ?? 0), 0);
  return { code, name, maxCenti: max, scoreCenti: score, deductionCenti: max - score, reason: '', basis, target: null, actual: null, children };
}

const management = group('1', '管理效能', [
  group('1.1', '资金管理', [
    leaf('1.1.1', '预算执行率', 1280, 1206, {
      reason: '预算执行率为 94.23%，未达到 100%',
      basis: '得分 = 分值 × 预算执行率',
      target: '100%',
      actual: '94.23%',
    }),
    leaf('1.1.2', '资金使用合规性', 320, 320, { basis: '全年未发现违规使用资金情况' }),
  ]),
  group('1.2', '采购管理', [
    leaf('1.2.1', '政府采购执行率', 200, 195, {
      reason: '政府采购执行率为 97.5%，未达到 100%',
      basis: '得分 = 分值 × 政府采购执行率',
      target: '100%',
      actual: '97.5%',
    }),
  ]),
  group('1.3', '信息公开管理', [leaf('1.3.1', '预决算信息公开', 400, 400, { basis: '部门预算、决算及“三公”经费按规定时限公开' })]),
  group('1.4', '资产管理', [leaf('1.4.1', '资产管理规范性', 400, 400, { basis: '资产配置、使用、处置手续齐全，账实相符' })]),
  group('1.5', '成本管理', [leaf('1.5.1', '公用经费控制率', 400, 400, { basis: '公用经费支出未超预算' })]),
  group('1.6', '绩效管理', [
    leaf('1.6.1', '绩效目标管理', 500, 500, { basis: '绩效目标按时申报，指标细化量化' }),
    leaf('1.6.2', '绩效运行监控', 500, 500, { basis: '按季度开展绩效运行监控' }),
    leaf('1.6.3', '绩效自评及结果应用', 500, 500, { basis: '按时完成自评，问题已列入整改' }),
  ]),
]);

const performance = group('2', '履职效能', [
  group('2.1', '产出指标', [
    leaf('2.1.1', '重点工作完成率', 1500, 1500, { target: '100%', actual: '100%' }),
    leaf('2.1.2', '工作完成及时性', 1500, 1500, { basis: '各项任务均在年内按期完成' }),
  ]),
  group('2.2', '效益指标', [
    leaf('2.2.1', '社会效益', 1000, 1000, { basis: '群众诉求办结及时，城市运行平稳' }),
    leaf('2.2.2', '服务对象满意度', 1000, 1000, { target: '≥90%', actual: '96%' }),
  ]),
]);

export const exampleInput: ReportInput = {
  departmentName: '广州市番禺区人民政府办公室',
  unitName: '广州市番禺区人民政府办公室',
  selfName: '我办',
  year: 2021,
  profile: {
    duties: [
      '贯彻执行上级决策部署，保障区政府各项工作高效运转。',
      '承办区政府公文的起草、审核、印发和办理，指导全区公文处理工作。',
      '组织安排区政府重要会议和重大活动，协助区政府领导开展政务活动。',
      '督促检查区政府决定事项和领导批示的落实情况，办理人大代表建议和政协提案。',
      '开展综合调研，为区政府决策提供参考；负责政务信息和政务公开工作。',
      '负责总值班和城市运行管理的统筹协调，承担海防管控的组织协调工作。',
      '负责全区公务用车编制管理和因公出国（境）审核、证照管理等外事工作。',
      '完成区委、区政府交办的其他事项。',
    ],
    adminUnitCount: 1,
    institutionUnitCount: 1,
    internalOffices: ['秘书科', '区政府督查室', '综合科', '调研科', '人事行政科', '城市运行指挥科', '公务用车管理办公室', '外事科'],
  },
  overallGoal:
    '以服务区委、区政府中心工作为主线，围绕办文、办会、办事和督查落实，提升综合协调和服务保障水平，确保年度重点工作任务按期完成，预算资金使用规范、高效。',
  workAreas: [
    {
      title: '服务决策，提升办文办会和督查质效',
      summary:
        '优化公文流转环节，全年共收编号文件 21609 份，以区政府及区政府办名义发出文件 1258 份，组织协调领导出席会议和活动 2963 场次。督查工作聚焦年度重点任务，梳理重点工作 431 项（次），全年开展督办 3890 项（次）。\n围绕区政府重点工作开展调研，撰写和修改各类文稿 960 篇。',
      tasks: [
        {
          title: '做好办文办会服务',
          description:
            '全年共收编号文件 {{measure.docs_received}} 份，以区政府及区政府办名义发出文件 {{measure.docs_issued}} 份，组织协调领导出席会议和活动 2963 场次，移交文书档案 {{measure.archives}} 件',
          status: 'done',
          measures: [
            { key: 'docs_received', name: '收编号文件', unit: '份', target: '20000', actual: '21609' },
            { key: 'docs_issued', name: '发出文件', unit: '份', target: '1200', actual: '1258' },
            { key: 'meetings', name: '会议和活动', unit: '场次', target: '2800', actual: '2963' },
            { key: 'archives', name: '移交文书档案', unit: '件', target: '20000', actual: '21023' },
          ],
        },
        {
          title: '抓好督查督办',
          description: '梳理重点工作 431 项（次），开展月度、季度督办 3890 项（次），推动决策部署落地见效',
          status: 'done',
          measures: [
            { key: 'key_tasks', name: '梳理重点工作', unit: '项', target: '400', actual: '431' },
            { key: 'supervision', name: '督办事项', unit: '项', target: '3500', actual: '3890' },
          ],
        },
        {
          title: '提高文稿质量',
          description: '全年撰写和修改各类文稿 {{measure.drafts}} 篇，成稿约 630 万字',
          status: 'done',
          measures: [{ key: 'drafts', name: '撰写修改文稿', unit: '篇', target: '900', actual: '960' }],
        },
      ],
    },
    {
      title: '统筹协调，推进城市运行精细化管理',
      summary:
        '坚持全天候值班值守，及时协调处置各类突发事件。畅通群众诉求渠道，全年办结热线转办工单 23.36 万宗。规范公务用车管理，审核购置公务用车 197 辆，其中新能源汽车占比达 67.11%。',
      tasks: [
        {
          title: '办好群众诉求',
          description: '全年办结热线转办工单 {{measure.hotline}} 万宗，办理网上留言 1201 宗',
          status: 'done',
          measures: [
            { key: 'hotline', name: '办结热线转办工单', unit: '万宗', target: '20', actual: '23.36' },
            { key: 'messages', name: '办理网上留言', unit: '宗', target: '1000', actual: '1201' },
          ],
        },
        {
          title: '规范公务用车管理',
          description: '审核购置公务用车 197 辆，新能源汽车占比 {{measure.nev_rate}}%，办理租车登记备案 2608 宗',
          status: 'done',
          measures: [
            { key: 'vehicles', name: '审核购置公务用车', unit: '辆', target: null, actual: '197' },
            { key: 'nev_rate', name: '新能源汽车占比', unit: '%', target: '60', actual: '67.11' },
            { key: 'rentals', name: '租车登记备案', unit: '宗', target: null, actual: '2608' },
          ],
        },
      ],
    },
    {
      title: '履职尽责，做好疫情防控综合协调',
      summary: '承担疫情防控指挥部办公室综合协调职责，处理各级疫情防控文件约 6000 份，按时办复涉疫情热线案件 8006 宗。',
      tasks: [
        {
          title: '保障防控指令畅通',
          description: '处理各级疫情防控文件约 {{measure.covid_docs}} 份，印发全区性通告 11 份',
          status: 'done',
          measures: [
            { key: 'covid_docs', name: '处理疫情防控文件', unit: '份', target: null, actual: '6000' },
            { key: 'covid_cases', name: '办复涉疫情案件', unit: '宗', target: null, actual: '8006' },
          ],
        },
        {
          title: '做好外籍人士服务',
          description: '为外籍人士接种新冠疫苗 {{measure.vaccine}} 剂次，办理来华申请 233 人次',
          status: 'done',
          measures: [{ key: 'vaccine', name: '外籍人士接种', unit: '剂次', target: null, actual: '10324' }],
        },
      ],
    },
  ],
  narratives: {
    performance_goal_management:
      '由人事行政科牵头编制、申报和调整部门整体及项目绩效目标，按照财政部门批复的目标组织运行监控和绩效评价。',
    indicator_management:
      '各业务科室按照“指向明确、细化量化、合理可行”的要求设置所负责项目的绩效指标，形成覆盖主要职责的指标体系。',
    performance_monitoring:
      '按季度汇总项目支出进度和绩效目标实现情况，对进度偏慢的项目及时提醒业务科室，督促整改，保障年度目标实现。',
    evaluation_overview:
      '{{year}} 年，{{unit.name}}围绕年度目标认真履职，预算收支管理和内部控制进一步加强，资金使用总体符合预算安排，保障了机关正常运转和各项业务顺利开展，年度绩效目标基本实现。',
    problems:
      '一是预算编制的精细化程度有待提高。受人员变动、工资调整等因素影响，全年预算调整率为 {{budget.adjustment_rate}}，部分支出与年初预算存在差异。\n二是业务科室对项目绩效管理的重视程度不一，个别专项经费支付进度偏慢，影响了整体预算执行率。',
    improvements:
      '一是把绩效理念贯穿预算编制和执行全过程，提高预算编制的准确性，科学设定项目绩效指标。\n二是加强预算执行跟踪，定期通报资金支出进度，督促业务科室加快支付，确保各项绩效目标按期实现。',
  },
  budget: {
    initialFen: wan('3765'),
    adjustmentFen: wan('217.33'),
    finalFen: wan('3982.33'),
    actualFen: wan('3752.63'),
    personnelFen: wan('2871.46'),
    publicFen: wan('389.46'),
    projectFen: wan('491.71'),
    unclassifiedFen: 0,
    byFundingSource: [
      { source: 'general_budget', label: '一般公共预算财政拨款', initialFen: wan('3765'), finalFen: wan('3982.33'), actualFen: wan('3752.63') },
    ],
    byCategory: [
      { category: 'personnel', label: '人员经费', initialFen: wan('2850'), finalFen: wan('2905.2'), actualFen: wan('2871.46') },
      { category: 'public', label: '公用经费', initialFen: wan('400'), finalFen: wan('410.8'), actualFen: wan('389.46') },
      { category: 'project', label: '项目支出', initialFen: wan('515'), finalFen: wan('666.33'), actualFen: wan('491.71') },
    ],
    byProject: [
      { code: '2021-01', label: '政务服务热线运行保障', initialFen: wan('260'), finalFen: wan('318.5'), actualFen: wan('247.36') },
      { code: '2021-02', label: '城市运行指挥平台运维', initialFen: wan('155'), finalFen: wan('212.83'), actualFen: wan('140.12') },
      { code: '2021-03', label: '外事与公务用车管理', initialFen: wan('100'), finalFen: wan('135'), actualFen: wan('104.23') },
    ],
    executionRate: { num: wan('3752.63'), den: wan('3982.33') },
    adjustmentRate: { num: wan('217.33'), den: wan('3765') },
    procurement: { plannedFen: wan('120'), actualFen: wan('117'), rate: { num: wan('117'), den: wan('120') } },
  },
  budgetParagraph:
    '本年度财政下达预算收入 {{budget.final}} 万元，全部为一般公共预算财政拨款。全年支出 {{budget.actual}} 万元，预算执行率为 {{budget.execution_rate}}。按支出类型分，基本支出 {{budget.basic}} 万元，项目支出 {{budget.project}} 万元。',
  scoreSheet: {
    totalMaxCenti: management.maxCenti + performance.maxCenti,
    totalScoreCenti: (management.scoreCenti ?? 0) + (performance.scoreCenti ?? 0),
    groups: [management, performance],
  },
  evaluationSummary: [
    '{{year}} 年度{{unit.name}}部门整体支出绩效自评分数为 {{score.total}} 分，具体情况如下：',
    '1.管理效能方面，总分 45 分。其中，资金管理 15.26 分、采购管理 1.95 分、信息公开管理 4 分、资产管理 4 分、成本管理 4 分、绩效管理 15 分，本项得分 44.21 分，扣分原因为预算执行率和政府采购执行率未达 100%，分别扣 0.74 分和 0.05 分；',
    '2.履职效能方面，总分 50 分。年初申报的主要工作任务均全部按要求完成，本项得满分。',
  ].join('\n'),
  checkExplanations: [],
  signature: {
    unitHead: '张明远',
    financeHead: '李喆',
    preparer: '陈镕',
    phone: '020-84600000',
    sealingUnit: '广州市番禺区人民政府办公室',
    reportDate: '2022-03-15',
    // The example office prints its people's names (陈镕 and 李喆 also exercise the font fallback).
    printNames: true,
  },
};
