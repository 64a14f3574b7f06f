import type { Database } from 'sql.js';
import { getMeta, queryAll, readSchemaVersion } from './projectDb';

export interface ProjectSummary {
  name: string;
  schemaVersion: number;
  crimes: number;
  placedInWard: number;
  outOfArea: number;
  stopSearches: number;
  wardCountRows: number;
  imports: number;
  firstMonth: string | null;
  lastMonth: string | null;
  crimeTypes: { type: string; count: number }[];
  areas: number;
}

/** What the project holds, for the header, the status bar and the CLI. */
export function projectSummary(db: Database): ProjectSummary {
  const one = (sql: string) => Number(db.exec(sql)[0]?.values[0]?.[0] ?? 0);
  const range = db.exec('SELECT MIN(month), MAX(month) FROM crimes')[0]?.values[0] ?? [null, null];
  return {
    name: getMeta(db, 'name') ?? 'Untitled project',
    schemaVersion: readSchemaVersion(db),
    crimes: one('SELECT COUNT(*) FROM crimes'),
    placedInWard: one('SELECT COUNT(*) FROM crimes WHERE ward_code IS NOT NULL AND out_of_area = 0'),
    outOfArea: one('SELECT COUNT(*) FROM crimes WHERE out_of_area = 1'),
    stopSearches: one('SELECT COUNT(*) FROM stop_searches'),
    wardCountRows: one('SELECT COUNT(*) FROM ward_counts'),
    imports: one('SELECT COUNT(*) FROM imports'),
    firstMonth: (range[0] as string | null) ?? null,
    lastMonth: (range[1] as string | null) ?? null,
    crimeTypes: queryAll<{ type: string; count: number }>(
      db,
      `SELECT COALESCE(crime_type, '(none)') AS type, COUNT(*) AS count FROM crimes GROUP BY 1 ORDER BY 2 DESC`,
    ),
    areas: one(`SELECT COUNT(*) FROM areas WHERE layer = 'wards'`),
  };
}
