import type { ProjectDb as Database } from '../repository/db';
import { readCrimeColumns, readCrimeMonthSpan } from '../repository/crimeReads';
import type { CategorySet } from './categorySets';
import { selectionContext, type CrimeFilter } from './crimeSelection';
import type { HarmScheme } from './harmSchemes';
import type { UnweightedReport } from './harmWeighting';

/**
 * The selected crimes as weighted points for the grid: only the columns the hotspot
 * analysis needs (no month or ward strings per row), harm already applied. One point per
 * record; `records` lets callers pass aggregated points through the same code paths.
 * (Aggregating identical locations in SQL was measured and is slower in the WebAssembly SQLite: its GROUP BY
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

export function selectCrimePoints(db: Database, f: CrimeFilter): CrimePoints {
  const ctx = selectionContext(db, f);
  const { scheme, categorySet, weigher } = ctx;
  const c = readCrimeColumns(db, ctx.range, { committed: true, flags: ctx.needsFlags }, ctx.keep);
  const harm = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const w = weigher.weigh(c.crimeType[i]!, c.offenceCode[i]!);
    harm[i] = Number.isNaN(w) ? 0 : w;
  }
  // The months the selection actually spans, for the method statement (cheap: indexed column).
  const span = c.n ? readCrimeMonthSpan(db, ctx.range) : { first: null, last: null };
  const unweighted = weigher.report();
  const notes = ctx.notes();
  return {
    n: c.n, total: c.n, records: new Float64Array(c.n).fill(1), harm,
    e: c.e, nn: c.nn, outOfArea: c.outOfArea,
    committedFrom: c.committedFrom!, committedTo: c.committedTo!,
    firstMonth: span.first, lastMonth: span.last,
    scheme, categorySet, unweighted, notes,
  };
}
