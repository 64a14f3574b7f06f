export interface Concentration {
  total: number;
  cells: number;
  /** Fewest cells that hold at least 50% (25%) of the total, and that number as a share of all cells. */
  cellsFor50: number;
  shareFor50: number;
  cellsFor25: number;
  shareFor25: number;
  /** Lorenz (concentration) curve, cells sorted by value descending: cumulative share of cells vs of value. */
  lorenz: { cellShare: number; valueShare: number }[];
}

/**
 * How concentrated harm is across cells ("the power few"). Shares are of ALL study-area
 * cells, zeros included. The curve has a point every 0.5% of cells up to 10%, then every 5%.
 */
export function concentration(values: ArrayLike<number>): Concentration {
  const n = values.length;
  const sorted = Float64Array.from(values).sort().reverse();
  let total = 0;
  for (let k = 0; k < n; k++) total += sorted[k]!;
  const cum = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) cum[k + 1] = cum[k]! + sorted[k]!;
  const cellsFor = (share: number) => {
    if (!(total > 0)) return 0;
    const target = share * total;
    let lo = 1, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! >= target - 1e-12 * total) hi = mid; else lo = mid + 1;
    }
    return lo;
  };
  const c50 = cellsFor(0.5);
  const c25 = cellsFor(0.25);
  const steps: number[] = [];
  for (let s = 0; s <= 100; s += 0.5) if (s <= 10 || s % 5 === 0) steps.push(s / 100);
  const lorenz = steps.map((s) => {
    const k = Math.round(s * n);
    return { cellShare: n ? k / n : 0, valueShare: total > 0 ? cum[k]! / total : 0 };
  });
  return {
    total, cells: n,
    cellsFor50: c50, shareFor50: n ? c50 / n : 0,
    cellsFor25: c25, shareFor25: n ? c25 / n : 0,
    lorenz,
  };
}

/**
 * Predictive Accuracy Index, PAI = (n / N) / (a / A): share of the value (crime or harm)
 * captured by the chosen cells over their share of the study area. All cells have the same
 * area, so a / A = chosen cells / all cells. Null when N = 0 or no cell is chosen (undefined,
 * not 0 or Infinity).
 */
export function pai(values: ArrayLike<number>, chosen: ArrayLike<number>): number | null {
  let N = 0, v = 0, a = 0;
  for (let k = 0; k < values.length; k++) {
    N += values[k]!;
    if (chosen[k]) { v += values[k]!; a++; }
  }
  if (!(N > 0) || a === 0) return null;
  return v / N / (a / values.length);
}

/**
 * The k cells with the highest values, as a 0/1 mask for pai(): "the top 20 cells" the
 * Grip trials patrolled. Ties at the cut-off go to the lower cell index, so the set is
 * deterministic; cells with 0 are never chosen.
 */
export function topCells(values: ArrayLike<number>, k: number): Uint8Array {
  const order = Array.from({ length: values.length }, (_, i) => i)
    .filter((i) => values[i]! > 0)
    .sort((a, b) => values[b]! - values[a]! || a - b);
  const mask = new Uint8Array(values.length);
  for (const i of order.slice(0, Math.max(0, k))) mask[i] = 1;
  return mask;
}
