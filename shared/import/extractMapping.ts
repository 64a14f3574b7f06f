import type { ProjectDb as Database } from '../repository/db';
import { readMappingRow, writeMappingRow } from '../repository/records/importRecords';
import { headerIndex, headerSignature, normaliseHeader } from './headers';
import { ImportError } from './importError';

/**
 * How a force extract's columns map to crime fields. Values are column names as written in the
 * file's header (matched ignoring case, spaces and punctuation). Plain data: it is saved in the
 * project (import_mappings, keyed by the header signature), passed through the worker and
 * loaded from JSON in the CLI.
 */
export interface ExtractMapping {
  crimeRef?: string;
  offenceCode?: string;
  crimeType?: string;
  /** Date or date-time the offence was committed from (UK day-first or ISO). */
  committedFrom?: string;
  committedTo?: string;
  /** A month column, used when there is no committed-from date. */
  month?: string;
  location?: { kind: 'lonlat'; lon: string; lat: string } | { kind: 'bng'; easting: string; northing: string };
  wardCode?: string;
  wardName?: string;
  lsoa?: string;
  /** Free-text location or street, stored as the record's location. */
  locationText?: string;
  outcome?: string;
  /** Flag name as stored in crimes.flags (e.g. "knife_enabled") -> the yes/no column. */
  flags?: Record<string, string>;
}

/** Every column a mapping names, with the field it is for (for validation messages). */
function mappedColumns(m: ExtractMapping): [string, string][] {
  const out: [string, string][] = [];
  const add = (field: string, col: string | undefined) => col && out.push([field, col]);
  add('crime reference', m.crimeRef);
  add('offence code', m.offenceCode);
  add('crime type', m.crimeType);
  add('committed from', m.committedFrom);
  add('committed to', m.committedTo);
  add('month', m.month);
  if (m.location?.kind === 'lonlat') {
    add('longitude', m.location.lon);
    add('latitude', m.location.lat);
  } else if (m.location?.kind === 'bng') {
    add('easting', m.location.easting);
    add('northing', m.location.northing);
  }
  add('ward code', m.wardCode);
  add('ward name', m.wardName);
  add('LSOA', m.lsoa);
  add('location', m.locationText);
  add('outcome', m.outcome);
  for (const [flag, col] of Object.entries(m.flags ?? {})) add(`flag "${flag}"`, col);
  return out;
}

/** Checks a mapping against a header; throws an ImportError naming what is wrong. */
export function validateMapping(fileName: string, header: readonly string[], mapping: unknown): ExtractMapping {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) {
    throw new ImportError(`${fileName}: the column mapping must be an object (see ExtractMapping).`, fileName);
  }
  const m = mapping as ExtractMapping;
  const idx = headerIndex(header);
  for (const [field, col] of mappedColumns(m)) {
    if (typeof col !== 'string' || !idx.has(normaliseHeader(col))) {
      throw new ImportError(
        `${fileName} line 1: the mapping puts ${field} in column "${String(col)}", which the header does not have ` +
          `(found: ${header.join(', ')}). Nothing was imported.`,
        fileName, 1, String(col),
      );
    }
  }
  if (!m.crimeType && !m.offenceCode) {
    throw new ImportError(`${fileName}: the mapping needs a crime type or an offence code column.`, fileName);
  }
  if (!m.committedFrom && !m.month) {
    throw new ImportError(`${fileName}: the mapping needs a committed-from date or a month column.`, fileName);
  }
  for (const flag of Object.keys(m.flags ?? {})) {
    if (!/^[a-z][a-z0-9_]*$/.test(flag)) {
      throw new ImportError(`${fileName}: flag name "${flag}" must be lower-case letters, digits and underscores.`, fileName);
    }
  }
  return m;
}

const FLAG_RE = /knife|weapon|firearm|gun|u25|under25|under18|youth|domestic|^da$|ocg|usg|gang|county ?lines|flag|marker/;

/** A first guess from header names, for the user to correct in the mapping screen. */
export function suggestMapping(header: readonly string[]): ExtractMapping {
  const cols = header.map((h) => ({ h, n: normaliseHeader(h) }));
  const used = new Set<string>();
  const find = (...res: RegExp[]): string | undefined => {
    for (const re of res) {
      const c = cols.find((x) => !used.has(x.h) && re.test(x.n));
      if (c) {
        used.add(c.h);
        return c.h;
      }
    }
    return undefined;
  };
  const m: ExtractMapping = {};
  m.crimeRef = find(/^(crime|incident|occurrence)(ref|reference|number|no|id)$/, /^(urn|crn|crimeref|ref|reference)$/);
  m.offenceCode = find(/^(ho)?offencecode$/, /^hocode$/, /code$/);
  m.crimeType = find(/^(crime|offence)(type|category|group|description|desc)$/, /^(offence|category|crimetype|type)$/);
  m.committedFrom = find(/(committed|occurred|offence)?(from|start)(date)?(time)?$/, /^(date|datetime|committed|occurred)$/);
  m.committedTo = find(/(committed|occurred|offence)?(to|end)(date)?(time)?$/);
  m.month = find(/^month$/);
  const lon = find(/^(longitude|lon|long|lng)$/);
  const lat = find(/^(latitude|lat)$/);
  const east = find(/^(easting|eastings|east|x|bnge|gride)$/);
  const north = find(/^(northing|northings|north|y|bngn|gridn)$/);
  if (lon && lat) m.location = { kind: 'lonlat', lon, lat };
  else if (east && north) m.location = { kind: 'bng', easting: east, northing: north };
  m.wardCode = find(/^(ward)?(code|cd)$/, /^wd\d\dcd$/);
  m.wardName = find(/^ward(name|nm)?$/, /^wd\d\dnm$/);
  m.lsoa = find(/^lsoa(\d\d)?(code|cd)?$/);
  m.locationText = find(/^(location|address|street|streetname|place)$/);
  m.outcome = find(/outcome/);
  const flags: Record<string, string> = {};
  for (const { h, n } of cols) {
    if (used.has(h) || !FLAG_RE.test(n)) continue;
    const name = h.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 'f_$1');
    if (name) flags[name] = h;
  }
  if (Object.keys(flags).length) m.flags = flags;
  for (const k of Object.keys(m) as (keyof ExtractMapping)[]) if (m[k] === undefined) delete m[k];
  return m;
}

export function saveMapping(db: Database, header: readonly string[], mapping: ExtractMapping): void {
  writeMappingRow(db, headerSignature(header), JSON.stringify(mapping));
}

/** The mapping saved for a file of this shape, if any. */
export function loadSavedMapping(db: Database, header: readonly string[]): ExtractMapping | null {
  const v = readMappingRow(db, headerSignature(header));
  return v === null ? null : (JSON.parse(v) as ExtractMapping);
}
