import { z } from 'zod';
import { CATEGORIES } from './enums.ts';

const Amounts = z.object({
  initialFen: z.number().int(),
  adjustmentFen: z.number().int(),
  finalFen: z.number().int(),
  actualFen: z.number().int(),
});
export type Amounts = z.infer<typeof Amounts>;

// Budget and spending by 支出类别 for the whole department, the first 预算 page's table.
export const CategoryTotals = z.object({
  rows: z.array(Amounts.extend({ category: z.enum(CATEGORIES) })),
  total: Amounts,
});
export type CategoryTotals = z.infer<typeof CategoryTotals>;
