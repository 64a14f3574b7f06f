import { cellIndexOfPoint, type StudyGrid } from './lattice';

/** Sample quantile, R's default type 7 (linear interpolation between order statistics). */
export function quantile7(sorted: ArrayLike<number>, prob: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * MASS::bandwidth.nrd: 4 * 1.06 * min(sd, IQR / 1.34) * n^(-1/5), with the sample sd (n - 1)
 * and type-7 quartiles, exactly as MASS computes it. The factor 4 makes it the full support
 * radius of a kernel rather than a normal sd, which is how we use it for the quartic kernel.
 * `counts` gives each value's multiplicity (points standing for several records); the
 * result is the same as on the expanded list of records.
 */
export function bandwidthNrd(values: ArrayLike<number>, counts?: ArrayLike<number>): number {
  const order = Array.from({ length: values.length }, (_, k) => k).sort((a, b) => values[a]! - values[b]!);
  const m = (k: number) => (counts ? counts[k]! : 1);
  let N = 0, mean = 0;
  for (const k of order) { N += m(k); mean += m(k) * values[k]!; }
  if (N < 2) return NaN;
  mean /= N;
  let ss = 0;
  for (const k of order) ss += m(k) * (values[k]! - mean) ** 2;
  const sd = Math.sqrt(ss / (N - 1));
  // Order statistic r (0-based) of the expanded list.
  const cum: number[] = [];
  let c = 0;
  for (const k of order) { c += m(k); cum.push(c); }
  const stat = (r: number) => {
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid]! > r) hi = mid; else lo = mid + 1; }
    return values[order[lo]!]!;
  };
  const q7 = (prob: number) => {
    const h = (N - 1) * prob;
    const lo = Math.floor(h);
    return stat(lo) + (h - lo) * (stat(Math.min(lo + 1, N - 1)) - stat(lo));
  };
  const iqr = (q7(0.75) - q7(0.25)) / 1.34;
  return 4 * 1.06 * Math.min(sd, iqr) * N ** -0.2;
}

/**
 * Default KDE bandwidth in cells: 2 x the cell size (300 m at 150 m). Hotspot policing works on
 * micro-places of a street segment or two; the rule of thumb (bandwidthNrd) spreads over the
 * spread of the whole force's records (kilometres on a force), blurring every street-level
 * hotspot into a district blob. Two cells keep a cluster's shape while smoothing its edges.
 */
export const KDE_DEFAULT_CELLS = 2;

export function defaultKdeBandwidth(cellSize: number): number {
  return KDE_DEFAULT_CELLS * cellSize;
}

/** How the bandwidth was set: the cell-size default, the MASS rule of thumb, or the user's value. */
export type KdeBandwidthRule = 'cells' | 'nrd' | 'user';

export interface KdeResult {
  /** Density at each cell centre, in weight per km^2. */
  density: Float64Array;
  bandwidth: number;
  bandwidthX: number;
  bandwidthY: number;
  /** True unless the user gave a value. */
  automatic: boolean;
  rule: KdeBandwidthRule;
  /** True when points were binned to their cell centres first (see KDE_WORK_BUDGET). */
  binned: boolean;
}

/**
 * Kernel evaluations we allow before binning. Exact KDE costs points x cells-within-h; with
 * 1M points and a force-wide rule-of-thumb bandwidth (~10 km, ~14k cells) that is 10^10.
 * Above the budget each point is moved to its cell's centre first (a shift of at most half a
 * cell diagonal, ~106 m at 150 m, small against a bandwidth many cells wide) and the method says so.
 */
export const KDE_WORK_BUDGET = 2e8;

/**
 * Kernel density at the study-area cell centres with the quartic (biweight) kernel, the
 * crime-mapping convention (CrimeStat, ArcGIS): K(d) = 3 / (pi h^2) * (1 - d^2 / h^2)^2 for
 * d < h, 0 beyond, so each point's weight integrates to 1 over the plane. Radial kernel
 * with one bandwidth h: by default 2 cells (defaultKdeBandwidth); with 'nrd' the mean of
 * bandwidth.nrd on eastings and on northings (what R sfhotspot::hotspot_kde does) over all
 * records (`records` = records per point, default 1); or the user's value in metres. The
 * rule-of-thumb values are always returned, for the method statement. `weight` is each point's total harm. Each point visits only the
 * cells within h, through the lattice index.
 */
