import type { ProjectDb as Database } from '../repository/db';
import type { MultiPolygon, Polygon } from 'geojson';
import { areaFeatures, listAreas, replaceAreaLayer, type AreaRow } from '../areas/areaLayer';
import { selectCrimePoints } from '../harm/crimePoints';
import type { CrimeFilter } from '../harm/crimeSelection';
import { latticeOf, neighbourOffsets, indexAt, type StudyGrid } from '../hotspots/lattice';
import type { HotspotResult } from '../hotspots/runHotspotAnalysis';
import type { Candidate } from './chooseUnits';
import { bngToWgs84, cellsOutline, wgs84ToBng } from './hotspotGeometry';
import { PolygonIndex, projectRings, ringsCentre } from './polygonIndex';
import type { HotspotChoice } from './types';

/** The area layer holding 2021 LSOA boundaries for plans by LSOA. */
export const LSOA_LAYER = 'lsoa21';

type Outline = Polygon | MultiPolygon;

/** One hotspot before ranking and naming: its units and the figures summed over them. */
export interface HotspotDraft {
  id: string;
  unitIds: string[];
  count: number;
  harm: number;
  giZ: number | null;
  wardCode: string | null;
  bng: Outline;
  wgs: Outline;
  e: number;
  n: number;
}

/** What plan building needs from a kind of unit (grid cells or LSOAs). */
export interface UnitSet {
  word: { one: string; many: string };
  candidates: Candidate[];
  /** Outline, ward and figures of a group of chosen units (one, or several merged). */
  draft(ids: string[], id: string): HotspotDraft;
  /** Unit ids that touch the given one (for merging). */
  touching(id: string): string[];
  /** The unit holding a BNG point, or null. */
  unitAt(e: number, n: number): string | null;
}

export const GI_LEVEL: Record<95 | 99 | 90, number> = { 90: 1, 95: 2, 99: 3 };

export function wardIndex(db: Database): Map<string, AreaRow> {
  return new Map(listAreas(db).map((w) => [w.code, w]));
}

/** Grid cells: every cell with harm above 0 (others can never rank) plus any added by hand. */
export function cellUnits(
  hs: HotspotResult,
  grid: StudyGrid,
  wards: Map<string, AreaRow>,
  choice: HotspotChoice,
): UnitSet {
  const c = hs.cells;
  const level = choice.minGiConfidence === null ? null : GI_LEVEL[choice.minGiConfidence];
  const added = new Set(choice.handAdded);
  const indexOf = new Map<string, number>();
  const candidates: Candidate[] = [];
  for (let k = 0; k < c.n; k++) {
    const id = c.ids[k]!;
    indexOf.set(id, k);
    if (!(c.harm[k]! > 0) && !added.has(id)) continue;
    candidates.push({
      id, count: c.count[k]!, harm: c.harm[k]!, giZ: Number.isFinite(c.z[k]!) ? c.z[k]! : null,
      hot: level === null || c.cls[k]! >= level,
      e: c.cx[k]!, n: c.cy[k]!, districtCode: wards.get(c.areaCode[k]!)?.districtCode ?? null,
    });
  }
  const offsets = neighbourOffsets(grid.shape, grid.size, grid.shape === 'square' ? grid.size * Math.SQRT2 : grid.size);
  return {
    word: { one: 'cell', many: 'cells' },
    candidates,
    touching(id) {
      const k = indexOf.get(id);
      if (k === undefined) return [];
      const out: string[] = [];
      for (let o = 0; o < offsets.length; o += 2) {
        const m = indexAt(grid, grid.ci[k]! + offsets[o]!, grid.cj[k]! + offsets[o + 1]!);
        if (m >= 0 && m !== k) out.push(c.ids[m]!);
      }
      return out;
    },
    draft(ids, id) {
      const ks = ids.map((u) => indexOf.get(u)!);
      // The ward of the hotspot is the ward of its most harmful cell (its centre decides).
      const top = [...ks].sort((a, b) => c.harm[b]! - c.harm[a]! || c.count[b]! - c.count[a]! || (c.ids[a]! < c.ids[b]! ? -1 : 1))[0]!;
      const bng = cellsOutline(grid, ks);
      let giZ: number | null = null;
      for (const k of ks) if (Number.isFinite(c.z[k]!) && (giZ === null || c.z[k]! > giZ)) giZ = c.z[k]!;
      return {
        id, unitIds: ids,
        count: ks.reduce((s, k) => s + c.count[k]!, 0), harm: ks.reduce((s, k) => s + c.harm[k]!, 0), giZ,
        wardCode: c.areaCode[top] || null, bng, wgs: bngToWgs84(bng),
        e: ks.reduce((s, k) => s + c.cx[k]!, 0) / ks.length, n: ks.reduce((s, k) => s + c.cy[k]!, 0) / ks.length,
      };
    },
    unitAt(e, n) {
      const [i, j] = latticeOf(grid.shape, grid.size, e, n);
      const k = indexAt(grid, i, j);
      return k >= 0 ? c.ids[k]! : null;
    },
  };
}

