import { z } from 'zod';
import { id } from '../api/fields.ts';

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  department: '部门',
  unit: '单位',
  fiscal_year: '年度',
  department_profile: '部门概况',
  project: '项目',
  project_indicator: '项目绩效指标',
  project_eval: '项目自评目标与权重',
  project_eval_rules: '项目自评规则',
  budget_line: '预算指标',
  ledger_txn: '支出记录',
  ledger_auto_link: '支出自动关联预算指标',
  procurement_summary: '政府采购',
  procurement_item: '政府采购明细',
  work_area: '工作领域',
  work_task: '工作任务',
  task_measure: '成果指标',
  indicator_score: '绩效评分',
  framework: '指标体系',
  report_section: '报告正文',
  report_outline: '报告提纲',
  signature_block: '签章信息',
  import_batch: '导入批次',
  check_explanation: '出错说明',
  execution_target: '季度进度目标',
  app_setting: '设置',
  code_name: '科目代码',
  classification_rule: '分类规则',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  undo: '撤销',
  finalize: '定稿',
  reopen: '重新打开',
  restore: '恢复',
};

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  yearId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** Whether the undo service can reverse this entry now (it is the entity's latest change). */
  undoable: z.boolean(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z
  .object({
    yearId: id('年度').nullable(),
    entity: z.string().max(50).nullable(),
    entityId: z.string().max(50).nullable(),
    limit: z.number().int().min(1).max(500),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;
