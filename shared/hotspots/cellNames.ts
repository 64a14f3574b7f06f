import type { ProjectDb as Database } from '../repository/db';
import type { CrimeFilter } from '../harm/crimeSelection';
import { parseSquareCellId, squareCellId } from './bngGrid';
import { commonLocations } from './commonLocations';
import { hexCellId, parseHexCellId } from './hexGrid';
import { latticeOf, type CellShape } from './lattice';

/** police.uk's anonymised points are "On or near <street>"; the street is what people read. */
const ON_OR_NEAR = /^on or near\s+/i;

/** The street of a police.uk location text ("On or near Boar Lane" -> "Boar Lane"); other texts unchanged. */
export function streetOf(location: string): string {
  const s = location.replace(ON_OR_NEAR, '').trim();
  return s || location;
}

/**
 * A street name per grid cell: the most frequent police.uk location among the cell's records
 * that pass `filter` (period, crime types, category set), with "On or near" dropped; null for a
 * cell with no such record, or an id that is not a grid cell id. Aligned with `cellIds`.
 * One pass over the records (commonLocations), however many cells are named.
 */
export function cellStreetNames(db: Database, cellIds: readonly string[], filter: CrimeFilter): (string | null)[] {
  const index = new Map<string, number>();
  const lattices = new Map<string, { shape: CellShape; size: number }>();
  cellIds.forEach((id, k) => {
    const sq = parseSquareCellId(id);
    const hx = sq ? null : parseHexCellId(id);
    if (!sq && !hx) return;
    const shape: CellShape = sq ? 'square' : 'hex';
    const size = sq ? sq.size : hx!.size;
    lattices.set(`${shape}:${size}`, { shape, size });
    if (!index.has(id)) index.set(id, k);
  });
  if (index.size === 0) return cellIds.map(() => null);
  const grids = [...lattices.values()];
  const unique = [...new Set(index.values())];
  const slot = new Map(unique.map((k, s) => [k, s]));
  const hotspotAt = (e: number, n: number): number => {
    for (const { shape, size } of grids) {
      const [i, j] = latticeOf(shape, size, e, n);
      const k = index.get(shape === 'square' ? squareCellId(size, i, j) : hexCellId(size, i, j));
      if (k !== undefined) return slot.get(k)!;
    }
    return -1;
  };
  const names = commonLocations(db, filter, unique.length, hotspotAt);
  return cellIds.map((id) => {
    const k = index.get(id);
    const name = k === undefined ? null : names[slot.get(k)!]!;
    return name === null ? null : streetOf(name);
  });
}
