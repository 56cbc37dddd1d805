// Dividing a weight in whole centi-points without losing or inventing a centi: each part gets the
// floor of its exact share and the centis left over go one each to the parts with the largest
// remainders (earlier parts first on ties), so the parts always add up to the whole.

export function splitCenti(totalCenti: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (shares.length === 0) return [];
  if (sum === 0) return splitCenti(totalCenti, shares.map(() => 1));
  const exact = shares.map((s) => ({ floor: Math.floor((totalCenti * s) / sum), rest: (totalCenti * s) % sum }));
  let left = totalCenti - exact.reduce((a, e) => a + e.floor, 0);
  const order = exact.map((e, i) => ({ i, rest: e.rest })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const out = exact.map((e) => e.floor);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}
