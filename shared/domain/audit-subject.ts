import { CHECK_DEFINITIONS } from '../checks/definitions.ts';
import { NARRATIVE_TITLES } from '../report/narrative-sources.ts';
import { AUDIT_ENTITY_LABELS } from './audit.ts';

const SECTION_TITLES: Record<string, string> = {
  ...NARRATIVE_TITLES,
  budget_paragraph: '部门整体收支情况',
  evaluation_summary: '自评得分情况',
};

/**
 * What a 修改记录 entry changed, in words: "报告正文·存在的主要问题" rather than "report_section
 * （编号 1:problems）". Compound keys are read per entity; a plain number stays "编号 N".
 */
export function describeAuditSubject(entity: string, entityId: string): string {
  const label = AUDIT_ENTITY_LABELS[entity] ?? '其他数据';
  if (entity === 'report_section') {
    const key = entityId.slice(entityId.indexOf(':') + 1);
    return `${label}·${SECTION_TITLES[key] ?? key}`;
  }
  if (entity === 'check_explanation') {
    const checkId = entityId.split('|')[0] ?? '';
    const title = CHECK_DEFINITIONS.find((d) => d.id === checkId)?.title;
    return title ? `${label}·${title}` : label;
  }
  return /^\d+$/.test(entityId) ? `${label}（编号 ${entityId}）` : label;
}
