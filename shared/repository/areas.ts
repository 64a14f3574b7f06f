import { queryAll } from '../project/projectDb';
import type { ProjectDb } from './db';

/** An area of a layer as lists and tables show it (no geometry). */
export interface AreaRecord {
  code: string;
  name: string;
  districtCode: string | null;
  districtName: string | null;
  population: number | null;
}

/** An area with its geometry as stored (GeoJSON text, WGS84). */
export interface AreaShapeRow {
  code: string;
  name: string;
  districtCode: string | null;
  districtName: string | null;
  geometry: string;
}

/** The areas of a layer, by district name then name. */
export function readAreas(db: ProjectDb, layer: string): AreaRecord[] {
  return queryAll<AreaRecord>(
    db,
    `SELECT code, name, district_code AS districtCode, district_name AS districtName, population
     FROM areas WHERE layer = ? ORDER BY district_name, name`,
    [layer],
  );
}

/** The areas of a layer with their geometry text, by code. */
export function readAreaShapes(db: ProjectDb, layer: string): AreaShapeRow[] {
  return queryAll<AreaShapeRow>(
    db,
    `SELECT code, name, district_code AS districtCode, district_name AS districtName, geometry
     FROM areas WHERE layer = ? ORDER BY code`,
    [layer],
  );
}

export function readAreaCodes(db: ProjectDb, layer: string): Set<string> {
  return new Set(queryAll<{ code: string }>(db, 'SELECT code FROM areas WHERE layer = ?', [layer]).map((r) => r.code));
}

/** Area code -> district name (null when the area has none). */
export function readAreaDistricts(db: ProjectDb, layer: string): Map<string, string | null> {
  return new Map((db.exec('SELECT code, district_name FROM areas WHERE layer = ?', [layer])[0]?.values ?? []) as [string, string | null][]);
}

/** One area's district name; null when it has none or does not exist. */
export function readAreaDistrictName(db: ProjectDb, layer: string, code: string): string | null {
  return (db.exec('SELECT district_name FROM areas WHERE layer = ? AND code = ?', [layer, code])[0]?.values[0]?.[0] ?? null) as string | null;
}

/** A cheap fingerprint of a layer's content (area count and total geometry length), for caches. */
export function readAreaLayerSignature(db: ProjectDb, layer: string): string {
  const sig = db.exec('SELECT COUNT(*), TOTAL(LENGTH(geometry)) FROM areas WHERE layer = ?', [layer])[0]?.values[0] ?? [];
  return `${String(sig[0])}|${String(sig[1])}`;
}

/** An area to store: geometry is GeoJSON text. */
export interface AreaInsert {
  code: string;
  name: string;
  districtCode: string | null;
  districtName: string | null;
  geometry: string;
}

/** Replaces every area of a layer. The caller holds the transaction. */
export function replaceAreas(db: ProjectDb, layer: string, areas: Iterable<AreaInsert>): void {
  db.run('DELETE FROM areas WHERE layer = ?', [layer]);
  const stmt = db.prepare(
    `INSERT INTO areas(layer, code, name, district_code, district_name, geometry)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  try {
    for (const a of areas) stmt.run([layer, a.code, a.name, a.districtCode, a.districtName, a.geometry]);
  } finally {
    stmt.free();
  }
}

/** Sets the resident population of the listed areas of a layer. The caller holds the transaction. */
export function writeAreaPopulations(db: ProjectDb, layer: string, population: Iterable<[string, number]>): void {
  for (const [code, v] of population) db.run('UPDATE areas SET population = ? WHERE layer = ? AND code = ?', [v, layer, code]);
}

/** A layer's code, name and geometry text in stored order (the import's ward index is built from it). */
export function readAreaGeometries(db: ProjectDb, layer: string): { code: string; name: string; geometry: string }[] {
  return queryAll<{ code: string; name: string; geometry: string }>(db, 'SELECT code, name, geometry FROM areas WHERE layer = ?', [layer]);
}
