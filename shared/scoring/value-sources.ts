// Where an indicator's value comes from. Data sources are computed from the year's records; the user
// cannot type over them (an override with 得分依据 is the way to depart from the data).

export const VALUE_SOURCES = ['manual', 'budget_execution', 'budget_adjustment', 'procurement', 'work_tasks', 'project_indicators', 'project_eval_average'] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];

export const VALUE_SOURCE_LABELS: Record<ValueSource, string> = {
  manual: '手工填报',
  budget_execution: '来自预算执行',
  budget_adjustment: '来自预算指标',
  procurement: '来自政府采购计划',
  work_tasks: '来自年度工作',
  project_indicators: '来自项目绩效指标',
  project_eval_average: '项目自评平均分',
};

/** What the user must do when a data source has nothing to compute from. */
export const VALUE_SOURCE_MISSING: Record<Exclude<ValueSource, 'manual'>, string> = {
  budget_execution: '调整后预算数为 0，无法计算预算执行率：请先在“预算指标”中录入或导入本年度预算',
  budget_adjustment: '年初预算数为 0，无法计算预算调整率：请先在“预算指标”中录入或导入本年度预算',
  procurement: '尚未填写政府采购计划金额，无法计算政府采购执行率：请在“政府采购”中填写计划数和实际数',
  work_tasks: '年度工作中尚无工作任务，无法计算重点工作任务完成率：请先在“年度工作”中录入任务',
  project_indicators:
    '尚无同时填写了指标值和实际完成值的项目绩效指标，无法计算项目绩效目标完成率：请在“年度工作”的项目绩效指标中填写',
  project_eval_average: '尚无有预算的项目，无法计算项目自评平均分：请先在“预算指标”中录入项目预算，并在“项目自评”中填报',
};

export function isDataSource(source: ValueSource): source is Exclude<ValueSource, 'manual'> {
  return source !== 'manual';
}
