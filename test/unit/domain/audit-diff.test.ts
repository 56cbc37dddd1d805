import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../shared/domain/audit-diff.ts';
import { organizationSentence } from '../../../shared/domain/organization-text.ts';
import type { Unit } from '../../../shared/domain/organization.ts';

describe('describeChange', () => {
  it('lists only the fields that changed, in Chinese, with money in 万元 and labels for codes', () => {
    expect(describeChange({ initialFen: 8_200_000_000, note: '' }, { initialFen: 8_300_000_000, note: null })).toEqual(['年初预算：8200.00 万元 → 8300.00 万元']);
    expect(describeChange(null, { band: 'achieved', chosenScoreCenti: 300, basis: '' })).toEqual(['评价等级：（空） → 达成年度指标', '评分：（空） → 3 分']);
    expect(describeChange({ status: 'done' }, { status: 'partial' })).toEqual(['完成情况：完成 → 部分完成']);
  });
});

describe('organizationSentence', () => {
  const unit = (kind: Unit['kind']): Unit => ({ id: 1, name: 'x', code: '', kind, isPrimary: false, headName: '', financeHeadName: '', preparerName: '', phone: '', sortOrder: 0 });
  it('writes the 机构设置 sentence from units and offices', () => {
    expect(organizationSentence('某区政府办公室', [unit('admin'), unit('institution')], ['秘书科', '综合科'])).toBe(
      '某区政府办公室单位独立编制机构数 2 个，包括行政单位 1 个，下属事业单位 1 个。内设机构包括秘书科、综合科等 2 个科室。',
    );
    expect(organizationSentence('某办', [], [])).toBe('某办单位独立编制机构数 0 个。');
  });
});
