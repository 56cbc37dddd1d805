import type { Category, TaskStatus, UnitKind } from '../../../shared/domain/enums.ts';
import type { ProjectIndicatorDirection, ProjectIndicatorKind } from '../../../shared/domain/project-indicator.ts';

// Example year modelled on the Panyu District Government Office's 2021 self-evaluation. Figures
// (budget, spending, key-task counts) follow the published report; every text is a short summary
// written for this app. Amounts are 万元 strings, converted to fen exactly on load.

export interface ExampleUnit {
  key: 'main' | 'sub';
  name: string;
  kind: UnitKind;
  isPrimary: boolean;
  headName: string;
  financeHeadName: string;
  preparerName: string;
  phone: string;
}

export interface ExampleBudgetLine {
  unit: ExampleUnit['key'];
  category: Category;
  project: string | null;
  funcCode: string;
  funcName: string;
  econCode: string;
  econName: string;
  initialWan: string;
  adjustmentWan: string;
  actualWan: string;
  counterparty: string;
  docNo: string;
}

export interface ExampleMeasure {
  key: string;
  name: string;
  unit: string;
  actual: string;
  target?: string;
}

export interface ExampleTask {
  title: string;
  description: string;
  status: TaskStatus;
  measures: ExampleMeasure[];
}

export const EXAMPLE_YEAR = 2021;

export const EXAMPLE_DEPARTMENT = { name: '广州市番禺区人民政府办公室', code: '' };

export const EXAMPLE_UNITS: ExampleUnit[] = [
  {
    key: 'main',
    name: '广州市番禺区人民政府办公室（本级）',
    kind: 'admin',
    isPrimary: true,
    headName: '王明',
    financeHeadName: '李华',
    preparerName: '陈静',
    phone: '020-12345678',
  },
  {
    key: 'sub',
    name: '番禺区政府办下属事业单位（示例）',
    kind: 'institution',
    isPrimary: false,
    headName: '',
    financeHeadName: '',
    preparerName: '',
    phone: '',
  },
];

export const EXAMPLE_DUTIES: string[] = [
  '落实上级和区委的决策部署，在工作中坚持党的集中统一领导。',
  '处理区政府及其办公室的文电，起草、审核和印发以区政府名义发出的文件，指导全区公文处理。',
  '组织区政府的大型会议和重大活动，协助安排区领导的政务活动。',
  '督促检查区政府决议、决定、重要部署和领导批示的落实情况。',
  '办理人大代表建议和政协委员提案。',
  '起草区政府综合性文稿，研究全区经济社会发展情况，为决策提供参考。',
  '收集、报送政务信息，协调新闻宣传区政府的重要工作。',
  '负责区政府信息公开，指导和协调全区政务公开。',
  '承担区总值班室工作，统筹全区城市管理的组织、协调、监督和考评。',
  '组织、协调全区海防管控工作。',
  '管理全区党政机关、事业单位公务用车编制。',
  '统筹全区外事工作，办理因公出国（境）审核、证照和签注事务。',
  '管理下属和归口管理单位，完成上级交办的其他任务。',
];

export const EXAMPLE_OFFICES: string[] = [
  '秘书科',
  '区政府督查室',
  '综合科',
  '调研科',
  '人事行政科',
  '城市运行指挥科',
  '公务用车管理办公室',
  '外事科',
];

export const EXAMPLE_OVERALL_GOAL =
  '围绕区委、区政府中心工作，履行好决策运转中枢职责：办文办会高效规范，督查落实有力，城市运行协调顺畅，公车、外事和疫情防控各项任务按期完成。';

const DOC_NO = '番财预〔2021〕（示例）';

