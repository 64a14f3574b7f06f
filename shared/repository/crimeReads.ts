import { lonLatToBng } from '../geo/bng';
import type { ProjectDb, SqlValue } from './db';
import { firstColumn } from './db';

/**
 * Every read of crime and stop-and-search records, in one file: the tables `crimes` and
 * `stop_searches` are read by their documented columns here and nowhere else, so the storage
 * behind them can change (compact tables behind views) with one file to follow.
 */

/** Inclusive 'YYYY-MM' bounds; either end may be open. */
export interface MonthRange {
  from?: string;
  to?: string;
}

/** `WHERE` on the month range (after any `head` terms, which come first as the query planner reads them). */
function monthWhere(r: MonthRange, head: string[] = [], headParams: SqlValue[] = []): { sql: string; params: SqlValue[] } {
  const where = [...head];
  const params = [...headParams];
  if (r.from) { where.push('month >= ?'); params.push(r.from); }
  if (r.to) { where.push('month <= ?'); params.push(r.to); }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Which optional columns a record read fills (the rest stay null, so nothing is built for them). */
export interface CrimeColumnChoice {
  month?: boolean;
  ward?: boolean;
  location?: boolean;
  committed?: boolean;
  /** Read the flags column (needed only to match a category set by flag). */
  flags?: boolean;
  /** In stored order (id); otherwise the order SQLite finds cheapest. */
  ordered?: boolean;
}

/** Keeps a record by its type, offence code and flags (null when flags were not read). */
export type CrimeKeep = (crimeType: string | null, offenceCode: string | null, flags: string | null) => boolean;

/** Records as columns. e/nn are BNG metres (from lon/lat when a record has no BNG); NaN without a location. */
export interface CrimeColumns {
  n: number;
  crimeType: (string | null)[];
  offenceCode: (string | null)[];
  e: Float64Array;
  nn: Float64Array;
  outOfArea: Uint8Array;
  month: string[] | null;
  wardCode: (string | null)[] | null;
  location: (string | null)[] | null;
  committedFrom: (string | null)[] | null;
  committedTo: (string | null)[] | null;
}

type Cell = SqlValue;
const str = (v: Cell): string | null => (v === null || v === undefined ? null : (v as string));

/**
 * The crime records of a month range as columns, keeping only those `keep` accepts (tested
 * while reading, so rejected records cost no memory).
 */
export function readCrimeColumns(db: ProjectDb, range: MonthRange, choice: CrimeColumnChoice = {}, keep?: CrimeKeep): CrimeColumns {
  const w = monthWhere(range);
  const stmt = db.prepare(
    `SELECT crime_type, offence_code, ${choice.flags ? 'flags' : 'NULL'}, easting, northing, lon, lat, out_of_area,
            ${choice.month ? 'month' : 'NULL'}, ${choice.ward ? 'ward_code' : 'NULL'}, ${choice.location ? 'location' : 'NULL'},
            ${choice.committed ? 'committed_from, committed_to' : 'NULL, NULL'}
     FROM crimes ${w.sql}${choice.ordered ? ' ORDER BY id' : ''}`,
  );
  const crimeType: (string | null)[] = [], offenceCode: (string | null)[] = [];
  const e: number[] = [], nn: number[] = [], ooa: number[] = [];
  const month: string[] = [], ward: (string | null)[] = [], location: (string | null)[] = [];
  const cFrom: (string | null)[] = [], cTo: (string | null)[] = [];
  try {
    stmt.bind(w.params);
    while (stmt.step()) {
      const r = stmt.get();
      const type = str(r[0]!), code = str(r[1]!);
      if (keep && !keep(type, code, str(r[2]!))) continue;
      let x = r[3] as number | null, y = r[4] as number | null;
      const lon = r[5] as number | null, lat = r[6] as number | null;
      if ((x === null || y === null) && lon !== null && lat !== null) [x, y] = lonLatToBng(lon, lat);
      crimeType.push(type);
      offenceCode.push(code);
      e.push(x ?? NaN);
      nn.push(y ?? NaN);
      ooa.push(Number(r[7]) ? 1 : 0);
      if (choice.month) month.push(String(r[8]));
      if (choice.ward) ward.push(str(r[9]!));
      if (choice.location) location.push(str(r[10]!));
      if (choice.committed) { cFrom.push(str(r[11]!)); cTo.push(str(r[12]!)); }
    }
  } finally {
    stmt.free();
  }
  return {
    n: e.length, crimeType, offenceCode,
    e: Float64Array.from(e), nn: Float64Array.from(nn), outOfArea: Uint8Array.from(ooa),
    month: choice.month ? month : null, wardCode: choice.ward ? ward : null, location: choice.location ? location : null,
    committedFrom: choice.committed ? cFrom : null, committedTo: choice.committed ? cTo : null,
  };
}

/** Records grouped by what harm weighing and category sets need; `n` records per group. */
export interface CrimeGroup {
  /** null unless grouped by ward (or the ward's code when reading one ward). */
  ward: string | null;
  /** null unless grouped by month. */
  month: string | null;
  crimeType: string | null;
  offenceCode: string | null;
  flags: string | null;
  outOfArea: boolean;
  n: number;
}

export interface CrimeGroupChoice {
  byWard?: boolean;
  byMonth?: boolean;
  /** Only this ward's records. */
  ward?: string;
  /** Leave out records flagged out of area. */
  inAreaOnly?: boolean;
}

/**
 * Record counts per (type, offence code, flags), optionally per ward and month: SQLite
 * aggregates, so a year of a large force is a few thousand groups, not a million rows.
 */
export function readCrimeGroups(db: ProjectDb, range: MonthRange, choice: CrimeGroupChoice = {}): CrimeGroup[] {
  // Only the columns asked for are selected and grouped: every extra key makes SQLite's sort dearer.
  const cols = [
    ...(choice.byWard ? ['ward_code'] : []),
    ...(choice.byMonth ? ['month'] : []),
    'crime_type', 'offence_code', 'flags',
    ...(choice.inAreaOnly ? [] : ['out_of_area']),
  ];
  const head: string[] = [];
  const headParams: SqlValue[] = [];
  if (choice.ward !== undefined) { head.push('ward_code = ?'); headParams.push(choice.ward); }
  if (choice.inAreaOnly) head.push('out_of_area = 0');
  const w = monthWhere(range, head, headParams);
  const rows = db.exec(
    `SELECT ${cols.join(', ')}, COUNT(*) FROM crimes ${w.sql} GROUP BY ${cols.map((_, i) => i + 1).join(', ')}`,
    w.params,
  )[0]?.values ?? [];
  const at = (name: string) => cols.indexOf(name);
  const iWard = at('ward_code'), iMonth = at('month'), iType = at('crime_type'), iOoa = at('out_of_area');
  return rows.map((r) => ({
    ward: iWard >= 0 ? str(r[iWard]!) : (choice.ward ?? null),
    month: iMonth >= 0 ? String(r[iMonth]) : null,
    crimeType: str(r[iType]!), offenceCode: str(r[iType + 1]!), flags: str(r[iType + 2]!),
    outOfArea: iOoa >= 0 ? Number(r[iOoa]) !== 0 : false,
    n: Number(r[cols.length]),
  }));
}

/** Months with at least one crime record (in a range, optionally one ward's), in order. */
export function readCrimeMonths(db: ProjectDb, range: MonthRange = {}, ward?: string): string[] {
  const w = monthWhere(range, ward === undefined ? [] : ['ward_code = ?'], ward === undefined ? [] : [ward]);
  // Sorted here: ORDER BY on the view's computed month costs SQLite a second sort.
  return firstColumn(db, `SELECT DISTINCT month FROM crimes ${w.sql}`, w.params).sort();
}

/** First and last month of the records in a range (null when there are none). */
export function readCrimeMonthSpan(db: ProjectDb, range: MonthRange): { first: string | null; last: string | null } {
  const w = monthWhere(range);
  const v = db.exec(`SELECT MIN(month), MAX(month) FROM crimes ${w.sql}`, w.params)[0]?.values[0] ?? [null, null];
  return { first: str(v[0]!), last: str(v[1]!) };
}

/** Latest month in the crimes table, or null when it is empty. */
export function readLatestCrimeMonth(db: ProjectDb): string | null {
  const v = db.exec('SELECT MAX(month) FROM crimes')[0]?.values[0]?.[0];
  return v === null || v === undefined ? null : String(v);
}

/** Each (month, ward) pair with crime records; ward null for records placed in no ward. */
export function readCrimeMonthWards(db: ProjectDb): [string, string | null][] {
  return ((db.exec('SELECT month, ward_code FROM crimes GROUP BY ward_code, month')[0]?.values ?? []) as [string, string | null][]);
}

/** Months with a record from a file with flag columns (a flags value, or an import mapping flags). */
export function readFlagMonths(db: ProjectDb): string[] {
  return firstColumn(
    db,
    `SELECT DISTINCT c.month FROM crimes c LEFT JOIN imports i ON i.id = c.import_id
     WHERE c.flags IS NOT NULL OR i.mapping LIKE '%"flags":{"%'`,
  ).sort();
}

/** Months with at least one record carrying a Home Office offence code. */
export function readOffenceCodeMonths(db: ProjectDb): string[] {
  return firstColumn(db, `SELECT DISTINCT month FROM crimes WHERE offence_code IS NOT NULL AND offence_code != ''`).sort();
}

/** Each (month, ward) pair with stop-and-search records; ward null when placed in no ward. */
export function readStopSearchMonthWards(db: ProjectDb): [string, string | null][] {
  return ((db.exec('SELECT month, ward_code FROM stop_searches GROUP BY ward_code, month')[0]?.values ?? []) as [string, string | null][]);
}

/** Months with at least one stop-and-search record, in order. */
export function readStopSearchMonths(db: ProjectDb): string[] {
  return firstColumn(db, 'SELECT DISTINCT month FROM stop_searches').sort();
}

/** Stop-and-search records of a month range as columns; e/nn BNG metres as for crimes (NaN without a location). */
export interface StopSearchColumns {
  n: number;
  occurredAt: string[];
  month: string[];
  e: Float64Array;
  nn: Float64Array;
}

export function readStopSearchColumns(db: ProjectDb, range: MonthRange): StopSearchColumns {
  const w = monthWhere(range);
  const stmt = db.prepare(`SELECT occurred_at, month, easting, northing, lon, lat FROM stop_searches ${w.sql}`);
  const occurredAt: string[] = [], month: string[] = [], e: number[] = [], nn: number[] = [];
  try {
    stmt.bind(w.params);
    while (stmt.step()) {
      const r = stmt.get();
      let x = r[2] as number | null, y = r[3] as number | null;
      const lon = r[4] as number | null, lat = r[5] as number | null;
      if ((x === null || y === null) && lon !== null && lat !== null) [x, y] = lonLatToBng(lon, lat);
      occurredAt.push(String(r[0]));
      month.push(String(r[1]));
      e.push(x ?? NaN);
      nn.push(y ?? NaN);
    }
  } finally {
    stmt.free();
  }
  return { n: month.length, occurredAt, month, e: Float64Array.from(e), nn: Float64Array.from(nn) };
}
