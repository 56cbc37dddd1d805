// 定性指标: three bands of the weight — 达成年度指标 [0.8w, w], 部分达成并具有一定效果 [0.6w, 0.8w),
// 未达成且效果较差 [0, 0.6w) — and the user picks the score inside the chosen band.

export const BANDS = ['achieved', 'partial', 'not_achieved'] as const;
export type Band = (typeof BANDS)[number];

export const BAND_LABELS: Record<Band, string> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  not_achieved: '未达成年度指标且效果较差',
};

export interface CentiRange {
  min: number;
  max: number;
}

/** ceil(weight × tenths / 10) without floats. */
function ceilTenths(weightCenti: number, tenths: number): number {
  return Math.ceil((weightCenti * tenths) / 10);
}

/** The centi scores allowed in a band, or null when the band holds no whole centi (tiny weights). */
export function bandRange(band: Band, weightCenti: number): CentiRange | null {
  const eighty = ceilTenths(weightCenti, 8);
  const sixty = ceilTenths(weightCenti, 6);
  const range =
    band === 'achieved'
      ? { min: eighty, max: weightCenti }
      : band === 'partial'
        ? { min: sixty, max: eighty - 1 }
        : { min: 0, max: sixty - 1 };
  return range.min <= range.max ? range : null;
}

export function isInBand(band: Band, scoreCenti: number, weightCenti: number): boolean {
  const range = bandRange(band, weightCenti);
  return range !== null && Number.isInteger(scoreCenti) && scoreCenti >= range.min && scoreCenti <= range.max;
}

/** The band a chosen score belongs to (used to check a score typed without a band). */
export function bandOf(scoreCenti: number, weightCenti: number): Band | null {
  return BANDS.find((b) => isInBand(b, scoreCenti, weightCenti)) ?? null;
}
