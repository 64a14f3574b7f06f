import type { Database } from 'sql.js';
import { lonLatToBng } from '../geo/bng';
import { describeRule, getCategorySet, makeMatcher, type CategorySet } from './categorySets';
import { checkMonth, loadScheme, type CrimeFilter } from './crimeSelection';
import type { HarmScheme } from './harmSchemes';
import { describeUnweighted, makeWeigher, type UnweightedReport } from './harmWeighting';

/**
 * The selected crimes as weighted points for the grid: only the columns the hotspot
 * analysis needs (no month or ward strings per row), harm already applied. One point per
 * record; `records` lets callers pass aggregated points through the same code paths.
 * (Aggregating identical locations in SQL was measured and is slower in sql.js: its GROUP BY
 * sort costs more than reading the rows.)
 */
export interface CrimePoints {
  n: number;
  /** Records the points stand for. */
  total: number;
  records: Float64Array;
  /** Harm of the point's records; records without a weight add 0 and are reported in `unweighted`. */
  harm: Float64Array;
  /** BNG metres; NaN when the record has no location. */
  e: Float64Array;
  nn: Float64Array;
  outOfArea: Uint8Array;
  committedFrom: (string | null)[];
  committedTo: (string | null)[];
  firstMonth: string | null;
  lastMonth: string | null;
  scheme: HarmScheme;
  categorySet: CategorySet | null;
  unweighted: UnweightedReport;
  notes: string[];
}

type Row = [string | null, string | null, string | null, number | null, number | null, number | null, number | null, number, string | null, string | null];

export function selectCrimePoints(db: Database, f: CrimeFilter): CrimePoints {
  checkMonth(f.from, 'From');
  checkMonth(f.to, 'To');
  const scheme = loadScheme(db, f.schemeId);
  const categorySet = f.categorySetId ? getCategorySet(db, f.categorySetId) : null;
  if (f.categorySetId && !categorySet) throw new Error(`No category set "${f.categorySetId}" in this project.`);
  const matcher = categorySet ? makeMatcher(categorySet.rule) : null;
  const types = f.types?.length ? new Set(f.types.map((t) => t.trim().toLowerCase())) : null;
  const weigher = makeWeigher(scheme);
  const where: string[] = [];
  const params: string[] = [];
  if (f.from) { where.push('month >= ?'); params.push(f.from); }
  if (f.to) { where.push('month <= ?'); params.push(f.to); }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const stmt = db.prepare(
    `SELECT crime_type, offence_code, ${matcher ? 'flags' : 'NULL'}, easting, northing, lon, lat, out_of_area,
            committed_from, committed_to
     FROM crimes ${whereSql}`,
  );
  const e: number[] = [], nn: number[] = [], harm: number[] = [], ooa: number[] = [];
  const cFrom: (string | null)[] = [], cTo: (string | null)[] = [];
  try {
    stmt.bind(params);
    while (stmt.step()) {
      const [type, code, flags, x0, y0, lon, lat, out, from, to] = stmt.get() as Row;
      if (types && !(type && types.has(type.trim().toLowerCase()))) continue;
      if (matcher && !matcher(type, code, flags)) continue;
      let x = x0, y = y0;
      if ((x === null || y === null) && lon !== null && lat !== null) [x, y] = lonLatToBng(lon, lat);
      const w = weigher.weigh(type, code);
      e.push(x ?? NaN);
      nn.push(y ?? NaN);
      harm.push(Number.isNaN(w) ? 0 : w);
      ooa.push(out ? 1 : 0);
      cFrom.push(from);
      cTo.push(to);
    }
  } finally {
    stmt.free();
  }
  // The months the selection actually spans, for the method statement (cheap: indexed column).
  const span = e.length
    ? (db.exec(`SELECT MIN(month), MAX(month) FROM crimes ${whereSql}`, params)[0]?.values[0] ?? [null, null])
    : [null, null];
  const unweighted = weigher.report();
  const notes: string[] = [];
  if (types) notes.push(`crime types: ${f.types!.join(', ')}`);
  if (categorySet) notes.push(`category set "${categorySet.label}" (${describeRule(categorySet.rule)})`);
  const uw = describeUnweighted(unweighted, scheme);
  if (uw) notes.push(uw);
  return {
    n: e.length, total: e.length, records: new Float64Array(e.length).fill(1), harm: Float64Array.from(harm),
    e: Float64Array.from(e), nn: Float64Array.from(nn), outOfArea: Uint8Array.from(ooa),
    committedFrom: cFrom, committedTo: cTo,
    firstMonth: (span[0] as string | null) ?? null, lastMonth: (span[1] as string | null) ?? null,
    scheme, categorySet, unweighted, notes,
  };
}
