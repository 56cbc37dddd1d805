import type { DrillFilter } from '../../../../shared/budget/schemas.ts';

/** What a click on a figure asks for: the transactions behind it, with a title saying which. */
export interface Drill {
  title: string;
  filter: DrillFilter;
}

/** Adds the page's unit scope to a row's filter (breakdown filters name only their own dimension). */
export function scopedFilter(filter: DrillFilter, unitId: number | undefined): DrillFilter {
  return unitId !== undefined && filter.unitId === undefined ? { ...filter, unitId } : filter;
}