export const EXAMPLE_BUDGET_LINES: ExampleBudgetLine[] = [
  { unit: 'main', category: 'personnel', project: null, funcCode: '2010301', funcName: '行政运行', econCode: '30101', econName: '基本工资', initialWan: '820.00', adjustmentWan: '35.00', actualWan: '851.20', counterparty: '在职人员工资发放', docNo: DOC_NO },
  { unit: 'main', category: 'personnel', project: null, funcCode: '2010301', funcName: '行政运行', econCode: '30102', econName: '津贴补贴', initialWan: '960.00', adjustmentWan: '60.00', actualWan: '1012.35', counterparty: '在职人员津贴补贴发放', docNo: DOC_NO },
  { unit: 'main', category: 'personnel', project: null, funcCode: '2080505', funcName: '机关事业单位基本养老保险缴费支出', econCode: '30108', econName: '机关事业单位基本养老保险缴费', initialWan: '310.00', adjustmentWan: '0', actualWan: '305.18', counterparty: '区社会保险基金管理中心', docNo: DOC_NO },
  { unit: 'main', category: 'personnel', project: null, funcCode: '2210201', funcName: '住房公积金', econCode: '30113', econName: '住房公积金', initialWan: '240.00', adjustmentWan: '12.00', actualWan: '248.61', counterparty: '住房公积金管理中心', docNo: DOC_NO },
  { unit: 'main', category: 'public', project: null, funcCode: '2010301', funcName: '行政运行', econCode: '30201', econName: '办公费', initialWan: '120.00', adjustmentWan: '-10.00', actualWan: '98.77', counterparty: '办公用品供应商（示例）', docNo: DOC_NO },
  { unit: 'main', category: 'public', project: null, funcCode: '2010301', funcName: '行政运行', econCode: '30231', econName: '公务用车运行维护费', initialWan: '85.00', adjustmentWan: '0', actualWan: '80.14', counterparty: '公务用车维保单位（示例）', docNo: DOC_NO },
  { unit: 'main', category: 'public', project: null, funcCode: '2010301', funcName: '行政运行', econCode: '30228', econName: '工会经费', initialWan: '36.00', adjustmentWan: '0', actualWan: '35.28', counterparty: '机关工会', docNo: DOC_NO },
  { unit: 'sub', category: 'personnel', project: null, funcCode: '2010350', funcName: '事业运行', econCode: '30107', econName: '绩效工资', initialWan: '450.00', adjustmentWan: '40.00', actualWan: '487.30', counterparty: '事业单位人员绩效工资发放', docNo: DOC_NO },
  { unit: 'sub', category: 'public', project: null, funcCode: '2010350', funcName: '事业运行', econCode: '30209', econName: '物业管理费', initialWan: '180.00', adjustmentWan: '0', actualWan: '142.09', counterparty: '物业服务公司（示例）', docNo: DOC_NO },
  { unit: 'main', category: 'project', project: '城市运行指挥平台运行维护', funcCode: '2010399', funcName: '其他政府办公厅（室）及相关机构事务支出', econCode: '30227', econName: '委托业务费', initialWan: '300.00', adjustmentWan: '30.00', actualWan: '300.50', counterparty: '平台运维服务商（示例）', docNo: DOC_NO },
  { unit: 'main', category: 'project', project: '12345热线工单处置保障', funcCode: '2010399', funcName: '其他政府办公厅（室）及相关机构事务支出', econCode: '30226', econName: '劳务费', initialWan: '160.00', adjustmentWan: '40.25', actualWan: '120.66', counterparty: '热线服务外包单位（示例）', docNo: DOC_NO },
  { unit: 'main', category: 'project', project: '海防管控工作经费', funcCode: '2010399', funcName: '其他政府办公厅（室）及相关机构事务支出', econCode: '30299', econName: '其他商品和服务支出', initialWan: '104.08', adjustmentWan: '10.00', actualWan: '70.55', counterparty: '海防工作经费支付（示例）', docNo: DOC_NO },
];

/** 政府采购: plan 400 万元, actual 390 万元 → 97.5 %. */
export const EXAMPLE_PROCUREMENT = { plannedWan: '400.00', actualWan: '390.00', note: '（示例）全年政府采购计划与实际执行金额。' };

/**
 * Each project's own 产出/效益/满意度 indicators (illustrative figures written for this app). All
 * meet their targets; they print in the report's 项目绩效指标完成情况表 annex. The 故障修复时长 is a
 * 反向 (lower is better) indicator, met because it stays under its target.
 */
export const EXAMPLE_PROJECT_INDICATORS: Array<{
  project: string;
  kind: ProjectIndicatorKind;
  name: string;
  direction: ProjectIndicatorDirection;
  level2: string;
  unit: string;
  target: string;
  actual: string;
}> = [
  { project: '12345热线工单处置保障', kind: 'output', name: '热线工单按时办结率', level2: '时效指标', direction: 'higher', unit: '%', target: '95', actual: '98.6' },
  { project: '12345热线工单处置保障', kind: 'satisfaction', name: '来电群众满意率', level2: '服务对象满意度指标', direction: 'higher', unit: '%', target: '90', actual: '96.2' },
  { project: '城市运行指挥平台运行维护', kind: 'output', name: '平台故障平均修复时长', level2: '质量指标', direction: 'lower', unit: '小时', target: '4', actual: '2.5' },
  { project: '城市运行指挥平台运行维护', kind: 'outcome', name: '接入部门视频与数据资源', level2: '社会效益指标', direction: 'higher', unit: '个', target: '30', actual: '34' },
  { project: '海防管控工作经费', kind: 'output', name: '海防巡查出动', level2: '数量指标', direction: 'higher', unit: '次', target: '120', actual: '126' },
];

