import Papa from 'papaparse';

/**
 * Home Office offence codes come written several ways ("008/01", "8/1", " 105a "). We match
 * on a normal form: trimmed, spaces removed, upper case, and leading zeros dropped from each
 * '/'-separated part (keeping a lone "0"), so "008/01" and "8/1" are the same code while
 * "105A" and "8N" keep their letters; a zero sub-code is dropped ("001/00" = "1" = "001"). The same function is applied to the loaded table and
 * to every record's offence_code.
 */
export function normaliseOffenceCode(code: string): string {
  return code
    .replace(/\s+/g, '')
    .toUpperCase()
    .split('/')
    .map((part) => part.replace(/^0+(?=.)/, ''))
    .join('/')
    .replace(/\/0$/, '');
}

export interface WeightTableParse {
  /** normalised code -> weight */
  weights: Record<string, number>;
  codeColumn: string;
  weightColumn: string;
  rowsRead: number;
  /** Problems per line (1-based, header = line 1); those rows are not loaded. */
  problems: { line: number; reason: string }[];
}

/** Column names are compared lower-cased with spaces, '_' and '-' removed. */
const squash = (f: string) => f.toLowerCase().replace(/[\s_-]+/g, '');
const CODE_COLUMNS = new Set([
  'code', 'offencecode', 'offensecode', 'hocode', 'hooffencecode', 'homeofficecode',
  'homeofficeoffencecode', 'hocr', 'hoc', 'hocrcode', 'classificationcode',
]);
const WEIGHT_COLUMNS = new Set([
  'weight', 'days', 'cchi', 'cchidays', 'harm', 'css', 'severity', 'severityscore',
  'crimeseverityscore', 'score', 'weightdays',
]);

/**
 * Parses a user's table of Home Office offence code -> weight (CCHI days, ONS Crime
 * Severity Score, or any other) from CSV text. The code column is detected by name
 * (code, offence code, HO code, home office code, HOCR, ...); the weight column likewise
 * (weight, days, CCHI days, CSS, severity score, score, ...), or pass the names explicitly.
 * Blank codes, non-numeric or negative weights and conflicting duplicates are reported,
 * never loaded as 0.
 */
export function parseWeightTable(
  csvText: string,
  columns: { code?: string; weight?: string } = {},
): WeightTableParse {
  const parsed = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const fields = parsed.meta.fields ?? [];
  const codeColumn = columns.code ?? fields.find((f) => CODE_COLUMNS.has(squash(f)));
  const weightColumn = columns.weight ?? fields.find((f) => WEIGHT_COLUMNS.has(squash(f)));
  if (!codeColumn || !fields.includes(codeColumn)) {
    throw new Error(`No offence code column found (columns: ${fields.join(', ')}). Name it "offence_code" or "code".`);
  }
  if (!weightColumn || !fields.includes(weightColumn)) {
    throw new Error(`No weight column found (columns: ${fields.join(', ')}). Name it "weight", "days" or "score".`);
  }
  const weights: Record<string, number> = {};
  const problems: { line: number; reason: string }[] = [];
  parsed.data.forEach((row, k) => {
    const line = k + 2;
    const rawCode = (row[codeColumn] ?? '').trim();
    const rawWeight = (row[weightColumn] ?? '').trim().replace(/,/g, '');
    if (!rawCode) return problems.push({ line, reason: 'blank offence code' });
    const w = Number(rawWeight);
    if (rawWeight === '' || !Number.isFinite(w) || w < 0) {
      return problems.push({ line, reason: `weight "${row[weightColumn] ?? ''}" for ${rawCode} is not a number >= 0` });
    }
    const code = normaliseOffenceCode(rawCode);
    const prev = weights[code];
    if (prev !== undefined && prev !== w) {
      return problems.push({ line, reason: `code ${rawCode} appears again with a different weight (${prev} vs ${w}); the first is kept` });
    }
    weights[code] = w;
    return undefined;
  });
  for (const e of parsed.errors) problems.push({ line: (e.row ?? 0) + 2, reason: e.message });
  return { weights, codeColumn, weightColumn, rowsRead: parsed.data.length, problems };
}
