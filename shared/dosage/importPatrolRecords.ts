import type { ProjectDb as Database } from '../repository/db';
import { insertPatrolRecords, writeDosageCounts } from '../repository/dosage';
import { NotUtf8Error, type TextEncodingName } from '../import/decodeText';
import { normaliseHeader } from '../import/headers';
import { ImportError } from '../import/importError';
import type { ImportProgress, ImportSource } from '../import/types';
import type { PatrolPlan } from '../patrols/types';
import { readDosageCsv } from './dosageCsv';
import { findDosageImport, inTransaction, insertDosageImport, storedDosageReport, updateDosageSummary } from './dosageImports';
import { LOCAL_TIME_NOTE, parseFixTime } from './fixTime';
import { RejectionLog } from './rejections';
import { parseNumber } from './numbers';
import type { DosageImportReport } from './types';

export interface ImportRecordsOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

/** The force's standing KPI outcomes, stored under these keys whatever the file calls them. */
export const STANDARD_OUTCOMES = ['arrests', 'stop_searches', 'weapons_seized', 'intel_submissions'] as const;

const FIELDS: Record<string, string[]> = {
  hotspot: ['hotspotid', 'hotspot', 'hotspotref', 'cellid', 'location id', 'locationid'],
  start: ['start', 'starttime', 'startdatetime', 'from', 'begin', 'patrolstart', 'timein', 'arrived'],
  end: ['end', 'endtime', 'enddatetime', 'to', 'finish', 'patrolend', 'timeout', 'left'],
  officers: ['officers', 'officercount', 'numofficers', 'noofficers', 'numberofofficers', 'officersdeployed', 'staff'],
  arrests: ['arrests', 'arrest', 'arrestsmade'],
  stop_searches: ['stopsearches', 'stopsearch', 'stopandsearch', 'stopandsearches', 'stopsandsearches', 'ss', 'searches'],
  weapons_seized: ['weaponsseized', 'weapons', 'weaponseized', 'weaponsrecovered'],
  intel_submissions: ['intelsubmissions', 'intelligencesubmissions', 'intel', 'intelligence', 'intelreports', 'intelligencereports'],
};

/** Extra columns that describe the patrol rather than count an outcome: never read as numbers. */
const TEXT_COLUMNS = new Set(['notes', 'note', 'comments', 'comment', 'team', 'officer', 'officernames', 'callsign', 'name', 'hotspotname', 'description', 'date', 'id', 'ref', 'reference', 'district', 'ward']);

/**
 * Imports manual patrol records (one row per patrol: hotspot id, start, end, officers and
 * outcomes) for a plan. Column names are matched loosely (case, spaces and punctuation ignored,
 * common aliases). Any other column is an extra outcome kept by its header name, unless its
 * name says it is text (notes, team...) or its first filled value is not a number, in which
 * case it is ignored and the report says so. A blank outcome is left out of that record's
 * outcomes (missing, not zero). Rejected with line, column and reason: unknown hotspot id,
 * bad or missing times, end not after start, officers not a whole number >= 1, a non-numeric
 * or negative outcome. A row is a duplicate when the plan already has a record of the same
 * hotspot, start and end (in this file or an earlier one); the first is kept.
 */
export async function importPatrolRecords(db: Database, plan: PatrolPlan, source: ImportSource, opts: ImportRecordsOptions = {}): Promise<DosageImportReport> {
  try {
    return await attempt(db, plan, source, opts, undefined);
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    return attempt(db, plan, source, opts, 'windows-1252');
  }
}

interface RecordRow { line: number; key: string; hotspotId: string; startUtc: number; endUtc: number; officers: number; outcomes: Record<string, number> }

