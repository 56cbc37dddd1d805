import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ENTITY_LABELS } from '../../../shared/domain/audit.ts';
import { describeAuditSubject } from '../../../shared/domain/audit-subject.ts';

/** Every entity name the services write into the audit log (`entity: '…'` in electron/). */
function auditedEntities(dir = 'electron'): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    if (!text.includes('writeAudit')) continue;
    for (const m of text.matchAll(/entity: '([a-z_]+)'/g)) found.add(m[1]!);
  }
  return found;
}

describe('修改记录 in words', () => {
  it('has a Chinese name for every entity the services record', () => {
    const entities = auditedEntities();
    expect(entities.size).toBeGreaterThan(10);
    expect([...entities].filter((e) => !(e in AUDIT_ENTITY_LABELS))).toEqual([]);
  });

  it.each([
    ['report_section', '1:problems', '报告正文·存在的主要问题'],
    ['report_section', '3:budget_paragraph', '报告正文·部门整体收支情况'],
    ['check_explanation', 'execution.over|line:12', '出错说明·执行率超过 100%'],
    ['budget_line', '42', '预算指标（编号 42）'],
    ['no_such_table', '7', '其他数据（编号 7）'],
  ])('%s %s → %s', (entity, id, words) => {
    expect(describeAuditSubject(entity, id)).toBe(words);
  });
});
