import { fmt } from './bngGrid';

/**
 * Pointy-top hexagons anchored at the BNG origin, in axial coordinates (q, r).
 * `size` is the distance between the centres of neighbouring hexagons (the flat-to-flat
 * width), so a "150 m" hex grid has the same neighbour spacing as 150 m squares; each hex
 * covers sqrt(3)/2 * size^2 (about 19,486 m^2 at 150 m, vs 22,500 m^2 for a square).
 *
 * Centre of (q, r): E = size * (q + r / 2), N = size * sqrt(3) / 2 * r. Hex (0, 0) is centred on
 * BNG (0, 0), so ids are stable across runs and data sets like the square ids.
 * Id format: HX{size}_Q{q}_R{r}, e.g. HX150_Q2513_R3384.
 */
const ROW_STEP = Math.sqrt(3) / 2;

export function hexCellId(size: number, q: number, r: number): string {
  return `HX${fmt(size)}_Q${q}_R${r}`;
}

export function hexCentre(size: number, q: number, r: number): [number, number] {
  return [size * (q + r / 2), size * ROW_STEP * r];
}

/** The hexagon holding a BNG point (cube-coordinate rounding). */
export function hexCellOf(size: number, e: number, n: number): [number, number] {
  const fr = n / (size * ROW_STEP);
  const fq = e / size - fr / 2;
  const fs = -fq - fr;
  let q = Math.round(fq);
  let r = Math.round(fr);
  const s = Math.round(fs);
  const dq = Math.abs(q - fq);
  const dr = Math.abs(r - fr);
  const ds = Math.abs(s - fs);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return [q, r];
}

/** Corner ring (BNG, closed, counter-clockwise) of a hexagon. */
export function hexRing(size: number, q: number, r: number): [number, number][] {
  const [cx, cy] = hexCentre(size, q, r);
  const radius = size / Math.sqrt(3); // centre to corner
  const ring: [number, number][] = [];
  for (let k = 0; k < 6; k++) {
    const a = (Math.PI / 180) * (60 * k - 30);
    ring.push([cx + radius * Math.cos(a), cy + radius * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return ring;
}

export function parseHexCellId(id: string): { size: number; q: number; r: number } | null {
  const m = /^HX(\d+(?:\.\d+)?)_Q(-?\d+)_R(-?\d+)$/.exec(id);
  return m ? { size: Number(m[1]), q: Number(m[2]), r: Number(m[3]) } : null;
}