async function attempt(db: Database, plan: PatrolPlan, source: ImportSource, opts: ImportRecordsOptions, encoding: TextEncodingName | undefined): Promise<DosageImportReport> {
  const hotspotIds = new Set(plan.hotspots.map((h) => h.id));
  const rejections = new RejectionLog();
  const records: RecordRow[] = [];
  let header: string[] = [];
  const col: Record<string, number> = {};
  /** Extra columns: index -> name, with whether they have been judged numeric (true), text (false) or not yet. */
  const extras = new Map<number, { name: string; numeric: boolean | null }>();

  const onHeader = (h: string[]) => {
    header = h;
    const norm = h.map(normaliseHeader);
    for (const [field, names] of Object.entries(FIELDS)) {
      for (const n of names) {
        const i = norm.indexOf(normaliseHeader(n));
        if (i >= 0 && !Object.values(col).includes(i)) { col[field] = i; break; }
      }
    }
    const missing = ['hotspot', 'start', 'end'].filter((f) => col[f] === undefined);
    if (missing.length > 0) {
      const words: Record<string, string> = { hotspot: 'hotspot id', start: 'start time', end: 'end time' };
      throw new ImportError(
        `${source.name} line 1: could not find the ${missing.map((m) => words[m]).join(', ')} column${missing.length > 1 ? 's' : ''} among ` +
          `${h.map((x) => `"${x}"`).join(', ')}. Expected e.g. hotspot_id, start, end, officers, arrests, stop_searches, weapons_seized, intel_submissions. Nothing was imported.`,
        source.name, 1,
      );
    }
    const used = new Set(Object.values(col));
    h.forEach((name, i) => {
      if (used.has(i) || name === '') return;
      extras.set(i, { name, numeric: TEXT_COLUMNS.has(norm[i]!) ? false : null });
    });
  };

  const onRow = (row: string[], line: number, error: string | undefined) => {
    if (error) { rejections.add(line, undefined, `the row could not be read as CSV (${error})`, row); return; }
    const cell = (f: string) => (col[f] === undefined ? '' : (row[col[f]] ?? '').trim());
    const name = (f: string) => header[col[f]!]!;
    const hotspotId = cell('hotspot');
    if (hotspotId === '') { rejections.add(line, name('hotspot'), 'no hotspot id', row); return; }
    if (!hotspotIds.has(hotspotId)) { rejections.add(line, name('hotspot'), `hotspot "${hotspotId}" is not in plan ${plan.id}`, row); return; }
    const s = parseFixTime(cell('start'));
    if (s.reason !== null) { rejections.add(line, name('start'), s.reason, row); return; }
    const e = parseFixTime(cell('end'));
    if (e.reason !== null) { rejections.add(line, name('end'), e.reason, row); return; }
    if (e.utc <= s.utc) { rejections.add(line, name('end'), `the patrol ends (${cell('end')}) ${e.utc < s.utc ? 'before' : 'when'} it starts (${cell('start')})`, row); return; }
    let officers = 1;
    if (col.officers !== undefined && cell('officers') !== '') {
      officers = parseNumber(cell('officers'));
      if (!Number.isInteger(officers) || officers < 1) { rejections.add(line, name('officers'), `officers "${cell('officers')}" is not a whole number of 1 or more`, row); return; }
    }
    const outcomes: Record<string, number> = {};
    for (const k of STANDARD_OUTCOMES) {
      const v = cell(k);
      if (v === '') continue;
      const x = parseNumber(v);
      if (Number.isNaN(x) || x < 0) { rejections.add(line, name(k), `${k.replace('_', ' ')} "${v}" is not a count (a number of 0 or more)`, row); return; }
      outcomes[k] = x;
    }
    for (const [i, ex] of extras) {
      const v = (row[i] ?? '').trim();
      if (v === '' || ex.numeric === false) continue;
      const x = parseNumber(v);
      if (ex.numeric === null) ex.numeric = !Number.isNaN(x);
      if (!ex.numeric) continue;
      if (Number.isNaN(x) || x < 0) { rejections.add(line, ex.name, `"${v}" in the outcome column "${ex.name}" is not a count (a number of 0 or more)`, row); return; }
      outcomes[ex.name] = x;
    }
    records.push({ line, key: `${plan.id}|${hotspotId}|${s.utc}|${e.utc}`, hotspotId, startUtc: s.utc, endUtc: e.utc, officers, outcomes });
  };

  const read = await readDosageCsv(source, opts, encoding, onHeader, onRow);
  const found = Object.keys(col).filter((k) => k !== 'hotspot' && k !== 'start' && k !== 'end');
  const numericExtras = [...extras.values()].filter((x) => x.numeric === true).map((x) => `"${x.name}"`);
  const textExtras = [...extras.values()].filter((x) => x.numeric !== true).map((x) => `"${x.name}"`);
  const notes = [
    `Columns: hotspot "${header[col.hotspot!]}", start "${header[col.start!]}", end "${header[col.end!]}"` +
      (found.length ? `, ${found.map((f) => `${f} "${header[col[f]!]}"`).join(', ')}` : '') + `; read as ${read.encoding}.`,
    LOCAL_TIME_NOTE,
    col.officers === undefined ? 'No officers column: each patrol counts as 1 officer.' : 'A blank officers cell counts as 1 officer.',
    `Outcomes: a blank cell is missing for that patrol, not zero.${numericExtras.length ? ` Extra outcome columns kept by name: ${numericExtras.join(', ')}.` : ''}` +
      (textExtras.length ? ` Ignored (text, not counts): ${textExtras.join(', ')}.` : ''),
    'A record is a duplicate when the plan already has one for the same hotspot, start and end (the first one is kept).',
  ];
  const rejNote = rejections.note();
  if (rejNote) notes.push(rejNote);
  const report: DosageImportReport = {
    importId: null, kind: 'records', fileName: source.name, rowsRead: read.rowsRead, accepted: 0, duplicates: 0,
    rejected: rejections.total, rejections: rejections.kept, alreadyImported: false, devices: 0, visits: 0, passThroughs: 0,
    medianFixIntervalSeconds: null, firstFixUtc: null, lastFixUtc: null, notes,
  };
  const earlier = findDosageImport(db, plan.id, 'records', read.contentHash);
  if (earlier) {
    const prior = storedDosageReport(db, earlier.id);
    return {
      ...report, ...prior, importId: earlier.id, fileName: source.name, alreadyImported: true,
      notes: [`This file's content was already imported for plan ${plan.id} on ${earlier.importedAt} (as "${earlier.fileName}", import ${earlier.id}); nothing was added.`, ...notes],
    };
  }
  opts.signal?.throwIfAborted();
  inTransaction(db, 'dosage_records', () => {
    const id = insertDosageImport(db, plan.id, read.contentHash, report);
    report.importId = id;
    for (const added of insertPatrolRecords(db, id, records)) {
      if (added) report.accepted++;
      else report.duplicates++;
    }
    let first: number | null = null, last: number | null = null;
    for (const r of records) {
      first = first === null ? r.startUtc : Math.min(first, r.startUtc);
      last = last === null ? r.endUtc : Math.max(last, r.endUtc);
    }
    report.firstFixUtc = first;
    report.lastFixUtc = last;
    if (report.accepted + report.duplicates + report.rejected !== report.rowsRead) {
      throw new Error(`Record accounting does not add up for ${source.name}.`);
    }
    writeDosageCounts(db, id, report.accepted, report.duplicates);
    updateDosageSummary(db, id, report);
  });
  return report;
}
