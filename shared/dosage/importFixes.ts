import type { ProjectDb as Database } from '../repository/db';
import { insertDeviceDays, insertDeviceVisits } from '../repository/dosage';
import { NotUtf8Error, type TextEncodingName } from '../import/decodeText';
import { ImportError } from '../import/importError';
import type { ImportProgress, ImportSource } from '../import/types';
import { isPlausibleBng } from '../geo/bng';
import type { PatrolPlan } from '../patrols/types';
import { readDosageCsv } from './dosageCsv';
import { findDosageImport, inTransaction, insertDosageImport, storedDosageReport, updateDosageSummary } from './dosageImports';
import { FixTrack, VisitAccumulator, processTrack, windowIntervals } from './deviceVisits';
import { checkFixMapping, detectFixMapping, type FixMapping } from './fixColumns';
import { LOCAL_TIME_NOTE, parseFixTime, parseFixTimeIn, type ParsedTime } from './fixTime';
import { HotspotFence } from './geofence';
import { parseDecimalIn, parseNumber } from './numbers';
import { RejectionLog } from './rejections';
import type { DosageImportReport } from './types';

export type { DosageImportReport } from './types';

export interface ImportFixesOptions {
  mapping?: FixMapping;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Imports a GPS/radio fix CSV for a plan (DOMAIN.md "Dosage from location data"). The file is
 * streamed: each row is validated, geofenced against the plan's hotspots and kept only as
 * 12 bytes in its device's typed-array track (time, hotspot set). After the last row each
 * track is sorted, de-duplicated and turned into visits and device days, which are stored with
 * the file's accounting and its first 1,000 rejections in one transaction. Raw fixes are never
 * stored. The same bytes imported again for the same plan add nothing (alreadyImported).
 * Cancelling (the signal) throws its reason and stores nothing.
 */
export async function importFixes(db: Database, plan: PatrolPlan, source: ImportSource, opts: ImportFixesOptions = {}): Promise<DosageImportReport> {
  try {
    return await attempt(db, plan, source, opts, undefined);
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    return attempt(db, plan, source, opts, 'windows-1252');
  }
}

async function attempt(db: Database, plan: PatrolPlan, source: ImportSource, opts: ImportFixesOptions, encoding: TextEncodingName | undefined): Promise<DosageImportReport> {
  const fence = HotspotFence.fromPlan(plan);
  const rejections = new RejectionLog();
  const tracks = new Map<string, FixTrack>();
  const parsed: ParsedTime = { utc: NaN, ambiguous: false, reason: null };
  let mapping: FixMapping | null = null;
  let di = 0, ti = 0, xi = 0, yi = 0, lonLat = true;
  let cDevice = '', cTime = '', cX = '', cY = '';
  let minT = Infinity, maxT = -Infinity;

  const onHeader = (header: string[]) => {
    if (opts.mapping) {
      const problems = checkFixMapping(header, opts.mapping);
      if (problems.length > 0) throw new ImportError(`${source.name}: the column mapping does not fit this file: ${problems.join('; ')}. Nothing was imported.`, source.name, 1);
      mapping = opts.mapping;
    } else {
      const det = detectFixMapping(header);
      if (!det.mapping) {
        throw new ImportError(
          `${source.name} line 1: could not find the ${det.missing.join(', ')} column${det.missing.length > 1 ? 's' : ''} ` +
            `among ${header.map((h) => `"${h}"`).join(', ')}. Choose the columns in the mapping editor. Nothing was imported.`,
          source.name, 1,
        );
      }
      mapping = det.mapping;
    }
    const m = mapping;
    lonLat = m.lon !== undefined && m.lat !== undefined;
    [cDevice, cTime, cX, cY] = [m.device, m.timestamp, lonLat ? m.lon! : m.easting!, lonLat ? m.lat! : m.northing!];
    [di, ti, xi, yi] = [cDevice, cTime, cX, cY].map((c) => header.indexOf(c)) as [number, number, number, number];
  };

  // The row being read, for the raw text of a rejection (built only then).
  let curRow: string[] | null = null, curText = '', curStart = 0, curEnd = 0;
  const raw = (): string[] | string => curRow ?? curText.slice(curStart, curEnd);

  /** Validates a row whose device and time are read; x/y are the parsed coordinates. */
  const accept = (line: number, device: string, x: number, y: number, xText: string | null, yText: string | null) => {
    if (device === '') { rejections.add(line, cDevice, 'no device id', raw()); return; }
    if (parsed.reason !== null) { rejections.add(line, cTime, parsed.reason, raw()); return; }
    let set: number;
    if (lonLat) {
      if (Number.isNaN(x)) { rejections.add(line, cX, `longitude "${xText ?? ''}" is not a number`, raw()); return; }
      if (Number.isNaN(y)) { rejections.add(line, cY, `latitude "${yText ?? ''}" is not a number`, raw()); return; }
      if (x < -180 || x > 180) { rejections.add(line, cX, `longitude ${x} is outside -180 to 180`, raw()); return; }
      if (y < -90 || y > 90) { rejections.add(line, cY, `latitude ${y} is outside -90 to 90`, raw()); return; }
      if (x === 0 && y === 0) { rejections.add(line, cX, 'longitude and latitude are both 0: the device had no position', raw()); return; }
      set = fence.setAtLonLat(x, y);
    } else {
      if (Number.isNaN(x)) { rejections.add(line, cX, `easting "${xText ?? ''}" is not a number`, raw()); return; }
      if (Number.isNaN(y)) { rejections.add(line, cY, `northing "${yText ?? ''}" is not a number`, raw()); return; }
      if (x === 0 && y === 0) { rejections.add(line, cX, 'easting and northing are both 0: the device had no position', raw()); return; }
      if (!isPlausibleBng(x, y)) { rejections.add(line, cX, `easting/northing ${x}, ${y} is outside the British National Grid (0-700000, 0-1300000 m)`, raw()); return; }
      set = fence.setAtBng(x, y);
    }
    let track = tracks.get(device);
    if (!track) { track = new FixTrack(device); tracks.set(device, track); }
    const t = parsed.utc;
    track.push(t, set, parsed.ambiguous);
    if (t < minT) minT = t;
    if (t > maxT) maxT = t;
  };

  // Rows with quotes (or a CSV error) arrive as arrays of fields.
  const onRow = (row: string[], line: number, error: string | undefined) => {
    if (error) { rejections.add(line, undefined, `the row could not be read as CSV (${error})`, row); return; }
    const device = (row[di] ?? '').trim();
    parseFixTime(row[ti] ?? '', parsed);
    const xs = row[xi] ?? '', ys = row[yi] ?? '';
    curRow = row;
    accept(line, device, parseNumber(xs), parseNumber(ys), xs, ys);
  };

  // Quote-free rows (what GPS exports are) arrive as offsets into the text: no per-row arrays.
  const onLine = (text: string, starts: Int32Array, count: number, line: number) => {
    let d0 = di < count ? starts[di]! : 0, d1 = di < count ? starts[di + 1]! - 1 : 0;
    while (d0 < d1 && text.charCodeAt(d0) <= 32) d0++;
    while (d1 > d0 && text.charCodeAt(d1 - 1) <= 32) d1--;
    const device = text.slice(d0, d1);
    if (ti < count) parseFixTimeIn(text, starts[ti]!, starts[ti + 1]! - 1, parsed);
    else parseFixTimeIn('', 0, 0, parsed);
    const x0 = xi < count ? starts[xi]! : 0, x1 = xi < count ? starts[xi + 1]! - 1 : 0;
    const y0 = yi < count ? starts[yi]! : 0, y1 = yi < count ? starts[yi + 1]! - 1 : 0;
    const x = parseDecimalIn(text, x0, x1), y = parseDecimalIn(text, y0, y1);
    curRow = null; curText = text; curStart = starts[0]!; curEnd = starts[count]! - 1;
    accept(line, device, x, y, Number.isNaN(x) ? text.slice(x0, x1) : null, Number.isNaN(y) ? text.slice(y0, y1) : null);
  };

  const read = await readDosageCsv(source, opts, encoding, onHeader, onRow, onLine);
  const settings = plan.dosage;
  const notes = [
    `Columns: device "${cDevice}", time "${cTime}", ${lonLat ? `longitude "${cX}", latitude "${cY}" (WGS84, projected to British National Grid)` : `easting "${cX}", northing "${cY}" (British National Grid)`}; read as ${read.encoding}.`,
    LOCAL_TIME_NOTE,
    `A device is in a hotspot when its fix lies inside the hotspot polygon${settings.bufferMetres > 0 ? ` grown by ${settings.bufferMetres} m` : ' (no buffer)'}.`,
    `A visit is a run of consecutive in-hotspot fixes of one device with no gap over ${settings.maxFixGapMinutes} minutes, from its first to its last fix; runs shorter than ${settings.minVisitMinutes} minutes are pass-throughs and are not counted.`,
    `Fixes of one device at the same time are duplicates (the first in the file is kept); fixes are put in time order per device.`,
    `Device time: each fix stands for the time to the device's next fix, at most ${settings.maxFixGapMinutes} minutes (the last fix for none), counted on the local day of the fix; window time is the part inside the plan's patrol windows, hotspot time the part of that spent inside a hotspot.`,
  ];
  const rejNote = rejections.note();
  if (rejNote) notes.push(rejNote);

  const base: DosageImportReport = {
    importId: null, kind: 'fixes', fileName: source.name, rowsRead: read.rowsRead, accepted: 0, duplicates: 0,
    rejected: rejections.total, rejections: rejections.kept, alreadyImported: false, devices: tracks.size, visits: 0,
    passThroughs: 0, medianFixIntervalSeconds: null, firstFixUtc: null, lastFixUtc: null, notes,
  };
  const earlier = findDosageImport(db, plan.id, 'fixes', read.contentHash);
  if (earlier) {
    const prior = storedDosageReport(db, earlier.id);
    return {
      ...base, ...prior, importId: earlier.id, fileName: source.name, alreadyImported: true, rejections: rejections.kept,
      notes: [`This file's content was already imported for plan ${plan.id} on ${earlier.importedAt} (as "${earlier.fileName}", import ${earlier.id}); nothing was added.`, ...notes],
    };
  }

  const acc = new VisitAccumulator();
  const windows = minT <= maxT ? windowIntervals(settings.windows, minT - 3_600_000, maxT + 2 * 3_600_000) : new Float64Array(0);
  const names = [...tracks.keys()].sort();
  for (const name of names) {
    opts.signal?.throwIfAborted();
    processTrack(tracks.get(name)!, fence.sets, windows, settings, acc);
    tracks.delete(name); // free each track as soon as it is done
  }
  const report: DosageImportReport = {
    ...base, accepted: acc.accepted, duplicates: acc.duplicates, visits: acc.visits.length, passThroughs: acc.passThroughs,
    medianFixIntervalSeconds: acc.medianIntervalSeconds(), firstFixUtc: acc.firstFixUtc, lastFixUtc: acc.lastFixUtc,
  };
  if (report.medianFixIntervalSeconds !== null) notes.push(`Median interval between a device's consecutive fixes: ${report.medianFixIntervalSeconds} s (to the nearest second).`);
  if (report.accepted + report.duplicates + report.rejected !== report.rowsRead) {
    throw new Error(`Fix accounting does not add up for ${source.name}: ${report.rowsRead} read, ${report.accepted} accepted, ${report.duplicates} duplicates, ${report.rejected} rejected.`);
  }
  opts.signal?.throwIfAborted();
  inTransaction(db, 'dosage_fixes', () => {
    const id = insertDosageImport(db, plan.id, read.contentHash, report);
    report.importId = id;
    insertDeviceVisits(db, id, acc.visits.map((r) => ({ device: r.device, hotspotId: fence.ids[r.hotspotIndex]!, startUtc: r.startUtc, endUtc: r.endUtc, fixes: r.fixes })));
    insertDeviceDays(db, id, acc.days);
    updateDosageSummary(db, id, report);
  });
  return report;
}
