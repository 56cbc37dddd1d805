import { Button, Checkbox, Flex, Select, Tag } from 'antd';
import type { CategoryFilter, DrillFilter } from '../../../../shared/budget/schemas.ts';
import type { Project } from '../../../../shared/domain/budget-line.ts';
import type { Unit } from '../../../../shared/domain/organization.ts';
import type { ImportBatch } from '../../../../shared/import/schemas.ts';
import { CATEGORY_LABELS, DIRECTION_LABELS, FUNDING_SOURCE_LABELS, FUNDING_SOURCES, type FundingSource } from '../../../../shared/domain/enums.ts';
import { DebouncedInput } from './DebouncedInput.tsx';

interface Props {
  filter: DrillFilter;
  onChange(filter: DrillFilter): void;
  units: Unit[];
  projects: Project[];
  batches: ImportBatch[];
}

function batchLabel(b: ImportBatch): string {
  const sheet = b.sheetName ? ` · ${b.sheetName}` : '';
  const reverted = b.status === 'reverted' ? '（已撤销）' : '';
  return `#${b.id} ${b.fileName}${sheet}（${b.rowsImported} 行）${reverted}`;
}

const NO_PROJECT = 0;
const CATEGORY_OPTIONS: Array<{ value: CategoryFilter; label: string }> = [
  { value: 'basic', label: '基本支出（人员＋公用）' },
  { value: 'personnel', label: CATEGORY_LABELS.personnel },
  { value: 'public', label: CATEGORY_LABELS.public },
  { value: 'project', label: CATEGORY_LABELS.project },
  { value: 'unclassified', label: '未分类' },
];

/** Filter conditions the bar has no control for (they arrive with a jump from 预算执行 or 审核). */
function extraTags(f: DrillFilter): Array<{ key: keyof DrillFilter; label: string }> {
  const out: Array<{ key: keyof DrillFilter; label: string }> = [];
  if (f.period !== undefined) out.push({ key: 'period', label: `期间 ${f.period}` });
  if (f.quarter !== undefined) out.push({ key: 'quarter', label: `第 ${f.quarter} 季度` });
  if (f.budgetLineId !== undefined) out.push({ key: 'budgetLineId', label: `预算指标 #${f.budgetLineId}` });
  if (f.econCode !== undefined) out.push({ key: 'econCode', label: `经济分类编码 = ${f.econCode || '（未填写）'}` });
  if (f.funcCode !== undefined) out.push({ key: 'funcCode', label: `功能分类编码 = ${f.funcCode || '（未填写）'}` });
  if (f.direction !== undefined) out.push({ key: 'direction', label: `仅${DIRECTION_LABELS[f.direction]}` });
  if (f.outsideYearOnly) out.push({ key: 'outsideYearOnly', label: '日期不在本年度' });
  return out;
}

function without(f: DrillFilter, key: keyof DrillFilter): DrillFilter {
  const next = { ...f };
  delete next[key];
  return next;
}

function withValue<K extends keyof DrillFilter>(f: DrillFilter, key: K, value: DrillFilter[K] | undefined): DrillFilter {
  return value === undefined ? without(f, key) : { ...f, [key]: value };
}

/** The 支出明细 filter bar: every control edits one field of the DrillFilter. */
export function LedgerFilters({ filter: f, onChange, units, projects, batches }: Props) {
  const set = <K extends keyof DrillFilter>(key: K, value: DrillFilter[K] | undefined) => onChange(withValue(f, key, value));
  const extras = extraTags(f);
  const hasAny = Object.keys(f).length > 0;
  return (
    <Flex vertical gap={8} data-testid="ledger-filters">
      <Flex gap={8} wrap align="center">
        <Select<number>
          allowClear
          placeholder="单位"
          style={{ width: 200 }}
          value={f.unitId}
          onChange={(v) => set('unitId', v ?? undefined)}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="filter-unit"
        />
        <Select<number>
          allowClear
          placeholder="月份"
          style={{ width: 100 }}
          value={f.month}
          onChange={(v) => set('month', v ?? undefined)}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1} 月` }))}
          data-testid="filter-month"
        />
        <Select<CategoryFilter>
          allowClear
          placeholder="支出类别"
          style={{ width: 190 }}
          value={f.category}
          onChange={(v) => set('category', v ?? undefined)}
          options={CATEGORY_OPTIONS}
          data-testid="filter-category"
        />
        <Select<FundingSource>
          allowClear
          placeholder="资金来源"
          style={{ width: 200 }}
          value={f.fundingSource}
          onChange={(v) => set('fundingSource', v ?? undefined)}
          options={FUNDING_SOURCES.map((s) => ({ value: s, label: FUNDING_SOURCE_LABELS[s] }))}
          data-testid="filter-funding"
        />
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="项目"
          style={{ width: 220 }}
          value={f.projectId === undefined ? undefined : (f.projectId ?? NO_PROJECT)}
          onChange={(v) => set('projectId', v === undefined ? undefined : v === NO_PROJECT ? null : v)}
          options={[{ value: NO_PROJECT, label: '（未指定项目）' }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
          data-testid="filter-project"
        />
      </Flex>
      <Flex gap={8} wrap align="center">
        <DebouncedInput
          value={f.econPrefix ?? ''}
          onCommit={(v) => set('econPrefix', v.trim() || undefined)}
          valid={(v) => /^\d{0,7}$/.test(v.trim())}
          placeholder="经济分类编码（前几位）"
          style={{ width: 180 }}
          testId="filter-econ"
        />
        <DebouncedInput
          value={f.funcPrefix ?? ''}
          onCommit={(v) => set('funcPrefix', v.trim() || undefined)}
          valid={(v) => /^\d{0,7}$/.test(v.trim())}
          placeholder="功能分类编码（前几位）"
          style={{ width: 180 }}
          testId="filter-func"
        />
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="导入批次"
          style={{ width: 240 }}
          value={f.batchId}
          onChange={(v) => set('batchId', v ?? undefined)}
          options={batches.map((b) => ({ value: b.id, label: batchLabel(b) }))}
          notFoundContent="本年度没有导入批次"
          data-testid="filter-batch"
        />
        <DebouncedInput
          value={f.text ?? ''}
          onCommit={(v) => set('text', v.trim() || undefined)}
          valid={(v) => v.length <= 100}
          placeholder="搜索摘要、对方户名、凭证号"
          style={{ width: 240 }}
          testId="filter-text"
          allowClear
        />
        <Checkbox checked={f.unmatchedOnly === true} onChange={(e) => set('unmatchedOnly', e.target.checked ? true : undefined)} data-testid="filter-unmatched">
          仅未关联预算指标
        </Checkbox>
        {hasAny && (
          <Button size="small" onClick={() => onChange({})} data-testid="filter-clear">
            清除全部条件
          </Button>
        )}
      </Flex>
      {extras.length > 0 && (
        <Flex gap={4} wrap align="center">
          <span style={{ color: 'rgba(0,0,0,0.55)' }}>其他条件：</span>
          {extras.map((t) => (
            <Tag key={t.key} closable onClose={() => onChange(without(f, t.key))} color="blue">
              {t.label}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
