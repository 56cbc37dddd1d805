import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../../shared/import/fields.ts';
import { matchHeader } from '../../../shared/import/header-synonyms.ts';
import { IMPORT_TEMPLATES } from '../../../shared/import/import-templates.ts';
import { PROCUREMENT_TEMPLATE, procurementColumnOf } from '../../../shared/procurement/procurement-table.ts';

describe('import templates', () => {
  it.each(Object.keys(IMPORT_TEMPLATES) as ImportTarget[])('%s: every header is recognised as its own field, once', (target) => {
    const columns = IMPORT_TEMPLATES[target].columns;
    for (const c of columns) expect([c.header, matchHeader(c.header, target)?.field]).toEqual([c.header, c.field]);
    expect(new Set(columns.map((c) => c.field)).size).toBe(columns.length);
  });
});

describe('政府采购 template', () => {
  it('every header is recognised as its own column', () => {
    for (const c of PROCUREMENT_TEMPLATE.columns) expect([c.header, procurementColumnOf(c.header)]).toEqual([c.header, c.field]);
  });
});
