import { booleanPointInPolygon } from '@turf/turf';
import type { ProjectDb as Database } from '../repository/db';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DEFAULT_LAYER, listAreas } from '../areas/areaLayer';
import { bngToLonLat } from '../geo/bng';
import type { CellShape, StudyGrid } from './lattice';
import { studyGridFor } from './projectGrid';
import { assembleGrid } from './studyArea';

/**
 * Which cells a hotspot analysis is about. Gi*'s mean and variance are taken over exactly
 * these cells, so a Leeds-only run is not diluted by empty Bradford cells.
 */
export type StudyAreaSpec =
  | { kind: 'force' }
  | { kind: 'districts'; districts: string[] }
  | { kind: 'polygon'; name: string; geometry: FeatureCollection<Polygon | MultiPolygon> };

export interface ChosenStudyArea {
  grid: StudyGrid;
  /** Plain words for the method statement. */
  label: string;
  /** District names inside the area (for coverage warnings). */
  districts: string[];
}

/** Keeps the cells for which keep(k) is true, in the same order, with a fresh lattice index. */
export function subsetGrid(grid: StudyGrid, keep: (k: number) => boolean): StudyGrid {
  const ci: number[] = [], cj: number[] = [], ca: number[] = [];
  for (let k = 0; k < grid.n; k++) {
    if (!keep(k)) continue;
    ci.push(grid.ci[k]!); cj.push(grid.cj[k]!); ca.push(grid.area[k]!);
  }
  return assembleGrid(grid.shape, grid.size, ci, cj, ca, grid.areaCodes);
}

function districtOf(db: Database, layer: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of listAreas(db, layer)) m.set(a.code, a.districtName ?? a.districtCode ?? '');
  return m;
}

/** The project's districts (policing districts: local authorities in West Yorkshire), sorted. */
export function listDistricts(db: Database, layer = DEFAULT_LAYER): string[] {
  return [...new Set([...districtOf(db, layer).values()].filter(Boolean))].sort();
}

export function chooseStudyArea(
  db: Database, shape: CellShape, size: number, spec: StudyAreaSpec = { kind: 'force' }, layer = DEFAULT_LAYER,
): ChosenStudyArea {
  const force = studyGridFor(db, shape, size, layer);
  const wardDistrict = districtOf(db, layer);
  const all = listDistricts(db, layer);
  if (spec.kind === 'force') {
    return { grid: force, label: `the whole force area (all ${all.length} districts)`, districts: all };
  }
  if (spec.kind === 'districts') {
    const wanted = new Map(all.map((d) => [d.toLowerCase(), d]));
    const chosen: string[] = [];
    for (const d of spec.districts) {
      const hit = wanted.get(d.trim().toLowerCase());
      if (!hit) throw new Error(`No district "${d}" in this project's wards (districts: ${all.join(', ')}).`);
      if (!chosen.includes(hit)) chosen.push(hit);
    }
    if (chosen.length === 0) throw new Error('Choose at least one district for the study area.');
    const set = new Set(chosen);
    const grid = subsetGrid(force, (k) => set.has(wardDistrict.get(force.areaCodes[force.area[k]!]!) ?? ''));
    return { grid, label: `district${chosen.length > 1 ? 's' : ''} ${chosen.join(', ')}`, districts: chosen.sort() };
  }
  const polys = spec.geometry.features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  if (polys.length === 0) throw new Error(`The study-area file "${spec.name}" has no polygons.`);
  const inside = (k: number) => {
    const [lon, lat] = bngToLonLat(force.cx[k]!, force.cy[k]!);
    return polys.some((f) => booleanPointInPolygon([lon, lat], f));
  };
  const grid = subsetGrid(force, inside);
  if (grid.n === 0) throw new Error(`The study-area polygon "${spec.name}" contains no cell centre of the force's wards: is it in WGS84 and inside the force?`);
  const districts = [...new Set(Array.from(grid.area, (a) => wardDistrict.get(grid.areaCodes[a]!) ?? '').filter(Boolean))].sort();
  return { grid, label: `the polygon "${spec.name}" (cells of the force's wards whose centre lies inside it)`, districts };
}

/**
 * Districts of the study area that hold records of the selection, so a month of Leeds data
 * run over the whole force can say "records fall in 1 of 5 districts" and offer Leeds alone.
 */
export function districtCoverage(db: Database, area: ChosenStudyArea, cellCounts: Float64Array, layer = DEFAULT_LAYER): { withData: string[]; warning: string | null } {
  const wardDistrict = districtOf(db, layer);
  const seen = new Map<string, number>();
  const { grid } = area;
  for (let k = 0; k < grid.n; k++) {
    if (!(cellCounts[k]! > 0)) continue;
    const d = wardDistrict.get(grid.areaCodes[grid.area[k]!]!);
    if (d) seen.set(d, (seen.get(d) ?? 0) + cellCounts[k]!);
  }
  const total = [...seen.values()].reduce((s, v) => s + v, 0);
  // A district with under 1% of the records is treated as not covered (strays near a boundary).
  const withData = area.districts.filter((d) => (seen.get(d) ?? 0) > 0.01 * total);
  if (area.districts.length <= 1 || withData.length === area.districts.length || withData.length === 0) return { withData, warning: null };
  return {
    withData,
    warning: `Records fall in ${withData.length} of ${area.districts.length} districts (${withData.join(', ')}): ` +
      `the empty districts' cells lower the Gi* mean and make more cells look hot. Restrict the study area to ${withData.length === 1 ? 'that district' : 'those districts'}.`,
  };
}
