import type { Database } from 'sql.js';
import { monthText } from './monthCode';

export interface RecordSummary {
  wardCountRows: number;
  imports: number;
  areas: number;
  crimes: number;
  placedInWard: number;
  outOfArea: number;
  stopSearches: number;
  firstMonth: string | null;
  lastMonth: string | null;
  crimeTypes: { type: string; count: number }[];
}

/**
 * Counts for the project summary; crimes from the compact tables: the `crimes` view joins six
 * dictionaries a row, which at the demo's 77k records cost ~1 s for these queries.
 */
export function recordSummary(db: Database): RecordSummary {
  const r = db.exec(
    `SELECT COUNT(*), COALESCE(SUM(p.ward_id IS NOT NULL AND p.out_of_area = 0), 0), COALESCE(SUM(p.out_of_area = 1), 0), MIN(c.month), MAX(c.month)
     FROM crime_rows c JOIN places p ON p.id = c.place_id`,
  )[0]!.values[0]!;
  const types = db.exec(
    `SELECT COALESCE(t.text, '(none)'), g.n FROM (SELECT type_id, COUNT(*) AS n FROM crime_rows GROUP BY type_id) g
     LEFT JOIN text_dict t ON t.id = g.type_id ORDER BY g.n DESC, 1`,
  )[0]?.values ?? [];
  const one = (sql: string) => Number(db.exec(sql)[0]?.values[0]?.[0] ?? 0);
  return {
    wardCountRows: one('SELECT COUNT(*) FROM ward_counts'),
    imports: one('SELECT COUNT(*) FROM imports'),
    areas: one(`SELECT COUNT(*) FROM areas WHERE layer = 'wards'`),
    crimes: Number(r[0]), placedInWard: Number(r[1]), outOfArea: Number(r[2]),
    stopSearches: Number(db.exec('SELECT COUNT(*) FROM stop_search_rows')[0]!.values[0]![0]),
    firstMonth: r[3] === null ? null : monthText(Number(r[3])),
    lastMonth: r[4] === null ? null : monthText(Number(r[4])),
    crimeTypes: types.map((t) => ({ type: String(t[0]), count: Number(t[1]) })),
  };
}
