/**
 * Quantile class breaks over the non-zero values, so a few extreme wards don't wash out the
 * rest. Returns the upper bounds of each class; zero gets its own class (index -1).
 */
export function quantileBreaks(values: number[], classes: number): number[] {
  const v = values.filter((x) => x > 0).sort((a, b) => a - b);
  if (v.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 1; k <= classes; k++) {
    const b = v[Math.min(v.length - 1, Math.ceil((k / classes) * v.length) - 1)]!;
    if (breaks.length === 0 || b > breaks[breaks.length - 1]!) breaks.push(b);
  }
  return breaks;
}

export function classOf(value: number, breaks: number[]): number {
  if (value <= 0) return -1;
  const i = breaks.findIndex((b) => value <= b);
  return i < 0 ? breaks.length - 1 : i;
}

export function formatNumber(x: number, digits = 0): string {
  return x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
