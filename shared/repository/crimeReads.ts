import { lonLatToBng } from '../geo/bng';
import type { ProjectDb, SqlValue } from './db';
import { monthCode, monthText } from './records/monthCode';

/**
 * Every read of crime and stop-and-search records, in one file. They read the compact tables
 * of schema v4 (crime_rows, stop_search_rows, places, text_dict, crime_extras) directly: the
 * readable `crimes` / `stop_searches` views join six dictionaries a row, which at a force's ten
 * years (3M records) turns a one-second read into many. Months are filtered as integers, places
 * and texts are read once and shared by the records that point at them.
 */

/** Inclusive 'YYYY-MM' bounds; either end may be open. */
export interface MonthRange {
  from?: string;
  to?: string;
}

/** `WHERE` terms on the integer month column `col` (after any `head` terms). */
function monthWhere(r: MonthRange, col: string, head: string[] = [], headParams: SqlValue[] = []): { sql: string; params: SqlValue[] } {
  const where = [...head];
  const params = [...headParams];
  if (r.from) { where.push(`${col} >= ?`); params.push(monthCode(r.from)); }
  if (r.to) { where.push(`${col} <= ?`); params.push(monthCode(r.to)); }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The text dictionary by id (a few thousand entries even for a force's ten years). */
function texts(db: ProjectDb): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const [id, text] of (db.exec('SELECT id, text FROM text_dict')[0]?.values ?? []) as [number, string][]) out[id] = text;
  return out;
}

/** Places by id, as columns: BNG metres (from lon/lat when a place has no BNG; NaN without a location). */
interface Places {
  e: Float64Array;
  nn: Float64Array;
  ooa: Uint8Array;
  ward: Int32Array;
  location: Int32Array;
}

function places(db: ProjectDb): Places {
  const rows = (db.exec('SELECT id, easting, northing, lon_e6, lat_e6, out_of_area, ward_id, location_id FROM places')[0]?.values ?? []) as (number | null)[][];
  let max = 0;
  for (const r of rows) if (r[0]! > max) max = r[0]!;
  const p: Places = {
    e: new Float64Array(max + 1).fill(NaN), nn: new Float64Array(max + 1).fill(NaN), ooa: new Uint8Array(max + 1),
    ward: new Int32Array(max + 1).fill(-1), location: new Int32Array(max + 1).fill(-1),
  };
  for (const [id, x0, y0, lon, lat, out, ward, location] of rows) {
    let x = x0, y = y0;
    if ((x === null || y === null) && lon !== null && lat !== null) [x, y] = lonLatToBng(lon! / 1e6, lat! / 1e6);
    const i = id!;
    p.e[i] = x ?? NaN;
    p.nn[i] = y ?? NaN;
    p.ooa[i] = out ? 1 : 0;
    p.ward[i] = ward ?? -1;
    p.location[i] = location ?? -1;
  }
  return p;
}

/** Extract-only fields by crime id (crime_extras holds rows only where a record has any). */
interface Extras {
  from: string | null;
  to: string | null;
  code: string | null;
  flags: string | null;
}

