import type { ProjectDb as Database } from '../repository/db';
import { readCrimeGroups } from '../repository/crimeReads';
import { selectionContext } from '../harm/crimeSelection';
import type { UnweightedReport } from '../harm/harmWeighting';
import { wardCountsForPeriod, type SourceUse } from './wardCountSource';

export interface WardProfileParams {
  from: string;
  to: string;
  types?: string[];
  categorySetId?: string;
  schemeId?: string;
}

export interface WardHarmByType {
  code: string;
  /** Per crime type: count and harm, most harm first. Records flagged out of area are left out. */
  byType: { type: string; count: number; harm: number }[];
  unweighted: UnweightedReport;
  /** Where the figures came from (records, imported ward counts), as in the ward table. */
  source: SourceUse;
}

/**
 * What makes up one ward's harm in a period, by crime type, with the same scheme, set and
 * rules as the ward table (so the parts add up to the table's row). Aggregated in SQLite.
 */
export function wardHarmByType(db: Database, code: string, p: WardProfileParams): WardHarmByType {
  const ctx = selectionContext(db, p);
  const { weigher } = ctx;
  const by = new Map<string, { count: number; harm: number }>();
  for (const { crimeType: type, offenceCode: offence, flags, n } of readCrimeGroups(db, { from: p.from, to: p.to }, { ward: code, inAreaOnly: true })) {
    if (!ctx.keep(type, offence, flags)) continue;
    const key = type ?? '(no type)';
    const f = by.get(key) ?? { count: 0, harm: 0 };
    f.count += n;
    const w = weigher.weigh(type, offence, n);
    if (!Number.isNaN(w)) f.harm += w * n;
    by.set(key, f);
  }
  const counts = wardCountsForPeriod(db, { from: p.from, to: p.to }, code);
  for (const g of counts.groups) {
    if (!ctx.keep(g.type, null, null)) continue;
    const f = by.get(g.type) ?? { count: 0, harm: 0 };
    f.count += g.count;
    const w = weigher.weigh(g.type, null, g.count);
    if (!Number.isNaN(w)) f.harm += w * g.count;
    by.set(g.type, f);
  }
  return {
    source: counts.use,
    code,
    byType: [...by.entries()].map(([type, v]) => ({ type, ...v })).sort((a, b) => b.harm - a.harm || b.count - a.count),
    unweighted: weigher.report(),
  };
}
