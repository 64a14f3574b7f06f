import { describe, expect, it } from 'vitest';
import { bngToLonLat } from '../../../shared/geo/bng';
import { importFixes } from '../../../shared/dosage/importFixes';
import { listDosageImports, removeDosageImport } from '../../../shared/dosage/dosageImports';
import { queryAll } from '../../../shared/project/projectDb';
import { A, B, bngCsv, count, fixesEvery, projectWithPlan, testPlan, textSource, visits } from './helpers';

const utc = (s: string) => Date.parse(s);
const MIN = 60_000;
const inA = (d: string, from: string, to: string, step = 60): [string, number, number, number][] =>
  fixesEvery(utc(from), utc(to), step, A.e + 50, A.n + 50).map(([t, e, n]) => [d, t, e, n]);
const outside = (d: string, t: string): [string, number, number, number] => [d, utc(t), A.e + 500, A.n + 500];

describe('importFixes: visits', () => {
  it('keeps the exact start and end of a visit across local midnight', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    // 23:55 to 00:10 BST on 14/15 June 2024 = 22:55Z to 23:10Z.
    const r = await importFixes(db, plan, textSource('midnight.csv', bngCsv(inA('R1', '2024-06-14T22:55:00Z', '2024-06-14T23:10:00Z'))));
    expect(r).toMatchObject({ rowsRead: 16, accepted: 16, duplicates: 0, rejected: 0, devices: 1, visits: 1, passThroughs: 0, alreadyImported: false });
    expect(visits(db)).toEqual([{ device: 'R1', hotspot_id: 'A', start_utc: utc('2024-06-14T22:55:00Z'), end_utc: utc('2024-06-14T23:10:00Z'), fixes: 16 }]);
    // Device time is counted on the local day of each fix: 5 fixes before midnight, 11 after (the last stands for none).
    const days = queryAll<{ local_date: string }>(db, 'SELECT local_date FROM device_days ORDER BY local_date').map((d) => d.local_date);
    expect(days).toEqual(['2024-06-14', '2024-06-15']);
  });

  it('follows a device through the October clock change with no-zone local times', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    // Wall clock 00:50..01:59 (BST), then the clocks go back and it reads 01:00..01:20 again (GMT).
    const lines = ['callsign,time,easting,northing'];
    const wall = (h: number, m: number) => `2024-10-27 ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
    for (let m = 50; m < 60; m++) lines.push(`R1,${wall(0, m)},${A.e + 20},${A.n + 20}`);
    for (let m = 0; m < 60; m++) lines.push(`R1,${wall(1, m)},${A.e + 20},${A.n + 20}`);
    for (let m = 0; m <= 20; m++) lines.push(`R1,${wall(1, m)},${A.e + 20},${A.n + 20}`);
    const r = await importFixes(db, plan, textSource('october.csv', lines.join('\n')));
    expect(r).toMatchObject({ rowsRead: 91, accepted: 91, duplicates: 0, visits: 1 });
    expect(visits(db)).toEqual([{ device: 'R1', hotspot_id: 'A', start_utc: utc('2024-10-26T23:50:00Z'), end_utc: utc('2024-10-27T01:20:00Z'), fixes: 91 }]);
    expect(r.notes.join(' ')).toMatch(/UK local time \(Europe\/London\)/);
  });

  it('stores each of two overlapping officers as their own visit', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const rows = [...inA('P1', '2024-06-03T10:00:00Z', '2024-06-03T10:20:00Z'), ...inA('P2', '2024-06-03T10:10:30Z', '2024-06-03T10:30:30Z')];
    const r = await importFixes(db, plan, textSource('two.csv', bngCsv(rows)));
    expect(r.devices).toBe(2);
    expect(visits(db)).toEqual([
      { device: 'P1', hotspot_id: 'A', start_utc: utc('2024-06-03T10:00:00Z'), end_utc: utc('2024-06-03T10:20:00Z'), fixes: 21 },
      { device: 'P2', hotspot_id: 'A', start_utc: utc('2024-06-03T10:10:30Z'), end_utc: utc('2024-06-03T10:30:30Z'), fixes: 21 },
    ]);
  });

  it('counts a drive-by under 2 minutes as a pass-through, not a visit; exactly 2 minutes is a visit', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const rows = [
      outside('D1', '2024-06-03T09:59:00Z'), ...inA('D1', '2024-06-03T10:00:00Z', '2024-06-03T10:01:30Z', 30), outside('D1', '2024-06-03T10:02:00Z'),
      ...inA('D2', '2024-06-03T10:00:00Z', '2024-06-03T10:02:00Z', 30),
    ];
    const r = await importFixes(db, plan, textSource('driveby.csv', bngCsv(rows)));
    expect(r).toMatchObject({ visits: 1, passThroughs: 1 });
    expect(visits(db).map((v) => v.device)).toEqual(['D2']);
  });

  it('splits a visit at a 6-minute gap but not at a 5-minute one', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const rows = [
      ...inA('G6', '2024-06-03T10:00:00Z', '2024-06-03T10:05:00Z'), ...inA('G6', '2024-06-03T10:11:00Z', '2024-06-03T10:20:00Z'),
      ...inA('G5', '2024-06-03T10:00:00Z', '2024-06-03T10:05:00Z'), ...inA('G5', '2024-06-03T10:10:00Z', '2024-06-03T10:20:00Z'),
    ];
    await importFixes(db, plan, textSource('gaps.csv', bngCsv(rows)));
    expect(visits(db).map((v) => [v.device, (v.start_utc - utc('2024-06-03T10:00:00Z')) / MIN, (v.end_utc - utc('2024-06-03T10:00:00Z')) / MIN])).toEqual([
      ['G5', 0, 20], ['G6', 0, 5], ['G6', 11, 20],
    ]);
  });

  it('ends a visit when the device leaves and starts another hotspot separately', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const rows: [string, number, number, number][] = [
      ...inA('R1', '2024-06-03T10:00:00Z', '2024-06-03T10:05:00Z'),
      outside('R1', '2024-06-03T10:06:00Z'),
      ...fixesEvery(utc('2024-06-03T10:07:00Z'), utc('2024-06-03T10:12:00Z'), 60, B.e + 10, B.n + 10).map(([t, e, n]) => ['R1', t, e, n] as [string, number, number, number]),
      ...inA('R1', '2024-06-03T10:13:00Z', '2024-06-03T10:16:00Z'),
    ];
    await importFixes(db, plan, textSource('two-hotspots.csv', bngCsv(rows)));
    expect(visits(db).map((v) => [v.hotspot_id, new Date(v.start_utc).toISOString().slice(11, 16), new Date(v.end_utc).toISOString().slice(11, 16)])).toEqual([
      ['A', '10:00', '10:05'], ['A', '10:13', '10:16'], ['B', '10:07', '10:12'],
    ]);
  });

  it('sorts out-of-order fixes and drops duplicates (same device and time), counting them', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const rows = inA('R1', '2024-06-03T10:00:00Z', '2024-06-03T10:14:00Z');
    const shuffled = [rows[7]!, rows[3]!, ...rows.slice(8), rows[0]!, rows[5]!, rows[1]!, rows[2]!, rows[4]!, rows[6]!, rows[3]!, rows[10]!];
    const r = await importFixes(db, plan, textSource('shuffled.csv', bngCsv(shuffled)));
    expect(r).toMatchObject({ rowsRead: 17, accepted: 15, duplicates: 2, rejected: 0, visits: 1 });
    expect(visits(db)).toEqual([{ device: 'R1', hotspot_id: 'A', start_utc: utc('2024-06-03T10:00:00Z'), end_utc: utc('2024-06-03T10:14:00Z'), fixes: 15 }]);
    expect(r.medianFixIntervalSeconds).toBe(60);
  });

  it('geofences lon/lat fixes by projecting them to BNG, honouring the buffer', async () => {
    const lonLat = (e: number, n: number) => bngToLonLat(e, n).map((v) => v.toFixed(7)).join(',');
    const text = ['device,timestamp,lon,lat',
      ...[0, 1, 2, 3, 4, 5].map((m) => `R1,2024-06-03T10:0${m}:00Z,${lonLat(A.e + 75, A.n + 75)}`),
      // Just outside A's east edge: 10 m away.
      ...[0, 1, 2, 3, 4, 5].map((m) => `R2,2024-06-03T10:0${m}:00Z,${lonLat(A.e + 160, A.n + 75)}`)].join('\n');
    const plain = testPlan();
    const db = await projectWithPlan(plain);
    await importFixes(db, plain, textSource('ll.csv', text));
    expect(visits(db).map((v) => v.device)).toEqual(['R1']);
    const buffered = testPlan({ bufferMetres: 15 }, 'P2');
    const db2 = await projectWithPlan(buffered);
    const r = await importFixes(db2, buffered, textSource('ll.csv', text));
    expect(visits(db2).map((v) => v.device)).toEqual(['R1', 'R2']);
    expect(r.notes.join(' ')).toMatch(/grown by 15 m/);
  });

  it('counts device time inside the patrol windows and, of that, inside hotspots', async () => {
    const plan = testPlan(); // windows 08:00-16:00 local every day
    const db = await projectWithPlan(plan);
    // BST: local 07:58..08:10 = 06:58Z..07:10Z, in hotspot from 08:05; then a 10-minute gap (capped at 5) and a last fix.
    const rows: [string, number, number, number][] = [
      ...fixesEvery(utc('2024-06-03T06:58:00Z'), utc('2024-06-03T07:04:00Z'), 60, A.e + 500, A.n).map(([t, e, n]) => ['R1', t, e, n] as [string, number, number, number]),
      ...inA('R1', '2024-06-03T07:05:00Z', '2024-06-03T07:10:00Z'),
      outside('R1', '2024-06-03T07:20:00Z'),
    ];
    await importFixes(db, plan, textSource('window.csv', bngCsv(rows)));
    // Window: 08:00-08:10 by the minute fixes (600 s) + 08:10's fix capped at 5 min (300 s) = 900 s;
    // hotspot: fixes 08:05..08:09 (5 x 60 s) + 08:10 (300 s) = 600 s.
    expect(queryAll(db, 'SELECT device, local_date, window_seconds, hotspot_seconds FROM device_days')).toEqual([
      { device: 'R1', local_date: '2024-06-03', window_seconds: 900, hotspot_seconds: 600 },
    ]);
  });
});

describe('importFixes: accounting, rejections and re-import', () => {
  it('rejects bad rows with line, column and reason and accounts for every row', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const text = [
      'device_id,timestamp,latitude,longitude',
      'R1,2024-06-03T10:00:00Z,53.79,-1.55',
      ',2024-06-03T10:01:00Z,53.79,-1.55',
      'R1,not a time,53.79,-1.55',
      'R1,2024-06-03T10:02:00Z,53.79,abc',
      'R1,2024-06-03T10:03:00Z,0,0',
      'R1,2024-06-03T10:04:00Z,95,-1.55',
      'R1,2024-03-31 01:30:00,53.79,-1.55',
      'R1,2024-06-03T10:05:00Z,,-1.55',
      '',
      'R1,2024-06-03T10:06:00Z,53.79,-1.55',
    ].join('\r\n');
    const r = await importFixes(db, plan, textSource('bad.csv', text));
    expect(r).toMatchObject({ rowsRead: 9, accepted: 2, duplicates: 0, rejected: 7 });
    expect(r.rejections.map((x) => [x.line, x.column, x.reason.slice(0, 30)])).toEqual([
      [3, 'device_id', 'no device id'],
      [4, 'timestamp', '"not a time" is not a date and'],
      [5, 'longitude', 'longitude "abc" is not a numbe'],
      [6, 'longitude', 'longitude and latitude are bot'],
      [7, 'latitude', 'latitude 95 is outside -90 to '],
      [8, 'timestamp', '"2024-03-31 01:30:00" does not'],
      [9, 'latitude', 'latitude "" is not a number'],
    ]);
    expect(r.rejections[3]!.raw).toBe('R1,2024-06-03T10:03:00Z,0,0');
    expect(count(db, 'dosage_rejections')).toBe(7);
    expect(queryAll(db, 'SELECT line, column_name, reason FROM dosage_rejections ORDER BY line')[0]).toEqual({ line: 3, column_name: 'device_id', reason: 'no device id' });
  });

  it('rejects BNG positions outside the grid', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const r = await importFixes(db, plan, textSource('bng.csv', 'unit,datetime,x,y\nR1,2024-06-03T10:00:00Z,430050,433050\nR1,2024-06-03T10:01:00Z,-5,433050\nR1,2024-06-03T10:02:00Z,0,0\n'));
    expect(r).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2 });
    expect(r.rejections.map((x) => x.line)).toEqual([3, 4]);
  });

  it('adds nothing when the same file content is imported again, and says so', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const text = bngCsv(inA('R1', '2024-06-03T10:00:00Z', '2024-06-03T10:14:00Z'));
    const first = await importFixes(db, plan, textSource('a.csv', text));
    const again = await importFixes(db, plan, textSource('a-copy.csv', text, 1000));
    expect(again.alreadyImported).toBe(true);
    expect(again.importId).toBe(first.importId);
    expect(again.notes[0]).toMatch(/already imported .* nothing was added/);
    expect([count(db, 'dosage_imports'), count(db, 'device_visits'), count(db, 'device_days')]).toEqual([1, 1, 1]);
    // A different file is a new import.
    await importFixes(db, plan, textSource('b.csv', text.replace(/10:14:00Z/, '10:14:30Z')));
    expect(count(db, 'dosage_imports')).toBe(2);
    const list = listDosageImports(db, plan.id);
    expect(list.map((l) => [l.kind, l.fileName, l.rowsRead, l.accepted])).toEqual([['fixes', 'a.csv', 15, 15], ['fixes', 'b.csv', 15, 15]]);
    expect(list[0]!.summary.visits).toBe(1);
    removeDosageImport(db, list[0]!.id);
    expect([count(db, 'dosage_imports'), count(db, 'device_visits'), count(db, 'device_days')]).toEqual([1, 1, 1]);
  });

  it('stores nothing when cancelled', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const ac = new AbortController();
    ac.abort(new Error('cancelled by the analyst'));
    await expect(importFixes(db, plan, textSource('a.csv', bngCsv(inA('R1', '2024-06-03T10:00:00Z', '2024-06-03T10:14:00Z'))), { signal: ac.signal })).rejects.toThrow('cancelled by the analyst');
    expect(count(db, 'dosage_imports')).toBe(0);
  });

  it('names the missing columns when it cannot detect them, and takes a hand mapping', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const text = 'who,when,east,north\nR1,2024-06-03T10:00:00Z,430050,433050\n';
    await expect(importFixes(db, plan, textSource('odd.csv', text))).rejects.toThrow(/could not find the device .* timestamp, position/);
    const r = await importFixes(db, plan, textSource('odd.csv', text), { mapping: { device: 'who', timestamp: 'when', easting: 'east', northing: 'north' } });
    expect(r.accepted).toBe(1);
  });

  it('reads quoted fields, a BOM, semicolons and Windows-1252 text, keeping physical line numbers', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const text = '\ufeff"Device ID";"Timestamp";"Easting";"Northing"\n' +
      '"R1";"2024-06-03T10:00:00Z";430050;433050\n' +
      '"R\n2";"2024-06-03T10:00:00Z";430050;433050\n' +
      '"R1";"2024-06-03T10:01:00Z";"x";433050\n' +
      'R1;2024-06-03T10:02:00Z;430050;433050\n';
    const r = await importFixes(db, plan, textSource('quoted.csv', text, 13));
    expect(r).toMatchObject({ rowsRead: 4, accepted: 3, rejected: 1, devices: 2 });
    expect(r.rejections[0]).toMatchObject({ line: 5, column: 'Easting' });
    // Windows-1252: a pound sign byte (0xA3) in a device name is not UTF-8.
    const bytes = new Uint8Array([...new TextEncoder().encode('device,time,x,y\nR'), 0xa3, ...new TextEncoder().encode('1,2024-06-03T10:00:00Z,430050,433050\n')]);
    const src = { name: 'cp1252.csv', size: bytes.length, async *chunks() { yield bytes; } };
    const r2 = await importFixes(db, plan, src);
    expect(r2.accepted).toBe(1);
    expect(r2.notes[0]).toMatch(/read as windows-1252/);
    expect(queryAll(db, 'SELECT DISTINCT device FROM device_days WHERE import_id = ?', [r2.importId!])).toEqual([{ device: 'R\u00a31' }]);
  });
});
