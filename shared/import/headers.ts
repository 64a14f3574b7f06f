import type { ImportFormat } from './types';

/** "Crime ID", "CrimeID", "crime_id" and "CRIME-ID" all normalise to "crimeid". */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The key a saved extract mapping is stored under: the file's normalised header, in order. */
export function headerSignature(header: readonly string[]): string {
  return header.map(normaliseHeader).join('|');
}

/** Column positions by normalised name (first occurrence wins). */
export function headerIndex(header: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => {
    const k = normaliseHeader(h);
    if (!m.has(k)) m.set(k, i);
  });
  return m;
}

export const POLICE_UK_COLUMNS = [
  'Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location',
  'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context',
] as const;

export const STOP_SEARCH_COLUMNS = [
  'Type', 'Date', 'Part of a policing operation', 'Policing operation', 'Latitude', 'Longitude',
  'Gender', 'Age range', 'Self-defined ethnicity', 'Officer-defined ethnicity', 'Legislation',
  'Object of search', 'Outcome', 'Outcome linked to object of search',
  'Removal of more than just outer clothing',
] as const;

/** Columns without which a police.uk street file cannot be read (the rest are optional). */
export const POLICE_UK_REQUIRED = ['Crime ID', 'Month', 'Longitude', 'Latitude', 'LSOA code', 'Crime type'] as const;
export const STOP_SEARCH_REQUIRED = ['Type', 'Date', 'Latitude', 'Longitude', 'Legislation', 'Object of search'] as const;

export interface FormatDetection {
  format: ImportFormat;
  /** 0..1: how sure the detection is; the UI asks the user to confirm below 1. */
  confidence: number;
  reasons: string[];
}

function missing(idx: Map<string, number>, cols: readonly string[]): string[] {
  return cols.filter((c) => !idx.has(normaliseHeader(c)));
}

const WARD_RE = /^(ward|wd\d{2})(code|cd|name|nm)?$/;
const COUNT_RE = /^(count|crimes|number|n|total|offences)$/;

/** Guesses the format from the header alone; the UI shows the reasons for the user to confirm. */
export function detectFormat(header: readonly string[]): FormatDetection {
  const idx = headerIndex(header);
  const keys = [...idx.keys()];
  const pu = missing(idx, POLICE_UK_REQUIRED);
  if (pu.length === 0) {
    const extra = missing(idx, POLICE_UK_COLUMNS);
    return {
      format: 'police-uk',
      confidence: extra.length === 0 ? 1 : 0.9,
      reasons: [
        'header has the police.uk street-crime columns (Crime ID, Month, Longitude, Latitude, LSOA code, Crime type)',
        ...(extra.length ? [`optional police.uk columns absent: ${extra.join(', ')}`] : []),
      ],
    };
  }
  const ss = missing(idx, STOP_SEARCH_REQUIRED);
  if (ss.length === 0) {
    return { format: 'stop-search', confidence: 1, reasons: ['header has the police.uk stop-and-search columns (Type, Date, Legislation, Object of search, ...)'] };
  }
  const ward = keys.some((k) => WARD_RE.test(k));
  const count = keys.some((k) => COUNT_RE.test(k));
  if (ward && count) {
    return { format: 'ward-counts', confidence: 0.8, reasons: ['header has a ward column and a count column'] };
  }
  const reasons = ['header is not police.uk street crime (missing ' + pu.join(', ') + ') nor stop-and-search: treated as a force extract that needs a column mapping'];
  if (header.length === 1) reasons.push(`the header is a single column ("${header[0]}"): is the delimiter right?`);
  return { format: 'extract', confidence: 0.5, reasons };
}
