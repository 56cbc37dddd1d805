import guangdong from '../../resources/outlines/guangdong.json' with { type: 'json' };
import hunan from '../../resources/outlines/hunan.json' with { type: 'json' };
import mof from '../../resources/outlines/mof.json' with { type: 'json' };
import { type OutlineDoc, OutlineFileSchema } from './outline.ts';

// The outlines shipped in resources/outlines (their sources are named in the README there). The
// Guangdong one is what the app printed before outlines were data, and stays the default.

export const SHIPPED_OUTLINE_IDS = ['guangdong', 'hunan', 'mof'] as const;
export type ShippedOutlineId = (typeof SHIPPED_OUTLINE_IDS)[number];

function load(file: unknown): OutlineDoc {
  const { format: _f, formatVersion: _v, ...doc } = OutlineFileSchema.parse(file);
  return doc;
}

export const SHIPPED_OUTLINES: Record<ShippedOutlineId, OutlineDoc> = {
  guangdong: load(guangdong),
  hunan: load(hunan),
  mof: load(mof),
};

export const DEFAULT_OUTLINE_ID: ShippedOutlineId = 'guangdong';
export const DEFAULT_OUTLINE: OutlineDoc = SHIPPED_OUTLINES[DEFAULT_OUTLINE_ID];