/** Each project's 年度总体目标 for its 项目支出绩效自评表 (illustrative texts written for this app). */
export const EXAMPLE_PROJECT_GOALS: Array<{ project: string; goal: string; achievement: string }> = [
  {
    project: '城市运行指挥平台运行维护',
    goal: '保障城市运行指挥平台全年稳定运行，故障及时修复，持续接入各部门视频与数据资源，支撑跨部门联动指挥。',
    achievement: '平台全年运行平稳，故障平均修复时长控制在目标以内，新接入部门资源超过年初计划。',
  },
  {
    project: '12345热线工单处置保障',
    goal: '做好热线工单受理、转办和督办，工单按时办结，来电群众对办理结果基本满意。',
    achievement: '工单按时办结率和来电群众满意率均高于年度指标值；部分外包服务费用因合同结算周期顺延至下年支付。',
  },
  {
    project: '海防管控工作经费',
    goal: '落实海防管控责任，按计划组织海防巡查，保障沿海地区管控秩序稳定。',
    achievement: '全年巡查出动次数超过计划，管控秩序保持稳定；部分装备采购经论证后调整至下年度实施。',
  },
];

export const EXAMPLE_WORK: Array<{ title: string; summary: string; tasks: ExampleTask[] }> = [
  {
    title: '参谋辅政',
    summary: '办文办会、督查督办、综合文稿和政务公开四项工作全年按计划完成。',
    tasks: [
      {
        title: '办文办会',
        description: '优化文件办理流程，全年收编号文件 {{measure.docs_received}} 份，发出文件 {{measure.docs_issued}} 份，组织协调领导参加会议、活动 {{measure.meetings}} 场次，移交文书档案 {{measure.archives}} 件。',
        status: 'done',
        measures: [
          { key: 'docs_received', name: '收编号文件', unit: '份', actual: '21609' },
          { key: 'docs_issued', name: '发出文件', unit: '份', actual: '1258' },
          { key: 'meetings', name: '组织协调领导参加会议、活动', unit: '场次', actual: '2963' },
          { key: 'archives', name: '移交文书档案', unit: '件', actual: '21023' },
        ],
      },
      {
        title: '督查督办',
        description: '梳理年度重点工作 {{measure.key_tasks_tracked}} 项（次），按月、按季督办会议决议事项 {{measure.items_supervised}} 项（次），办理人大建议和政协提案 {{measure.proposals}} 件。',
        status: 'done',
        measures: [
          { key: 'key_tasks_tracked', name: '梳理重点工作', unit: '项（次）', actual: '431' },
          { key: 'items_supervised', name: '督办会议决议事项', unit: '项（次）', actual: '3890' },
          { key: 'proposals', name: '办理人大建议和政协提案', unit: '件', actual: '247' },
        ],
      },
      {
        title: '综合文稿',
        description: '撰写、核改区政府重要文稿 {{measure.manuscripts}} 篇。',
        status: 'done',
        measures: [{ key: 'manuscripts', name: '撰写、核改文稿', unit: '篇', actual: '960' }],
      },
      {
        title: '政务公开与政务信息',
        description: '门户网站发布信息 {{measure.portal_posts}} 条，上报政务信息、政务新闻 {{measure.info_reports}} 条。',
        status: 'done',
        measures: [
          { key: 'portal_posts', name: '门户网站发布信息', unit: '条', actual: '41600' },
          { key: 'info_reports', name: '上报政务信息、政务新闻', unit: '条', actual: '690' },
        ],
      },
    ],
  },
  {
    title: '综合协调与城市运行',
    summary: '值班值守、热线诉求办理、网格化管理、公车管理和外事服务运转顺畅。',
    tasks: [
      {
        title: '12345 热线与网格化服务',
        description: '办结 12345 热线转办工单 {{measure.hotline_orders}} 万宗，网格化办结问题 {{measure.grid_issues}} 万宗。',
        status: 'done',
        measures: [
          { key: 'hotline_orders', name: '办结 12345 热线转办工单', unit: '万宗', actual: '23.36' },
          { key: 'grid_issues', name: '网格化办结问题', unit: '万宗', actual: '106.7' },
        ],
      },
      {
        title: '公务用车管理',
        description: '审核购置公务用车 {{measure.vehicles_reviewed}} 辆，新能源汽车购置率 {{measure.ev_rate}}%，办理租车登记、备案 {{measure.rental_filings}} 宗。',
        status: 'done',
        measures: [
          { key: 'vehicles_reviewed', name: '审核购置公务用车', unit: '辆', actual: '197' },
          { key: 'ev_rate', name: '新能源汽车购置率', unit: '%', actual: '67.11' },
          { key: 'rental_filings', name: '租车登记、备案', unit: '宗', actual: '2608' },
        ],
      },
      {
        title: '外事服务',
        description: '办理来华申请 {{measure.visa_applications}} 人次，为外籍人士接种疫苗 {{measure.foreign_vaccinations}} 剂次。',
        status: 'done',
        measures: [
          { key: 'visa_applications', name: '办理来华申请', unit: '人次', actual: '233' },
          { key: 'foreign_vaccinations', name: '为外籍人士接种疫苗', unit: '剂次', actual: '10324' },
        ],
      },
    ],
  },
  {
    title: '专项工作',
    summary: '疫情防控综合协调和预警信息发布按要求完成。',
    tasks: [
      {
        title: '疫情防控综合协调',
        description: '处理疫情防控文件约 {{measure.epidemic_docs}} 份，按时办复涉疫情案件 {{measure.epidemic_cases}} 宗。',
        status: 'done',
        measures: [
          { key: 'epidemic_docs', name: '处理疫情防控文件', unit: '份', actual: '6000' },
          { key: 'epidemic_cases', name: '按时办复涉疫情案件', unit: '宗', actual: '8006' },
        ],
      },
      {
        title: '预警信息发布',
        description: '依托预警信息发布系统发布各类预警信号 {{measure.warnings}} 次。',
        status: 'done',
        measures: [{ key: 'warnings', name: '发布预警信号', unit: '次', actual: '150' }],
      },
    ],
  },
];

