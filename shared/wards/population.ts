import Papa from 'papaparse';
import { DEFAULT_LAYER } from '../areas/areaLayer';
import type { ProjectDb as Database } from '../repository/db';
import { inTransaction } from '../repository/db';
import { readAreaCodes, writeAreaPopulations } from '../repository/areas';

export interface PopulationLoad {
  codeColumn: string;
  populationColumn: string;
  updated: number;
  /** Codes in the file that match no area of the layer. */
  unknownCodes: string[];
  /** Areas of the layer the file gives no population for (their rate stays blank). */
  missingAreas: string[];
  problems: { line: number; reason: string }[];
}

const squash = (f: string) => f.toLowerCase().replace(/[\s_-]+/g, '');
const isCode = (f: string) => /^(wd\d{2}cd|code|wardcode|areacode|geographycode|lsoacode)$/.test(squash(f));
const isPop = (f: string) => /^(population|pop|total|allages|usualresidents|residents|count)$/.test(squash(f));

/**
 * Loads resident population per area (ward) from CSV text into areas.population, for harm
 * per 1,000 residents. Columns are detected by name (WD25CD/code/ward code; population/
 * total/all ages) or given. Codes not in the layer and wards without a figure are reported.
 */
export function loadPopulation(
  db: Database,
  csvText: string,
  opts: { layer?: string; codeColumn?: string; populationColumn?: string } = {},
): PopulationLoad {
  const layer = opts.layer ?? DEFAULT_LAYER;
  const parsed = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ''), {
    header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim(),
  });
  const fields = parsed.meta.fields ?? [];
  const codeColumn = opts.codeColumn ?? fields.find(isCode);
  const populationColumn = opts.populationColumn ?? fields.find(isPop);
  if (!codeColumn || !fields.includes(codeColumn)) throw new Error(`No area code column found (columns: ${fields.join(', ')}).`);
  if (!populationColumn || !fields.includes(populationColumn)) throw new Error(`No population column found (columns: ${fields.join(', ')}).`);
  const known = readAreaCodes(db, layer);
  const values = new Map<string, number>();
  const unknown: string[] = [];
  const problems: { line: number; reason: string }[] = [];
  parsed.data.forEach((row, k) => {
    const code = (row[codeColumn] ?? '').trim();
    const raw = (row[populationColumn] ?? '').trim().replace(/,/g, '');
    const v = Number(raw);
    if (!code) return void problems.push({ line: k + 2, reason: 'blank area code' });
    if (raw === '' || !Number.isFinite(v) || v < 0) return void problems.push({ line: k + 2, reason: `population "${raw}" for ${code} is not a number >= 0` });
    if (!known.has(code)) return void unknown.push(code);
    values.set(code, v);
  });
  inTransaction(db, () => writeAreaPopulations(db, layer, values));
  return {
    codeColumn, populationColumn, updated: values.size, unknownCodes: unknown,
    missingAreas: [...known].filter((c) => !values.has(c)).sort(), problems,
  };
}
