import type { ProjectDb as Database } from '../repository/db';
import { readCrimeMonths } from '../repository/crimeReads';
import { addMonths, checkMonth, latestMonth, type CrimeFilter } from '../harm/crimeSelection';
import type { PlanRequest } from './buildPlan';

/** The basis months of a request: as given, or the 12 months to the latest month with data. */
export function resolveBasis(db: Database, req: Pick<PlanRequest, 'basisFrom' | 'basisTo'>): { from: string; to: string; isDefault: boolean; monthsWithData: string[]; months: number } {
  checkMonth(req.basisFrom, 'Basis from');
  checkMonth(req.basisTo, 'Basis to');
  const latest = latestMonth(db);
  const to = req.basisTo ?? latest;
  if (!to) throw new Error('The project has no crime records, so there is nothing to choose hotspots from: import crimes first.');
  const from = req.basisFrom ?? addMonths(to, -11);
  if (from > to) throw new Error(`The basis period starts (${from}) after it ends (${to}).`);
  // Months of the basis that hold any crime record: a 12-month window over 4 months of data
  // must say so, never read as 8 months of zero crime.
  const monthsWithData = readCrimeMonths(db, { from, to });
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1;
  return { from, to, isDefault: req.basisFrom === undefined && req.basisTo === undefined, monthsWithData, months };
}

/** The crime filter a plan's basis uses: the same records for ranking, naming and suggested windows. */
export function basisFilter(db: Database, req: PlanRequest): CrimeFilter & { from: string; to: string } {
  const b = resolveBasis(db, req);
  return { from: b.from, to: b.to, schemeId: req.schemeId ?? 'count', categorySetId: req.categorySetId ?? undefined };
}
