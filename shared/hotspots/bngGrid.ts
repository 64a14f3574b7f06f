/**
 * Square cells aligned to the British National Grid. Cell (col, row) has its south-west
 * corner at (col * size, row * size) in metres, so a cell's id depends only on its corner
 * and the size: the same 150 m cell has the same id in every run, data set and quarter,
 * which the quarterly returns need (a hotspot keeps its id).
 *
 * Id format: SQ{size}_E{corner easting}_N{corner northing}, e.g. SQ150_E415100_N439650.
 */
export function squareCellId(size: number, col: number, row: number): string {
  return `SQ${fmt(size)}_E${fmt(col * size)}_N${fmt(row * size)}`;
}

/** The lattice column/row of the cell holding a BNG point (edges belong to the cell east/north). */
export function squareCellOf(size: number, e: number, n: number): [number, number] {
  return [Math.floor(e / size), Math.floor(n / size)];
}

export function squareCentre(size: number, col: number, row: number): [number, number] {
  return [(col + 0.5) * size, (row + 0.5) * size];
}

/** Corner ring (BNG, closed, counter-clockwise) of a square cell. */
export function squareRing(size: number, col: number, row: number): [number, number][] {
  const e = col * size;
  const n = row * size;
  return [[e, n], [e + size, n], [e + size, n + size], [e, n + size], [e, n]];
}

/** Parses an SQ id back to size and lattice position; null when it is not one. */
export function parseSquareCellId(id: string): { size: number; col: number; row: number } | null {
  const m = /^SQ(\d+(?:\.\d+)?)_E(-?\d+(?:\.\d+)?)_N(-?\d+(?:\.\d+)?)$/.exec(id);
  if (!m) return null;
  const size = Number(m[1]);
  return { size, col: Math.round(Number(m[2]) / size), row: Math.round(Number(m[3]) / size) };
}

/** Integers print plainly; fractional sizes keep up to 3 decimals (mm), never exponents. */
export function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}
