import type { CheckDefinition } from './check-definition.ts';
import { categoryEconMismatchFindings, invalidCodeFindings, missingCodeFindings, unlistedCodeFindings } from './evaluate-codes.ts';
import {
  adjustmentRateFindings,
  negativeBudgetFindings,
  negativeLineBalanceFindings,
  negativeSpendingFindings,
  overExecutionFindings,
  progressFindings,
  unspentLineFindings,
} from './evaluate-execution.ts';
import { unclassifiedFindings, unmatchedFindings } from './evaluate-linking.ts';
import { outsideYearFindings } from './evaluate-periods.ts';
import { untargetedFullMarksFindings, unwrittenSectionFindings } from './evaluate-report.ts';
import { displayRoundingFindings, partsSumFindings } from './evaluate-sums.ts';
import { yearChangeFindings } from './evaluate-year-change.ts';

// The 审核公式 table, in the order the 审核 page lists them. 强制 (mandatory) findings block
// finalizing until fixed; 提示 (advisory) findings need a written 出错说明 (check_explanation).
// Ids are stored with explanations: never rename one.

export const CHECK_DEFINITIONS: readonly CheckDefinition[] = [
  {
    id: 'sum.parts',
    severity: 'mandatory',
    title: '分项之和与合计不符',
    description: '预算数、支出数按类别、资金来源、经济分类、功能分类、月份、单位的分项之和，必须与合计数一致（精确到分）。',
    template: '{what}：分项之和 {parts}，合计 {total}，相差 {diff}。请联系技术支持核查数据文件。',
    evaluate: partsSumFindings,
  },
  {
    id: 'period.outside-year',
    severity: 'mandatory',
    title: '支出日期不在本年度',
    description: '支出明细的日期必须在本年度 1 月 1 日至 12 月 31 日之间。',
    template: '有 {count} 笔支出日期在 {period}，不属于 {year} 年度，合计 {amount}。请改正日期或删除这些记录。',
    evaluate: outsideYearFindings,
  },
  {
    id: 'codes.invalid',
    severity: 'mandatory',
    title: '分类编码无效',
    description:
      '功能分类应为以 2 开头的 3/5/7 位数字，经济分类应为以 3 或 5 开头的 3/5 位数字（本单位已填写名称的编码除外）。格式正确但不在科目表中的编码只作提示（见“分类编码不在科目表中”）。',
    template: '{source}中的{kind}编码“{code}”无效（{detail}），涉及 {count} 条记录，金额 {amount}。',
    evaluate: invalidCodeFindings,
  },
  {
    id: 'budget.negative',
    severity: 'mandatory',
    title: '调整后预算为负数',
    description: '一条预算指标的调整后预算（年初预算＋调整数）不能小于 0。',
    template: '预算指标“{what}”年初预算 {initial}，调整数 {adjustment}，调整后预算 {final}为负数。',
    evaluate: negativeBudgetFindings,
  },
  {
    id: 'report.unwritten',
    severity: 'mandatory',
    title: '报告正文尚未填写',
    description: '本年度报告提纲中需要填写的段落（存在的问题、改进措施、自定义段落等；标为“无内容时省略”的除外）不能为空。',
    template: '报告“{section}”尚未填写。请在“报告”页填写这一部分后再定稿。',
    evaluate: unwrittenSectionFindings,
  },
  {
    id: 'sum.display',
    severity: 'advisory',
    title: '四舍五入尾差',
    description: '以万元列示时，分项之和与合计可能相差 0.01 万元；报告中会注明以合计数为准。',
    template: '{what}按万元列示为 {parts}，与合计 {total} 万元相差 {gap} 万元（四舍五入尾差）。',
    evaluate: displayRoundingFindings,
  },
  {
    id: 'execution.over',
    severity: 'advisory',
    title: '执行率超过 100%',
    description: '部门、单位、支出类别或项目的支出超过调整后预算数。',
    template: '{what}：支出 {actual}，超过调整后预算 {final}（执行率 {rate}），超出 {excess}。',
    evaluate: overExecutionFindings,
  },
  {
    id: 'balance.negative-line',
    severity: 'advisory',
    title: '预算指标结余为负数',
    description: '关联到一条预算指标的支出超过该指标的调整后预算。',
    template: '预算指标“{what}”调整后预算 {final}，已关联支出 {actual}，结余 {balance}。',
    evaluate: negativeLineBalanceFindings,
  },
  {
    id: 'spending.negative',
    severity: 'advisory',
    title: '支出净额为负数',
    description: '同一单位、类别、经济分类的红字冲销超过了支出，可能漏导入了原始支出。',
    template: '{unit}{category}经济分类 {econ} 的支出净额为 {amount}（{count} 笔），冲销多于支出。',
    evaluate: negativeSpendingFindings,
  },
  {
    id: 'ledger.unclassified',
    severity: 'mandatory',
    title: '支出未分类',
    description:
      '没有经济分类、项目或类别，分类规则也未匹配的支出（多为银行流水）。它们不属于基本支出或项目支出，报告中的支出结构因此对不上，须先分类。',
    template:
      '{unit}有 {count} 笔支出（合计 {amount}）尚未分类。请在“支出明细”中选中这些记录，批量设置经济分类、类别或项目；也可在“分类规则”中添加规则，以后导入时自动分类。',
    evaluate: unclassifiedFindings,
  },
  {
    id: 'link.unmatched',
    severity: 'advisory',
    title: '支出未关联预算指标',
    description: '按单位、资金来源、类别、项目、功能和经济分类找不到唯一一条预算指标的支出。',
    template:
      '{unit}有 {count} 笔支出（合计 {amount}）未关联预算指标：{noMatch} 笔找不到对应指标，{ambiguous} 笔对应多条指标，{linkable} 笔可自动关联（在“预算执行”页点“自动关联”）。',
    evaluate: unmatchedFindings,
  },
  {
    id: 'budget.unspent',
    severity: 'advisory',
    title: '预算指标全年无支出',
    description: '有预算但没有任何关联支出的指标。',
    template: '预算指标“{what}”调整后预算 {final}，全年没有关联的支出。',
    evaluate: unspentLineFindings,
  },
  {
    id: 'codes.unlisted',
    severity: 'advisory',
    title: '分类编码不在科目表中',
    description: '编码格式正确，但程序自带的科目表、本单位导入或填写的科目代码和导入数据中都没有它的名称（包括类级科目也不在科目表中的编码）。每个编码只提示一次。',
    template:
      '{source}中的{kind}编码“{code}”{detail}，涉及 {count} 条记录，金额 {amount}。如编码无误，请在“科目代码”页填写它的名称或导入本单位的科目表，此后不再提示。',
    evaluate: unlistedCodeFindings,
  },
  {
    id: 'codes.missing',
    severity: 'advisory',
    title: '分类编码未填写',
    description: '预算指标或支出明细没有填写功能分类或经济分类编码。',
    template: '{source}中有 {count} 条记录{kind}编码{detail}，金额 {amount}。',
    evaluate: missingCodeFindings,
  },
  {
    id: 'category.econ-mismatch',
    severity: 'advisory',
    title: '支出类别与经济分类不一致',
    description: '人员经费应为经济分类 301、303，公用经费为基本支出中的其他经济分类。',
    template: '{source}中有 {count} 条“{category}”记录使用经济分类 {econClass}（金额 {amount}），按经济分类应属于“{expected}”。',
    evaluate: categoryEconMismatchFindings,
  },
  {
    id: 'execution.progress',
    severity: 'advisory',
    title: '支出进度低于季度目标',
    description: '季度末累计执行率低于该季度的进度目标（默认 25%/50%/75%/100%，可在“预算执行”页修改）。',
    template: '第 {quarter} 季度末累计支出 {cumulativeAmount}（执行率 {cumulative}），低于{targetName} {target}（{targetAmount}{targetNote}），差 {gap}。',
    evaluate: progressFindings,
  },
  {
    id: 'budget.adjustment-rate',
    severity: 'advisory',
    title: '预算调整率偏高',
    description: '预算调整率（调整数 ÷ 年初预算数）达到 30% 及以上时需要说明原因。',
    template: '预算调整率为 {rate}（调整数 {adjustment} ÷ 年初预算 {initial}），达到 {limit}，请说明调整原因。',
    evaluate: adjustmentRateFindings,
  },
  {
    id: 'yoy.change',
    severity: 'advisory',
    title: '与上年相比变动较大',
    description: '支出总额、类别、资金来源或经济分类类级与上年相比变动 30% 以上且超过 10 万元。',
    template: '{what}：本年支出 {current}，{lastYear} 年 {last}，{change}（{rate}）。',
    evaluate: yearChangeFindings,
  },
  {
    id: 'scoring.untargeted-full',
    severity: 'advisory',
    title: '重点工作任务未设目标值却得满分',
    description: '以年度工作任务完成情况计分的指标得了满分，但有的任务没有任何设定目标值的成果指标，完成情况无法用数据核实。',
    template:
      '指标“{indicator}”得满分 {score} 分，但{tasks}工作任务（共 {total} 项）未设目标值，完成情况无法用数据核实。请在“年度工作”中为这些任务的成果指标填写目标值，或说明依据。',
    evaluate: untargetedFullMarksFindings,
  },
];

export function checkDefinition(id: string): CheckDefinition | undefined {
  return CHECK_DEFINITIONS.find((d) => d.id === id);
}