export function kdeOnGrid(
  grid: StudyGrid,
  e: ArrayLike<number>,
  n: ArrayLike<number>,
  weight: ArrayLike<number>,
  bandwidth?: number | 'nrd',
  records?: ArrayLike<number>,
): KdeResult {
  const bandwidthX = bandwidthNrd(e, records);
  const bandwidthY = bandwidthNrd(n, records);
  const rule: KdeBandwidthRule = bandwidth === undefined ? 'cells' : bandwidth === 'nrd' ? 'nrd' : 'user';
  const automatic = rule !== 'user';
  const h = rule === 'cells' ? defaultKdeBandwidth(grid.size) : rule === 'nrd' ? (bandwidthX + bandwidthY) / 2 : (bandwidth as number);
  const density = new Float64Array(grid.n);
  if (!(h > 0)) return { density, bandwidth: h, bandwidthX, bandwidthY, automatic, rule, binned: false };
  const { size, shape, iMin, jMin, iSpan, jSpan, lookup, cx, cy } = grid;
  let xs: ArrayLike<number> = e, ys: ArrayLike<number> = n, ws: ArrayLike<number> = weight;
  const cellsPerKernel = (Math.PI * h * h) / (shape === 'square' ? size * size : (Math.sqrt(3) / 2) * size * size);
  const binned = xs.length * cellsPerKernel > KDE_WORK_BUDGET;
  if (binned) {
    const byCell = new Float64Array(grid.n);
    const bx: number[] = [], by: number[] = [], bw: number[] = [];
    for (let p = 0; p < xs.length; p++) {
      if (!Number.isFinite(xs[p]!) || !Number.isFinite(ys[p]!) || !(ws[p]! > 0)) continue;
      const k = cellIndexOfPoint(grid, xs[p]!, ys[p]!);
      if (k >= 0) byCell[k]! += ws[p]!;
      else { bx.push(xs[p]!); by.push(ys[p]!); bw.push(ws[p]!); } // outside cells: keep exact
    }
    for (let k = 0; k < grid.n; k++) if (byCell[k]! > 0) { bx.push(cx[k]!); by.push(cy[k]!); bw.push(byCell[k]!); }
    xs = bx;
    ys = by;
    ws = bw;
  }
  const rowStep = shape === 'square' ? size : size * (Math.sqrt(3) / 2);
  const rowOffset = shape === 'square' ? 0.5 * size : 0;
  const h2 = h * h;
  const norm = (3 / (Math.PI * h2)) * 1e6; // per m^2 -> per km^2
  for (let p = 0; p < xs.length; p++) {
    const x = xs[p]!, y = ys[p]!, w = ws[p]!;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !(w > 0)) continue;
    const j0 = Math.max(jMin, Math.ceil((y - h - rowOffset) / rowStep));
    const j1 = Math.min(jMin + jSpan - 1, Math.floor((y + h - rowOffset) / rowStep));
    for (let j = j0; j <= j1; j++) {
      const shift = shape === 'square' ? 0.5 : j / 2; // centre x = (i + shift) * size
      const i0 = Math.max(iMin, Math.ceil((x - h) / size - shift));
      const i1 = Math.min(iMin + iSpan - 1, Math.floor((x + h) / size - shift));
      const rowBase = (j - jMin) * iSpan - iMin;
      for (let i = i0; i <= i1; i++) {
        const k = lookup[rowBase + i]!;
        if (k < 0) continue;
        const dx = cx[k]! - x, dy = cy[k]! - y;
        const d2 = dx * dx + dy * dy;
        if (d2 >= h2) continue;
        const t = 1 - d2 / h2;
        density[k]! += w * norm * t * t;
      }
    }
  }
  return { density, bandwidth: h, bandwidthX, bandwidthY, automatic, rule, binned };
}
