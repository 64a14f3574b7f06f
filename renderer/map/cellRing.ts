import { bngToLonLat } from '../../shared/geo/bng';
import { parseSquareCellId, squareRing } from '../../shared/hotspots/bngGrid';
import { hexRing, parseHexCellId } from '../../shared/hotspots/hexGrid';

/** WGS84 outline of a grid cell from its id alone (square or hex); null for other ids. */
export function cellRingFromId(id: string): [number, number][] | null {
  const sq = parseSquareCellId(id);
  if (sq) return squareRing(sq.size, sq.col, sq.row).map(([e, n]) => bngToLonLat(e, n));
  const hx = parseHexCellId(id);
  return hx ? hexRing(hx.size, hx.q, hx.r).map(([e, n]) => bngToLonLat(e, n)) : null;
}

/** Middle of a ring's north edge: a popup opened from a list row points there, leaving the cell in view below it. */
export function ringTop(ring: [number, number][]): [number, number] {
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, Math.max(...pts.map((p) => p[1]))];
}