/**
 * 2021 LSOAs: records are counted into the LSOA polygon holding their point; an LSOA passes
 * the Gi* rule when the centre of at least one grid cell hot at that level lies inside it
 * (Gi* itself is computed on the grid, whose equal areas it assumes).
 */
export function lsoaUnits(
  db: Database,
  filter: CrimeFilter,
  hs: HotspotResult,
  wards: Map<string, AreaRow>,
  wardPolys: PolygonIndex,
  wardCodes: string[],
  choice: HotspotChoice,
): UnitSet {
  const fc = areaFeatures(db, LSOA_LAYER);
  if (fc.features.length === 0) {
    throw new Error(
      `The project has no 2021 LSOA boundaries (area layer "${LSOA_LAYER}"): load them before planning by LSOA ` +
        '(the CLI loads the bundled West Yorkshire LSOAs when asked for --units lsoa).',
    );
  }
  const codes = fc.features.map((f) => String(f.properties?.['code']));
  const geoms = fc.features.map((f) => f.geometry);
  const index = new PolygonIndex(geoms.map(projectRings));
  const count = new Float64Array(codes.length), harm = new Float64Array(codes.length), hot = new Uint8Array(codes.length);
  const pts = selectCrimePoints(db, filter);
  for (let r = 0; r < pts.n; r++) {
    if (pts.outOfArea[r]) continue;
    const p = index.find(pts.e[r]!, pts.nn[r]!);
    if (p < 0) continue;
    count[p]! += pts.records[r]!;
    harm[p]! += pts.harm[r]!;
  }
  const level = choice.minGiConfidence === null ? null : GI_LEVEL[choice.minGiConfidence];
  if (level !== null) {
    const c = hs.cells;
    for (let k = 0; k < c.n; k++) {
      if (c.cls[k]! < level) continue;
      const p = index.find(c.cx[k]!, c.cy[k]!);
      if (p >= 0) hot[p] = 1;
    }
  }
  const centres = geoms.map(ringsCentre);
  const wardOf = (e: number, n: number) => {
    const w = wardPolys.find(e, n);
    return w >= 0 ? wardCodes[w]! : null;
  };
  const pos = new Map(codes.map((c, k) => [c, k]));
  const candidates: Candidate[] = codes.map((id, k) => {
    const w = wardOf(centres[k]!.e, centres[k]!.n);
    const props = fc.features[k]!.properties ?? {};
    return {
      id, count: count[k]!, harm: harm[k]!, giZ: null, hot: level === null || hot[k] === 1,
      e: centres[k]!.e, n: centres[k]!.n,
      districtCode: (w ? wards.get(w)?.districtCode : null) ?? ((props['districtCode'] as string | null) || null),
    };
  });
  return {
    word: { one: 'LSOA', many: 'LSOAs' },
    candidates,
    touching: () => [],
    draft(ids, id) {
      const k = pos.get(ids[0]!)!;
      return {
        id, unitIds: ids, count: count[k]!, harm: harm[k]!, giZ: null,
        wardCode: wardOf(centres[k]!.e, centres[k]!.n), bng: wgs84ToBng(geoms[k]!), wgs: geoms[k]!,
        e: centres[k]!.e, n: centres[k]!.n,
      };
    },
    unitAt(e, n) {
      const p = index.find(e, n);
      return p >= 0 ? codes[p]! : null;
    },
  };
}

/**
 * Loads 2021 LSOA boundaries (an ONS GeoJSON in WGS84 with LSOA21CD/LSOA21NM) as the
 * "lsoa21" area layer, so plans can use LSOAs; returns how many were loaded.
 */
export function installLsoaLayer(db: Database, geojsonText: string): number {
  const fc = JSON.parse(geojsonText) as import('geojson').FeatureCollection;
  const props = fc.features[0]?.properties ?? {};
  const code = Object.keys(props).find((k) => /^LSOA\d{2}CD$/i.test(k));
  const name = Object.keys(props).find((k) => /^LSOA\d{2}NM$/i.test(k));
  if (!code || !name) throw new Error('The LSOA file has no LSOA code/name properties (expected e.g. LSOA21CD and LSOA21NM).');
  const district = Object.keys(props).find((k) => /^(LAD\d{2}CD|LADCD_ACTIVE)$/i.test(k));
  return replaceAreaLayer(db, LSOA_LAYER, fc, { code, name, districtCode: district });
}
