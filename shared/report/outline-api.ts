import { z } from 'zod';
import { id } from '../api/fields.ts';
import { OutlineDocSchema } from './outline.ts';
import { SHIPPED_OUTLINE_IDS } from './shipped-outlines.ts';

// The outline methods' inputs and outputs, for the typed API contract.

export const ShippedOutlineIdSchema = z.enum(SHIPPED_OUTLINE_IDS, { error: '未知的内置提纲' });

export const YearOutline = z.object({
  yearId: id('年度'),
  doc: OutlineDocSchema,
  /** False while the year has never saved an outline and prints with the default one. */
  stored: z.boolean(),
});
export type YearOutline = z.infer<typeof YearOutline>;

export const ShippedOutline = z.object({ id: ShippedOutlineIdSchema, doc: OutlineDocSchema });
export type ShippedOutline = z.infer<typeof ShippedOutline>;

/** The editor's document is checked by the service (with messages naming the place), not here. */
export const SaveOutlineInput = z.object({ yearId: id('年度'), doc: z.unknown() }).strict();
export const CopyOutlineInput = z.object({ yearId: id('年度'), fromYearId: id('来源年度') }).strict();
export const ResetOutlineInput = z.object({ yearId: id('年度'), shippedId: ShippedOutlineIdSchema }).strict();
export const ImportOutlineInput = z.object({ yearId: id('年度'), json: z.string().max(2_000_000) }).strict();
export const ExportedOutline = z.object({ fileName: z.string(), json: z.string() });
