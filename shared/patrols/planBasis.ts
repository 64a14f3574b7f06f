import type { Database } from 'sql.js';
import { addMonths, checkMonth, latestMonth, type CrimeFilter } from '../harm/crimeSelection';
import type { PlanRequest } from './buildPlan';

/** The basis months of a request: as given, or the 12 months to the latest month with data. */
export function resolveBasis(db: Database, req: Pick<PlanRequest, 'basisFrom' | 'basisTo'>): { from: string; to: string; isDefault: boolean } {
  checkMonth(req.basisFrom, 'Basis from');
  checkMonth(req.basisTo, 'Basis to');
  const latest = latestMonth(db);
  const to = req.basisTo ?? latest;
  if (!to) throw new Error('The project has no crime records, so there is nothing to choose hotspots from: import crimes first.');
  const from = req.basisFrom ?? addMonths(to, -11);
  if (from > to) throw new Error(`The basis period starts (${from}) after it ends (${to}).`);
  return { from, to, isDefault: req.basisFrom === undefined && req.basisTo === undefined };
}

/** The crime filter a plan's basis uses: the same records for ranking, naming and suggested windows. */
export function basisFilter(db: Database, req: PlanRequest): CrimeFilter & { from: string; to: string } {
  const b = resolveBasis(db, req);
  return { from: b.from, to: b.to, schemeId: req.schemeId ?? 'count', categorySetId: req.categorySetId ?? undefined };
}
