/**
 * The areas of an evaluation as sets of cells on the plan's grid: the buffer ring around a
 * set of cells, and the next-ranked control cells. Working in whole cells (not buffered
 * polygons) keeps every crime in exactly one area and lets the control be chosen from the
 * same cells the plan ranked.
 */
import { parseSquareCellId, squareCellId, squareCentre, squareRing } from '../hotspots/bngGrid';
import { hexCellId, hexCentre, hexRing, parseHexCellId } from '../hotspots/hexGrid';
import type { CellShape } from '../hotspots/lattice';

/** A cell on the plan's lattice: (i, j) = (col, row) for squares, axial (q, r) for hexes. */
export interface GridSpec {
  shape: CellShape;
  size: number;
}

export const cellKey = (i: number, j: number): string => `${i},${j}`;

export function cellIdOfKey(g: GridSpec, key: string): string {
  const [i, j] = key.split(',').map(Number) as [number, number];
  return g.shape === 'square' ? squareCellId(g.size, i, j) : hexCellId(g.size, i, j);
}

/** Lattice key of a cell id on this grid, or null when the id is not a cell of this grid. */
export function keyOfCellId(g: GridSpec, id: string): string | null {
  if (g.shape === 'square') {
    const p = parseSquareCellId(id);
    return p && Math.abs(p.size - g.size) < 1e-9 ? cellKey(p.col, p.row) : null;
  }
  const p = parseHexCellId(id);
  return p && Math.abs(p.size - g.size) < 1e-9 ? cellKey(p.q, p.r) : null;
}

function centre(g: GridSpec, key: string): [number, number] {
  const [i, j] = key.split(',').map(Number) as [number, number];
  return g.shape === 'square' ? squareCentre(g.size, i, j) : hexCentre(g.size, i, j);
}

function ring(g: GridSpec, key: string): [number, number][] {
  const [i, j] = key.split(',').map(Number) as [number, number];
  return g.shape === 'square' ? squareRing(g.size, i, j) : hexRing(g.size, i, j);
}

const SQUARE_STEPS: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]];
const HEX_STEPS: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, -1], [-1, 1]];

function segmentDistance(px: number, py: number, a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

/**
 * Cells whose centres lie within `metres` of the outline of `core` (measured to the nearest
 * cell edge), excluding the core cells and any cell in `exclude`. Found by walking outwards
 * from the core, so only nearby cells are ever measured.
 */
export function bufferRing(g: GridSpec, core: Set<string>, metres: number, exclude: Set<string> = new Set()): Set<string> {
  const out = new Set<string>();
  if (metres <= 0 || core.size === 0) return out;
  const rings = [...core].map((k) => ring(g, k));
  const distance = (k: string): number => {
    const [x, y] = centre(g, k);
    let best = Infinity;
    for (const r of rings) for (let s = 0; s + 1 < r.length; s++) best = Math.min(best, segmentDistance(x, y, r[s]!, r[s + 1]!));
    return best;
  };
  const steps = g.shape === 'square' ? SQUARE_STEPS : HEX_STEPS;
  // Walk a little beyond the ring (one cell) so cells reached only past a just-outside cell are found.
  const reach = metres + g.size * 1.5;
  const seen = new Set(core);
  const queue = [...core];
  const tolerance = 1e-9 * Math.max(1, metres);
  while (queue.length) {
    const [i, j] = queue.pop()!.split(',').map(Number) as [number, number];
    for (const [di, dj] of steps) {
      const k = cellKey(i + di, j + dj);
      if (seen.has(k)) continue;
      seen.add(k);
      const d = distance(k);
      if (d <= reach) queue.push(k);
      if (d <= metres + tolerance && !exclude.has(k)) out.add(k);
    }
  }
  return out;
}

export interface CellTotals {
  count: number;
  harm: number;
}

/**
 * The `n` cells with most harm (then most records, then by id) among `totals`, skipping
 * `exclude`: the plan's own ranking rule applied to the cells it did not choose.
 */
export function nextRanked(g: GridSpec, totals: Map<string, CellTotals>, n: number, exclude: Set<string>): string[] {
  return [...totals.entries()]
    .filter(([k, t]) => !exclude.has(k) && t.count > 0)
    .map(([k, t]) => ({ k, id: cellIdOfKey(g, k), ...t }))
    .sort((a, b) => b.harm - a.harm || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, n)
    .map((c) => c.k);
}
