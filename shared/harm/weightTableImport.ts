import type { ProjectDb as Database } from '../repository/db';
import { getHarmScheme, saveHarmScheme } from './harmSchemes';
import { parseWeightTable, type WeightTableParse } from './offenceCodes';

export interface WeightTableImport {
  /** What to call the scheme, e.g. "CCHI (Cambridge list, 2024)" or "ONS Crime Severity Score 2023". */
  id: string;
  label: string;
  /** Where the table came from, stated on every output that uses it. */
  source: string;
  description?: string;
  columns?: { code?: string; weight?: string };
  /** Replace a scheme with the same id (default false: refuse). */
  replace?: boolean;
}

/**
 * Loads a user's offence code -> weight CSV (CCHI days, ONS CSS, ...) as a harm scheme keyed by
 * Home Office offence code. Refuses a table with no usable rows; returns the parse report
 * (bad lines, detected columns) for the UI to show.
 */
export function importWeightTable(db: Database, csvText: string, opts: WeightTableImport): WeightTableParse {
  const parsed = parseWeightTable(csvText, opts.columns);
  const codes = Object.keys(parsed.weights).length;
  if (codes === 0) throw new Error(`No offence code had a usable weight (${parsed.problems.length} problem rows).`);
  if (!opts.replace && getHarmScheme(db, opts.id)) throw new Error(`A harm scheme with id "${opts.id}" already exists.`);
  saveHarmScheme(db, {
    id: opts.id,
    label: opts.label,
    keyKind: 'offence_code',
    description: opts.description ?? `${codes} Home Office offence codes from a user table (${parsed.codeColumn} -> ${parsed.weightColumn}).`,
    source: opts.source,
    weights: parsed.weights,
  });
  return parsed;
}
