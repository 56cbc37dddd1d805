import type { Unit } from './organization.ts';

/**
 * The 机构设置 sentence of the report, from the units and internal offices:
 * "…单位独立编制机构数 2 个，包括行政单位 1 个，下属事业单位 1 个。内设机构包括…等 8 个科室。"
 */
export function organizationSentence(departmentName: string, units: Unit[], offices: string[]): string {
  const admin = units.filter((u) => u.kind === 'admin').length;
  const inst = units.filter((u) => u.kind === 'institution').length;
  const parts: string[] = [];
  if (admin > 0) parts.push(`行政单位 ${admin} 个`);
  if (inst > 0) parts.push(`下属事业单位 ${inst} 个`);
  let s = `${departmentName}单位独立编制机构数 ${units.length} 个`;
  s += parts.length > 0 ? `，包括${parts.join('，')}。` : '。';
  if (offices.length > 0) s += `内设机构包括${offices.join('、')}等 ${offices.length} 个科室。`;
  return s;
}
