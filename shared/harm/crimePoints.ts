import type { Database } from 'sql.js';
import { lonLatToBng } from '../geo/bng';
import type { CategorySet } from './categorySets';
import { selectionContext, type CrimeFilter } from './crimeSelection';
import type { HarmScheme } from './harmSchemes';
import type { UnweightedReport } from './harmWeighting';

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
  const ctx = selectionContext(db, f);
  const { scheme, categorySet, weigher, whereSql, params } = ctx;
  const stmt = db.prepare(
    `SELECT crime_type, offence_code, ${ctx.needsFlags ? 'flags' : 'NULL'}, easting, northing, lon, lat, out_of_area,
            committed_from, committed_to
     FROM crimes ${whereSql}`,
  );
  const e: number[] = [], nn: number[] = [], harm: number[] = [], ooa: number[] = [];
  const cFrom: (string | null)[] = [], cTo: (string | null)[] = [];
  try {
    stmt.bind(params);
    while (stmt.step()) {
      const [type, code, flags, x0, y0, lon, lat, out, from, to] = stmt.get() as Row;
      if (!ctx.keep(type, code, flags)) continue;
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
  const notes = ctx.notes();
  return {
    n: e.length, total: e.length, records: new Float64Array(e.length).fill(1), harm: Float64Array.from(harm),
    e: Float64Array.from(e), nn: Float64Array.from(nn), outOfArea: Uint8Array.from(ooa),
    committedFrom: cFrom, committedTo: cTo,
    firstMonth: (span[0] as string | null) ?? null, lastMonth: (span[1] as string | null) ?? null,
    scheme, categorySet, unweighted, notes,
  };
}
