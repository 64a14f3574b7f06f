import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProjectDb as Database } from '../repository/db';
import { inSavepoint } from '../repository/db';
import { readAreas, readAreaShapes, replaceAreas } from '../repository/areas';

export const DEFAULT_LAYER = 'wards';

export interface AreaFieldMap {
  code: string;
  name: string;
  districtCode?: string;
  districtName?: string;
}

export interface AreaRow {
  code: string;
  name: string;
  districtCode: string | null;
  districtName: string | null;
  population: number | null;
}

/**
 * Guesses which properties hold the area code, name and district from ONS naming
 * (WD25CD/WD25NM, LAD25CD/LAD25NM, and other vintages), so an ONS download loads as is.
 */
export function detectAreaFields(props: Record<string, unknown>): AreaFieldMap | null {
  const keys = Object.keys(props);
  const find = (re: RegExp) => keys.find((k) => re.test(k));
  const code = find(/^WD\d{2}CD$/i) ?? find(/^(ward_?code|code|areacode|area_code)$/i);
  const name = find(/^WD\d{2}NM$/i) ?? find(/^(ward_?name|name|areaname|area_name)$/i);
  if (!code || !name) return null;
  const districtCode = find(/^LAD\d{2}CD$/i) ?? find(/^(district_?code|lad_?code)$/i);
  const districtName = find(/^LAD\d{2}NM$/i) ?? find(/^(district_?name|district|lad_?name)$/i);
  return { code, name, districtCode, districtName };
}

/** Replaces a layer's areas with the polygons of a WGS84 FeatureCollection. */
export function replaceAreaLayer(
  db: Database,
  layer: string,
  fc: FeatureCollection,
  fields: AreaFieldMap,
): number {
  const polys = fc.features.filter(
    (f): f is Feature<Polygon | MultiPolygon> =>
      f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
  // A savepoint, not BEGIN, so a caller can make the replacement part of a larger transaction.
  inSavepoint(db, 'replace_area_layer', () => replaceAreas(db, layer, polys.map((f) => {
    const p = f.properties ?? {};
    return {
      code: String(p[fields.code]),
      name: String(p[fields.name]),
      districtCode: fields.districtCode ? String(p[fields.districtCode] ?? '') || null : null,
      districtName: fields.districtName ? String(p[fields.districtName] ?? '') || null : null,
      geometry: JSON.stringify(f.geometry),
    };
  })));
  return polys.length;
}

export function listAreas(db: Database, layer = DEFAULT_LAYER): AreaRow[] {
  return readAreas(db, layer);
}

/** The layer as a FeatureCollection with code/name/district properties, for maps and indexes. */
export function areaFeatures(db: Database, layer = DEFAULT_LAYER): FeatureCollection<Polygon | MultiPolygon> {
  const rows = readAreaShapes(db, layer);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.code,
      properties: { code: r.code, name: r.name, districtCode: r.districtCode, districtName: r.districtName },
      geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
    })),
  };
}
