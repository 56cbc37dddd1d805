// Scores are integer centi-points; printed without trailing zeros the way reports write them
// ("45 分", "15.26 分", "12.8 分").

export function formatCenti(centi: number): string {
  if (!Number.isSafeInteger(centi)) throw new RangeError(`分数必须是整数（百分之一分）：${centi}`);
  const neg = centi < 0;
  const abs = Math.abs(centi);
  const int = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  const body = frac === '' ? String(int) : `${int}.${frac}`;
  return neg ? `-${body}` : body;
}

/** Always two decimals, for table columns: 4500 → "45.00". */
export function formatCentiFixed(centi: number): string {
  if (!Number.isSafeInteger(centi)) throw new RangeError(`分数必须是整数（百分之一分）：${centi}`);
  const abs = Math.abs(centi);
  const body = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return centi < 0 ? `-${body}` : body;
}