/** Report prose for the example, in this app's own words. Figures appear only as placeholders. */
export const EXAMPLE_SECTIONS: Record<string, string> = {
  performance_goal_management:
    '人事行政科牵头编制、申报和调整绩效目标，按财政部门批复的目标组织运行监控和绩效评价。',
  indicator_management: '各科室为所负责的项目编制绩效目标，设置量化、可考核的指标，并按财政部门安排开展履职效能评价。',
  performance_monitoring: '按季度跟踪预算支出进度和绩效目标完成情况，发现偏差及时通知业务科室纠正。',
  evaluation_overview:
    '{{year}} 年，{{unit.short}}按年度目标履行职责，加强预算收支和内部控制管理，全年支出基本按预算执行，保障了机关正常运转和各项重点工作完成。',
  problems:
    '一是预算编制的准确性有待提高，本年度预算调整率为 {{budget.adjustment_rate}}，主要因人员和工资变动、项目支出难以精确预测；二是部分业务科室对项目预算执行进度关注不够，个别专项经费执行率未达预期。',
  improvements:
    '一是把绩效理念贯穿预算编制和执行全过程，提高预算编制的科学性和准确性；二是加强预算执行跟踪，定期提醒资金量较大的科室加快支出进度，确保绩效目标按期完成。',
};

/** 出错说明 for the 提示 findings the example year raises, by check id. */
export const EXAMPLE_CHECK_EXPLANATIONS: Record<string, string> = {
  'execution.progress': '人员经费按月发放，项目资金按合同节点集中在下半年和年底支付，因此季度累计进度低于均衡进度目标。',
  'yoy.change': '与上年相比的变动已逐项核实，原因见各项目说明。',
  'budget.unspent': '项目按合同节点付款，结余资金按规定收回财政。',
  // The example's key tasks record counts of work done (文件、会议、工单…) with no annual targets.
  'scoring.untargeted-full': '各项重点工作为常态化工作，年初未设定量目标值；完成情况以全年实际办理数量和督查督办台账为依据。',
};

// The example office prints its people's names on the sign lines.
export const EXAMPLE_SIGNATURE = { reportDate: '2022-03-31', printNames: true };
