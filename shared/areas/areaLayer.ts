import type { Database } from 'sql.js';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { queryAll } from '../project/projectDb';

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
  db.exec('SAVEPOINT replace_area_layer');
  try {
    db.run('DELETE FROM areas WHERE layer = ?', [layer]);
    const stmt = db.prepare(
      `INSERT INTO areas(layer, code, name, district_code, district_name, geometry)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const f of polys) {
      const p = f.properties ?? {};
      stmt.run([
        layer,
        String(p[fields.code]),
        String(p[fields.name]),
        fields.districtCode ? String(p[fields.districtCode] ?? '') || null : null,
        fields.districtName ? String(p[fields.districtName] ?? '') || null : null,
        JSON.stringify(f.geometry),
      ]);
    }
    stmt.free();
    db.exec('RELEASE replace_area_layer');
  } catch (e) {
    db.exec('ROLLBACK TO replace_area_layer');
    db.exec('RELEASE replace_area_layer');
    throw e;
  }
  return polys.length;
}

export function listAreas(db: Database, layer = DEFAULT_LAYER): AreaRow[] {
  return queryAll<AreaRow>(
    db,
    `SELECT code, name, district_code AS districtCode, district_name AS districtName, population
     FROM areas WHERE layer = ? ORDER BY district_name, name`,
    [layer],
  );
}

/** The layer as a FeatureCollection with code/name/district properties, for maps and indexes. */
export function areaFeatures(db: Database, layer = DEFAULT_LAYER): FeatureCollection<Polygon | MultiPolygon> {
  const rows = queryAll<{ code: string; name: string; district_code: string | null; district_name: string | null; geometry: string }>(
    db,
    'SELECT code, name, district_code, district_name, geometry FROM areas WHERE layer = ? ORDER BY code',
    [layer],
  );
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.code,
      properties: { code: r.code, name: r.name, districtCode: r.district_code, districtName: r.district_name },
      geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
    })),
  };
}
