/**
 * Benjamini-Hochberg false-discovery-rate adjustment, identical to R's
 * p.adjust(p, method = "BH"): q_(i) = min_{k >= i} min(1, m / k * p_(k)) over p sorted
 * ascending. A cell is significant at FDR level alpha exactly when q <= alpha, which is the
 * BH step-up rule (and what ArcGIS's FDR option does at each confidence level).
 * NaN p-values (undefined z) are left out of m and stay NaN, like R's na.rm handling.
 *
 * Tied p-values always get the same q (the running minimum from the top passes through the
 * whole tie), so q depends on the value alone: we sort the values natively (no comparator,
 * ~10x faster on 90k cells) and look each one up by binary search.
 */
export function bhAdjust(p: ArrayLike<number>): Float64Array {
  const n = p.length;
  const out = new Float64Array(n).fill(NaN);
  const sorted = Float64Array.from(Array.prototype.filter.call(p, (v: number) => !Number.isNaN(v)) as number[]).sort();
  const m = sorted.length;
  if (m === 0) return out;
  const q = new Float64Array(m);
  let running = Infinity;
  for (let r = m - 1; r >= 0; r--) {
    const v = Math.min(1, (m / (r + 1)) * sorted[r]!);
    if (v < running) running = v;
    q[r] = running;
  }
  for (let i = 0; i < n; i++) {
    const v = p[i]!;
    if (Number.isNaN(v)) continue;
    let lo = 0, hi = m - 1; // first index with sorted[idx] >= v (it is equal)
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1; else hi = mid;
    }
    out[i] = q[lo]!;
  }
  return out;
}