function extras(db: ProjectDb, range: MonthRange): Map<number, Extras> {
  const w = monthWhere(range, 'c.month');
  const rows = (db.exec(
    `SELECT x.crime_id, x.committed_from, x.committed_to, x.offence_code, x.flags FROM crime_extras x
     JOIN crime_rows c ON c.id = x.crime_id ${w.sql}`,
    w.params,
  )[0]?.values ?? []) as [number, string | null, string | null, string | null, string | null][];
  return new Map(rows.map(([id, from, to, code, flags]) => [id, { from, to, code, flags }]));
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

const str = (v: SqlValue): string | null => (v === null || v === undefined ? null : (v as string));

const NO_EXTRAS: Extras = { from: null, to: null, code: null, flags: null };

/**
 * The crime records of a month range as columns, keeping only those `keep` accepts (tested
 * while reading, so rejected records cost no memory).
 */
export function readCrimeColumns(db: ProjectDb, range: MonthRange, choice: CrimeColumnChoice = {}, keep?: CrimeKeep): CrimeColumns {
  const dict = texts(db), pl = places(db), xs = extras(db, range);
  const months = new Map<number, string>();
  const w = monthWhere(range, 'month');
  // Rows come in id order from the table scan; ORDER BY id costs nothing and makes it explicit.
  const stmt = db.prepare(`SELECT id, type_id, place_id, month FROM crime_rows ${w.sql}${choice.ordered ? ' ORDER BY id' : ''}`);
  const crimeType: (string | null)[] = [], offenceCode: (string | null)[] = [];
  const e: number[] = [], nn: number[] = [], ooa: number[] = [];
  const month: string[] = [], ward: (string | null)[] = [], location: (string | null)[] = [];
  const cFrom: (string | null)[] = [], cTo: (string | null)[] = [];
  try {
    stmt.bind(w.params);
    while (stmt.step()) {
      const r = stmt.get();
      const x = xs.size ? (xs.get(r[0] as number) ?? NO_EXTRAS) : NO_EXTRAS;
      const type = r[1] === null ? null : (dict[r[1] as number] ?? null);
      if (keep && !keep(type, x.code, choice.flags ? x.flags : null)) continue;
      const place = r[2] as number;
      crimeType.push(type);
      offenceCode.push(x.code);
      e.push(pl.e[place]!);
      nn.push(pl.nn[place]!);
      ooa.push(pl.ooa[place]!);
      if (choice.month) {
        const m = r[3] as number;
        let text = months.get(m);
        if (text === undefined) months.set(m, (text = monthText(m)));
        month.push(text);
      }
      if (choice.ward) ward.push(pl.ward[place]! < 0 ? null : (dict[pl.ward[place]!] ?? null));
      if (choice.location) location.push(pl.location[place]! < 0 ? null : (dict[pl.location[place]!] ?? null));
      if (choice.committed) { cFrom.push(x.from); cTo.push(x.to); }
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
 * aggregates ids, so a year of a large force is a few thousand groups, not a million rows.
 */
export function readCrimeGroups(db: ProjectDb, range: MonthRange, choice: CrimeGroupChoice = {}): CrimeGroup[] {
  const hasExtras = Number(db.exec('SELECT EXISTS (SELECT 1 FROM crime_extras)')[0]!.values[0]![0]) === 1;
  // Only the columns asked for are selected and grouped: every extra key makes SQLite's sort dearer.
  const cols = [
    ...(choice.byWard ? ['p.ward_id'] : []),
    ...(choice.byMonth ? ['c.month'] : []),
    'c.type_id', hasExtras ? 'x.offence_code' : 'NULL', hasExtras ? 'x.flags' : 'NULL',
    ...(choice.inAreaOnly ? [] : ['p.out_of_area']),
  ];
  const head: string[] = [];
  const headParams: SqlValue[] = [];
  if (choice.ward !== undefined) { head.push('p.ward_id = (SELECT id FROM text_dict WHERE text = ?)'); headParams.push(choice.ward); }
  if (choice.inAreaOnly) head.push('p.out_of_area = 0');
  const w = monthWhere(range, 'c.month', head, headParams);
  const rows = db.exec(
    `SELECT ${cols.join(', ')}, COUNT(*) FROM crime_rows c JOIN places p ON p.id = c.place_id
     ${hasExtras ? 'LEFT JOIN crime_extras x ON x.crime_id = c.id' : ''} ${w.sql} GROUP BY ${cols.map((_, i) => i + 1).join(', ')}`,
    w.params,
  )[0]?.values ?? [];
  const dict = texts(db);
  const text = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : (dict[v as number] ?? null));
  const at = (name: string) => cols.indexOf(name);
  const iWard = at('p.ward_id'), iMonth = at('c.month'), iType = at('c.type_id'), iOoa = at('p.out_of_area');
  return rows.map((r) => ({
    ward: iWard >= 0 ? text(r[iWard]) : (choice.ward ?? null),
    month: iMonth >= 0 ? monthText(Number(r[iMonth])) : null,
    crimeType: text(r[iType]), offenceCode: str(r[iType + 1]!), flags: str(r[iType + 2]!),
    outOfArea: iOoa >= 0 ? Number(r[iOoa]) !== 0 : false,
    n: Number(r[cols.length]),
  }));
}

const monthsOf = (db: ProjectDb, sql: string, params: SqlValue[] = []): string[] =>
  ((db.exec(sql, params)[0]?.values ?? []) as [number][]).map((r) => r[0]).sort((a, b) => a - b).map(monthText);

/** Months with at least one crime record (in a range, optionally one ward's), in order. */
export function readCrimeMonths(db: ProjectDb, range: MonthRange = {}, ward?: string): string[] {
  if (ward === undefined) {
    const w = monthWhere(range, 'month');
    return monthsOf(db, `SELECT DISTINCT month FROM crime_rows ${w.sql}`, w.params);
  }
  const w = monthWhere(range, 'c.month', ['p.ward_id = (SELECT id FROM text_dict WHERE text = ?)'], [ward]);
  return monthsOf(db, `SELECT DISTINCT c.month FROM crime_rows c JOIN places p ON p.id = c.place_id ${w.sql}`, w.params);
}

/** First and last month of the records in a range (null when there are none). */
export function readCrimeMonthSpan(db: ProjectDb, range: MonthRange): { first: string | null; last: string | null } {
  const w = monthWhere(range, 'month');
  const v = db.exec(`SELECT MIN(month), MAX(month) FROM crime_rows ${w.sql}`, w.params)[0]?.values[0] ?? [null, null];
  return { first: v[0] === null ? null : monthText(Number(v[0])), last: v[1] === null ? null : monthText(Number(v[1])) };
}

/** Latest month in the crimes table, or null when it is empty. */
export function readLatestCrimeMonth(db: ProjectDb): string | null {
  const v = db.exec('SELECT MAX(month) FROM crime_rows')[0]?.values[0]?.[0];
  return v === null || v === undefined ? null : monthText(Number(v));
}

/** (month, ward) pairs of a record table; ward null for records placed in no ward. */
function monthWards(db: ProjectDb, table: 'crime_rows' | 'stop_search_rows'): [string, string | null][] {
  const rows = (db.exec(
    `SELECT g.month, t.text FROM (SELECT DISTINCT c.month, p.ward_id FROM ${table} c JOIN places p ON p.id = c.place_id) g
     LEFT JOIN text_dict t ON t.id = g.ward_id`,
  )[0]?.values ?? []) as [number, string | null][];
  return rows.map(([m, w]) => [monthText(m), w]);
}

/** Each (month, ward) pair with crime records; ward null for records placed in no ward. */
export function readCrimeMonthWards(db: ProjectDb): [string, string | null][] {
  return monthWards(db, 'crime_rows');
}

/** Months with a record from a file with flag columns (a flags value, or an import mapping flags). */
export function readFlagMonths(db: ProjectDb): string[] {
  return monthsOf(
    db,
    `SELECT c.month FROM crime_extras x JOIN crime_rows c ON c.id = x.crime_id WHERE x.flags IS NOT NULL
     UNION
     SELECT DISTINCT month FROM crime_rows WHERE import_id IN (SELECT id FROM imports WHERE mapping LIKE '%"flags":{"%')`,
  );
}

/** Months with at least one record carrying a Home Office offence code. */
export function readOffenceCodeMonths(db: ProjectDb): string[] {
  return monthsOf(
    db,
    `SELECT DISTINCT c.month FROM crime_extras x JOIN crime_rows c ON c.id = x.crime_id WHERE x.offence_code IS NOT NULL AND x.offence_code != ''`,
  );
}

/** Each (month, ward) pair with stop-and-search records; ward null when placed in no ward. */
export function readStopSearchMonthWards(db: ProjectDb): [string, string | null][] {
  return monthWards(db, 'stop_search_rows');
}

/** Months with at least one stop-and-search record, in order. */
export function readStopSearchMonths(db: ProjectDb): string[] {
  return monthsOf(db, 'SELECT DISTINCT month FROM stop_search_rows');
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
  const pl = places(db);
  const w = monthWhere(range, 'month');
  const stmt = db.prepare(`SELECT occurred_at, month, place_id FROM stop_search_rows ${w.sql} ORDER BY id`);
  const occurredAt: string[] = [], month: string[] = [], e: number[] = [], nn: number[] = [];
  try {
    stmt.bind(w.params);
    while (stmt.step()) {
      const r = stmt.get();
      occurredAt.push(String(r[0]));
      month.push(monthText(Number(r[1])));
      e.push(pl.e[r[2] as number]!);
      nn.push(pl.nn[r[2] as number]!);
    }
  } finally {
    stmt.free();
  }
  return { n: month.length, occurredAt, month, e: Float64Array.from(e), nn: Float64Array.from(nn) };
}
