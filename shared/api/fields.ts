import { z } from 'zod';
import { MAX_ROW_FEN, MAX_ROW_LABEL } from '../money/limits.ts';

// Messages zod writes itself (wrong types the builders below do not label) come out in Chinese too.
z.config(z.locales.zhCN());

// Field builders that carry their Chinese label into every validation message, so a bad value is
// reported as "单位名称不能为空" rather than a generic type error.

export const id = (label = '编号') =>
  z.number({ error: `${label}必须是数字` }).int({ error: `${label}必须是整数` }).positive({ error: `${label}无效` });

export const text = (label: string, max = 2000) =>
  z.string({ error: `${label}必须是文字` }).max(max, { error: `${label}不能超过 ${max} 个字` });

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });

export const count = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(1_000_000_000, { error: `${label}过大` });

/** Integer fen within the per-row limit (shared/money/limits.ts), so totals stay exact. */
export const fen = (label: string) =>
  z
    .number({ error: `${label}必须是金额` })
    .int({ error: `${label}必须精确到分` })
    .min(-MAX_ROW_FEN, { error: `${label}超出单行金额上限（绝对值不超过 ${MAX_ROW_LABEL}）` })
    .max(MAX_ROW_FEN, { error: `${label}超出单行金额上限（不超过 ${MAX_ROW_LABEL}）` });

export const nonNegativeFen = (label: string) => fen(label).min(0, { error: `${label}不能为负数` });

/** Whether `text` is YYYY-MM-DD and a day that exists (no 2021-13-45, no 2021-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export const fiscalYear = () =>
  z
    .number({ error: '年度必须是数字' })
    .int({ error: '年度必须是整数' })
    .min(2000, { error: '年度必须在 2000 至 2100 之间' })
    .max(2100, { error: '年度必须在 2000 至 2100 之间' });

export const isoDate = (label: string) =>
  z
    .string({ error: `${label}必须是日期` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` })
    .refine(isCalendarDate, { error: (i) => `${label} ${String(i.input)} 不是有效的日期` });

/** Decimal text for non-money measures ("21609", "23.36", "67.11"). */
export const decimalText = (label: string) =>
  z
    .string({ error: `${label}必须是数字` })
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, { error: `${label}必须是数字（如 21609 或 23.36）` });

export const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label}的取值无效` });

export const flag = (label: string) => z.boolean({ error: `${label}必须是“是”或“否”` });
