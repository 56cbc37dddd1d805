// A numeric cell is an IEEE double: 0.1 + 0.2 is stored as 0.30000000000000004 and 1234.565 as
// 1234.5649999999999. Excel shows 15 significant digits, so that is the decimal the user sees and
// means; we take exactly those digits as text and never multiply the double.

/** Plain decimal text (no exponent, no trailing fraction zeros) of x at 15 significant digits. */
export function doubleToDecimalText(x: number): string | null {
  if (!Number.isFinite(x)) return null;
  if (x === 0) return '0';
  // When the shortest round-trip form has at most 15 significant digits it is exactly the
  // 15-digit value (15 digits always survive decimal → double → decimal), so it can be used as is.
  const shortest = String(x);
  if (shortest.length <= 16 && !shortest.includes('e') && significantDigits(shortest) <= 15) return shortest;
  const [mantissa = '', expText = '0'] = x.toPrecision(15).split('e');
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const dot = unsigned.indexOf('.');
  const digits = dot < 0 ? unsigned : unsigned.slice(0, dot) + unsigned.slice(dot + 1);
  // Position of the decimal point counted from the left of `digits`.
  const point = (dot < 0 ? unsigned.length : dot) + Number(expText);
  let intPart: string;
  let fracPart: string;
  if (point <= 0) {
    intPart = '0';
    fracPart = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    intPart = digits + '0'.repeat(point - digits.length);
    fracPart = '';
  } else {
    intPart = digits.slice(0, point);
    fracPart = digits.slice(point);
  }
  intPart = intPart.replace(/^0+(?=\d)/, '');
  fracPart = fracPart.replace(/0+$/, '');
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  if (/^0(\.0*)?$/.test(body)) return '0';
  return negative ? `-${body}` : body;
}

function significantDigits(plain: string): number {
  let n = 0;
  let leading = true;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    if (leading && c === 48) continue;
    leading = false;
    n++;
  }
  return n;
}
