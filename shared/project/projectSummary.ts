import type { Database } from 'sql.js';
import { getMeta, readSchemaVersion } from './projectDb';
import { recordSummary } from '../repository/records/recordSummary';

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
  const records = recordSummary(db);
  return {
    name: getMeta(db, 'name') ?? 'Untitled project',
    schemaVersion: readSchemaVersion(db),
    crimes: records.crimes,
    placedInWard: records.placedInWard,
    outOfArea: records.outOfArea,
    stopSearches: records.stopSearches,
    wardCountRows: one('SELECT COUNT(*) FROM ward_counts'),
    imports: one('SELECT COUNT(*) FROM imports'),
    firstMonth: records.firstMonth,
    lastMonth: records.lastMonth,
    crimeTypes: records.crimeTypes,
    areas: one(`SELECT COUNT(*) FROM areas WHERE layer = 'wards'`),
  };
}
