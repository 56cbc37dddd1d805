// The unit a file states its amounts in. Every amount becomes fen by shifting the decimal point,
// so 万元 keeps six decimals (one fen) and 元 two.

export const AMOUNT_SCALES = ['yuan', 'thousand', 'wan'] as const;
export type AmountScale = (typeof AMOUNT_SCALES)[number];

export const AMOUNT_SCALE_LABELS: Record<AmountScale, string> = { yuan: '元', thousand: '千元', wan: '万元' };

/** Decimal places between the unit and fen: 元 → 2, 千元 → 5, 万元 → 6. */
export const SCALE_SHIFT: Record<AmountScale, number> = { yuan: 2, thousand: 5, wan: 6 };
