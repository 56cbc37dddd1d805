// Bounds on amounts so that no total the app computes can pass Number.MAX_SAFE_INTEGER fen
// (about 90 万亿元) and lose exactness. One row holds at most 1000 亿元; all rows of one table in
// one year together at most 10 万亿元 (in absolute value), so even a sum over several tables of
// a year stays exact. Both are far above any department's budget.

export const MAX_ROW_FEN = 10_000_000_000_000; // 1000 亿元
export const MAX_YEAR_FEN = 1_000_000_000_000_000; // 10 万亿元
export const MAX_ROW_LABEL = '1000 亿元';
export const MAX_YEAR_LABEL = '10 万亿元';
