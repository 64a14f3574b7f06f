import { featureCollection, polygon, union } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bngToLonLat, lonLatToBng } from '../geo/bng';
import { cellRingAt, type StudyGrid } from '../hotspots/lattice';

type Outline = Polygon | MultiPolygon;

/** 7 decimals of a degree is about 1 cm: enough for officers' devices, no float noise in files. */
const round7 = (v: number) => Number(v.toFixed(7));

function mapCoords(g: Outline, f: (p: Position) => Position): Outline {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(f))) };
}

export function bngToWgs84(g: Outline): Outline {
  return mapCoords(g, (p) => bngToLonLat(p[0]!, p[1]!).map(round7));
}

export function wgs84ToBng(g: Outline): Outline {
  return mapCoords(g, (p) => lonLatToBng(p[0]!, p[1]!).map((v) => Number(v.toFixed(2))));
}

/**
 * The outline of one or more grid cells in BNG metres. Several cells are dissolved into one
 * outline (shared edges removed; cells touching only at a corner stay separate parts), so a
 * merged hotspot is drawn and geofenced as the place it is, not as a mosaic.
 */
export function cellsOutline(grid: StudyGrid, cellIndexes: number[]): Outline {
  const polys = cellIndexes.map((k) => [cellRingAt(grid, k).map(([e, n]) => [e, n])]);
  if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0]! };
  const merged = union(featureCollection(polys.map((p) => polygon(p))));
  if (!merged) return { type: 'MultiPolygon', coordinates: polys };
  // Lattice corners are exact multiples of the cell size: remove the clipper's float noise.
  return mapCoords(merged.geometry, (p) => p.map((v) => Math.round(v * 1000) / 1000));
}
