import type { ProjectDb, SqlValue } from './db';

/** Ward-level counts summed per ward, crime type and month range ('YYYY-MM' ends). */
export interface WardCountRangeSum {
  ward: string;
  crimeType: string;
  fromMonth: string;
  toMonth: string;
  count: number;
}

/**
 * Imported ward-level counts whose range touches [from, to] (months), summed per ward, type
 * and range; optionally one ward's only.
 */
export function readWardCountSums(db: ProjectDb, from: string, to: string, ward?: string): WardCountRangeSum[] {
  const params: SqlValue[] = ward ? [from, to, ward] : [from, to];
  const rows = (db.exec(
    `SELECT ward_code, crime_type, substr(period_from, 1, 7), substr(period_to, 1, 7), SUM(count) FROM ward_counts
     WHERE substr(period_to, 1, 7) >= ? AND substr(period_from, 1, 7) <= ?${ward ? ' AND ward_code = ?' : ''}
     GROUP BY 1, 2, 3, 4`,
    params,
  )[0]?.values ?? []) as [string, string, string, string, number][];
  return rows.map(([w, crimeType, fromMonth, toMonth, count]) => ({ ward: w, crimeType, fromMonth, toMonth, count }));
}

/** Each distinct (first month, last month, ward) of the imported counts. */
export function readWardCountRanges(db: ProjectDb): { fromMonth: string; toMonth: string; ward: string }[] {
  return ((db.exec(
    'SELECT substr(period_from, 1, 7), substr(period_to, 1, 7), ward_code FROM ward_counts GROUP BY 1, 2, 3',
  )[0]?.values ?? []) as [string, string, string][]).map(([fromMonth, toMonth, ward]) => ({ fromMonth, toMonth, ward }));
}

/** The last month any count range reaches, or null without counts. */
export function readLatestWardCountMonth(db: ProjectDb): string | null {
  const v = db.exec('SELECT MAX(substr(period_to, 1, 7)) FROM ward_counts')[0]?.values[0]?.[0];
  return v === null || v === undefined ? null : String(v);
}
