/** A decimal number, or NaN for text, blanks and partial numbers ("12abc"). */
export function parseNumber(s: string | undefined): number {
  if (s === undefined) return NaN;
  const v = Number(s);
  if (v === 0 && s.trim() === '') return NaN;
  return v;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * parseNumber(s.slice(from, to)) without making the slice, for the tens of millions of
 * coordinates of a fix file. Plain decimals of up to 15 digits are read here: the digits
 * form an exact integer and one division by an exact power of ten rounds correctly, so the
 * result is the same double Number() gives. Anything else (exponents, spaces, long digit runs)
 * goes to Number().
 */
export function parseDecimalIn(s: string, from: number, to: number): number {
  let i = from;
  let neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45 || c0 === 43) { neg = c0 === 45; i++; }
  let m = 0, digitsSeen = 0, frac = 0, dot = false;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digitsSeen++;
      if (dot) frac++;
    } else if (c === 46 && !dot) {
      dot = true;
    } else {
      return parseNumber(s.slice(from, to));
    }
  }
  if (digitsSeen === 0 || digitsSeen > 15) return from === to ? NaN : parseNumber(s.slice(from, to));
  const v = frac === 0 ? m : m / POW10[frac]!;
  return neg ? -v : v;
}
