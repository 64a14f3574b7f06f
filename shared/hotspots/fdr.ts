/**
 * Benjamini-Hochberg false-discovery-rate adjustment, identical to R's
 * p.adjust(p, method = "BH"): q_(i) = min_{k >= i} min(1, m / k * p_(k)) over p sorted
 * ascending. A cell is significant at FDR level alpha exactly when q <= alpha, which is the
 * BH step-up rule (and what ArcGIS's FDR option does at each confidence level).
 * NaN p-values (undefined z) are left out of m and stay NaN, like R's na.rm handling.
 */
export function bhAdjust(p: ArrayLike<number>): Float64Array {
  const n = p.length;
  const out = new Float64Array(n).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(p[i]!)) idx.push(i);
  const m = idx.length;
  if (m === 0) return out;
  // Sort descending by p; stable on index so ties are deterministic.
  idx.sort((a, b) => p[b]! - p[a]! || a - b);
  let running = Infinity;
  for (let r = 0; r < m; r++) {
    const i = idx[r]!;
    const rank = m - r; // 1-based rank in ascending order
    const v = Math.min(1, (m / rank) * p[i]!);
    if (v < running) running = v;
    out[i] = running;
  }
  return out;
}
