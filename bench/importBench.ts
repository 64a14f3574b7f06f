/**
 * `npm run bench -- import [--sizes 1000000,3000000 | --rows 3000000] [--snap 50000] [--dir D] [--keep]
 *   [--no-bare] [--points 1000000] [--presize 0.3] [--full] [--one-thread] [--runs 3]`
 *
 * Generates police.uk street-crime files over West Yorkshire with realistic clustering
 * (snap points drawn inside wards, Zipf-like popularity, ~30% anti-social behaviour rows with
 * no Crime ID), then measures, per size, each in fresh child processes so peaks do not mix, and
 * keeps the fastest of --runs (3) of each:
 *   - a bare papaparse parse of the file (the floor any CSV import pays),
 *   - the end-to-end import (decode, parse, validate, assign wards, store in sql.js); --full reads
 *     every row through the full handler instead of the byte-level police.uk reader, for comparison;
 *     rows are split on a second thread as the CLI and the app do (--one-thread: on the import's own),
 *   - the import into a project reopened with room for the file as the app and CLI do
 *     (reopenWithRoom; --presize R pads R bytes a CSV byte instead, --presize 0 not at all),
 *   - peak memory: sampled process.memoryUsage().rss and /proc/self/status VmHWM, plus the peaks of
 *     the JS heap (heapUsed), ArrayBuffers outside it (arrayBuffers: sql.js's database file) and
 *     the sql.js WASM heap, to say where the memory goes.
 * Also times ward assignment alone over 1M distinct points (no cache) against the 124 wards, and
 * measures the bytes a real police.uk record costs (the bundled 2014 months; --no-real skips).
 * Prints figures; asserts nothing.
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { booleanPointInPolygon, bbox } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { fileRandomAccess, fileSource, fixturePath } from '../cli/fixtures';
import { buildBaseProject, DEMO_ZIP_NAME } from '../shared/project/demoProject';
import { listZipMembers, zipMemberSource } from '../shared/import/zipSource';
import { loadSqlJs } from '../cli/sqlNode';
import { DEFAULT_LAYER, detectAreaFields, replaceAreaLayer } from '../shared/areas/areaLayer';
import { createProjectDb, openProjectDb } from '../shared/project/projectDb';
import { runImport } from '../shared/import/runImport';
import { PlaceMemo } from '../shared/import/placeMemo';
import { StoredKeys } from '../shared/repository/records/keyIndex';
import { presizedProjectImage, reopenWithRoom } from '../shared/import/presize';
import { POLICE_UK_COLUMNS } from '../shared/import/headers';
import { POLICE_UK_CRIME_TYPES } from '../shared/import/crimeTypes';
import { WardIndex } from '../shared/import/wardIndex';
import { rng } from './rng';
import { cpuSeconds, measureBareParse, vmHwmMb } from './measures';
import { atomicWrite } from '../node/atomicWrite';
import { builtRowSplitter } from '../node/rowSplitter';

const OUTCOMES = [
  'Investigation complete; no suspect identified', 'Unable to prosecute suspect', 'Under investigation',
  'Status update unavailable', 'Awaiting court outcome', 'Local resolution', 'Offender given a caution',
  'Further investigation is not in the public interest',
];
const PLACES = ['Supermarket', 'Parking Area', 'Petrol Station', 'Shopping Area', 'Sports/Recreation Area', 'Nightclub', 'Park/Open Space'];
const STREETS = ['High Street', 'Church Lane', 'Station Road', 'Manor Way', 'Victoria Road', 'Mill Lane', 'Park Avenue', 'Albert Street'];

function snapPoints(n: number, rand: () => number): { lon: string; lat: string; loc: string; lsoa: string }[] {
  const fc = JSON.parse(readFileSync(fixturePath('wy_wards_2025_bgc.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  const lsoas = readFileSync(fixturePath('wy_lsoa11_to_ward2025_lookup_derived.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]!).filter(Boolean);
  const out: { lon: string; lat: string; loc: string; lsoa: string }[] = [];
  const boxes = fc.features.map((f) => bbox(f));
  while (out.length < n) {
    const i = Math.floor(rand() * fc.features.length);
    const [x0, y0, x1, y1] = boxes[i]! as [number, number, number, number];
    const lon = x0 + rand() * (x1 - x0), lat = y0 + rand() * (y1 - y0);
    if (!booleanPointInPolygon([lon, lat], fc.features[i]!)) continue;
    const loc = rand() < 0.8 ? `On or near ${STREETS[Math.floor(rand() * STREETS.length)]}` : `On or near ${PLACES[Math.floor(rand() * PLACES.length)]}`;
    // police.uk writes 6 dp but trailing zeros are lost (-1.5 not -1.500000): so do we.
    out.push({ lon: String(Number(lon.toFixed(6))), lat: String(Number(lat.toFixed(6))), loc, lsoa: lsoas[Math.floor(rand() * lsoas.length)]! });
  }
  return out;
}

export async function generate(file: string, rows: number, snapCount: number): Promise<number> {
  const rand = rng(20250201);
  const snaps = snapPoints(snapCount, rand);
  // Zipf-like popularity (s = 1): cumulative weights 1/k, sampled by binary search.
  const cum = new Float64Array(snaps.length);
  let acc = 0;
  for (let k = 0; k < snaps.length; k++) cum[k] = acc += 1 / (k + 1);
  const pick = () => {
    const x = rand() * acc;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return snaps[lo]!;
  };
  const hex = () => {
    let s = '';
    for (let i = 0; i < 8; i++) s += Math.floor(rand() * 0x100000000).toString(16).padStart(8, '0');
    return s;
  };
  const out = createWriteStream(file);
  out.write(POLICE_UK_COLUMNS.join(',') + '\n');
  let buf = '';
  let bytes = 0;
  for (let i = 0; i < rows; i++) {
    const p = pick();
    const month = `2024-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`;
    const asb = rand() < 0.3;
    const type = asb ? 'Anti-social behaviour' : POLICE_UK_CRIME_TYPES[1 + Math.floor(rand() * (POLICE_UK_CRIME_TYPES.length - 1))]!;
    const lsoaName = `Leeds ${String(Math.floor(rand() * 120)).padStart(3, '0')}A`;
    buf += `${asb ? '' : hex()},${month},West Yorkshire Police,West Yorkshire Police,${p.lon},${p.lat},${p.loc},${p.lsoa},${lsoaName},${type},${asb ? '' : OUTCOMES[Math.floor(rand() * OUTCOMES.length)]},\n`;
    if (buf.length > 1 << 20) {
      bytes += buf.length;
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  bytes += buf.length;
  out.end(buf);
  await once(out, 'finish');
  return bytes;
}

/**
 * One size's import, measured in this (fresh) process. With `presize` (DB bytes per CSV byte),
 * the project is first reopened from presizedProjectImage(), as a project owner can before a
 * bulk import, so sql.js's in-memory file never has to grow (and copy itself) during the import.
 */
async function measure(file: string, presize?: number, fastRows = true, oneThread = false): Promise<void> {
  const SQL = await loadSqlJs();
  let db = createProjectDb(SQL, 'bench');
  const fc = JSON.parse(readFileSync(fixturePath('wy_wards_2025_bgc.geojson'), 'utf8')) as FeatureCollection;
  replaceAreaLayer(db, DEFAULT_LAYER, fc, detectAreaFields(fc.features[0]!.properties!)!);
  if (presize) {
    const image = presizedProjectImage(db, statSync(file).size, presize);
    db.close();
    db = openProjectDb(SQL, image, 'bench');
  } else if (presize === undefined) {
    // As the app and the CLI do before a big file (shared/import/presize.ts).
    db = reopenWithRoom(db, statSync(file).size, (image) => openProjectDb(SQL, image, 'bench'));
  }
  const peak = { rss: 0, heapUsed: 0, arrayBuffers: 0, external: 0 };
  // At most every 100 ms: process.memoryUsage() reads /proc, and once a batch (a quarter MiB)
  // it took ~0.1 s of the 1M-row import's time. VmHWM at the end catches any peak between.
  let sampledAt = -Infinity;
  const sample = (force = false) => {
    const now = performance.now();
    if (!force && now - sampledAt < 100) return;
    sampledAt = now;
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
    peak.external = Math.max(peak.external, m.external);
  };
  const before = process.memoryUsage();
  sample();
  // Sampled from the import's own progress callback too: the import is mostly synchronous
  // work between chunks, so a timer alone would rarely fire.
  const timer = setInterval(() => sample(true), 100);
  const pageSize = Number(db.exec('PRAGMA page_size')[0]!.values[0]![0]);
  const usedBytes = () => (Number(db.exec('PRAGMA page_count')[0]!.values[0]![0]) - Number(db.exec('PRAGMA freelist_count')[0]!.values[0]![0])) * pageSize;
  const bytesBefore = usedBytes();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // As the CLI and the app's worker import: rows split on a second thread (--one-thread: not).
  const splitter = oneThread ? undefined : builtRowSplitter();
  if (!oneThread && !splitter) throw new Error('The row splitter worker is not built next to the benchmark (scripts/bench.mjs builds it).');
  const r = await runImport(db, await fileSource(file), { format: 'police-uk', onProgress: () => sample(), fastRows, splitter });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  await splitter?.close();
  sample(true);
  const bytesPerRecord = (usedBytes() - bytesBefore) / r.imported;
  // The save, as the app and the CLI do it: export the database once and write it atomically.
  const s0 = performance.now();
  const target = path.join(path.dirname(file), `bench-${r.imported}.hotspot`);
  await atomicWrite(target, db.export());
  sample(true);
  const saveSeconds = (performance.now() - s0) / 1000;
  const fileMb = statSync(target).size / 1048576;
  rmSync(target, { force: true });
  clearInterval(timer);
  const mb = (b: number) => Math.round(b / 1048576);
  console.log(JSON.stringify({
    rows: r.rowsRead, imported: r.imported, duplicates: r.duplicates, rejected: r.rejected, outOfArea: r.outOfArea,
    e2eSeconds: +seconds.toFixed(2), e2eRowsPerSec: Math.round(r.rowsRead / seconds),
    e2eCpuSeconds: +cpu.toFixed(2), e2eRowsPerCpuSec: Math.round(r.rowsRead / cpu),
    bytesPerRecord: +bytesPerRecord.toFixed(1), saveSeconds: +saveSeconds.toFixed(2), fileMb: Math.round(fileMb),
    peakRssMb: mb(peak.rss), vmHwmMb: vmHwmMb(),
    rssBeforeMb: mb(before.rss), heapUsedBeforeMb: mb(before.heapUsed), peakHeapUsedMb: mb(peak.heapUsed), peakArrayBuffersMb: mb(peak.arrayBuffers), peakExternalMb: mb(peak.external),
    dbPagesMb: mb(Number(db.exec('PRAGMA page_count')[0]!.values[0]![0]) * Number(db.exec('PRAGMA page_size')[0]!.values[0]![0])),
  }));
  db.close();
}

/**
 * Bytes a stored record costs on real data: the bundled West Yorkshire police.uk months (street
 * crime Aug-Nov 2014), each file imported into the base project, measured as the growth in
 * used pages (free pages excluded) per record stored.
 */
async function realRecordBytes(): Promise<void> {
  const SQL = await loadSqlJs();
  const db = buildBaseProject(SQL, readFileSync(fixturePath('wy_wards_2025_bgc.geojson'), 'utf8'), 'bench');
  const pageSize = Number(db.exec('PRAGMA page_size')[0]!.values[0]![0]);
  const used = () => (Number(db.exec('PRAGMA page_count')[0]!.values[0]![0]) - Number(db.exec('PRAGMA freelist_count')[0]!.values[0]![0])) * pageSize;
  const zip = await fileRandomAccess(fixturePath(DEMO_ZIP_NAME));
  let bytes = 0, records = 0;
  // As a batch does (runImportBatch): the stored keys and resolved places carried from file to file.
  // (A month's file is under SPLIT_MIN_BYTES, so the app and the CLI split it on one thread too.)
  const shared = { storedKeys: new StoredKeys(), placeMemo: new PlaceMemo() };
  const t0 = performance.now();
  for (const m of (await listZipMembers(zip)).filter((x) => /street\.csv$/.test(x.path))) {
    const before = used();
    const r = await runImport(db, zipMemberSource(zip, m), { format: 'police-uk', ...shared });
    bytes += used() - before;
    records += r.imported;
  }
  const s = (performance.now() - t0) / 1000;
  await zip.close();
  console.log(
    `real police.uk records (West Yorkshire, 4 months of 2014): ${records} stored, ${(bytes / records).toFixed(1)} bytes a record ` +
      `(target <= 80; schema v1 stored ~287), imported as one batch in ${s.toFixed(1)} s (${Math.round(records / s)} rows/s)`,
  );
  db.close();
}

/** Ward assignment alone: distinct random points (no snap-point cache), flatbush prefilter + exact test. */
async function wardAssignment(points: number): Promise<void> {
  const SQL = await loadSqlJs();
  const db = createProjectDb(SQL, 'bench');
  const fc = JSON.parse(readFileSync(fixturePath('wy_wards_2025_bgc.geojson'), 'utf8')) as FeatureCollection;
  replaceAreaLayer(db, DEFAULT_LAYER, fc, detectAreaFields(fc.features[0]!.properties!)!);
  const t0 = performance.now();
  const index = WardIndex.fromDb(db);
  const built = performance.now() - t0;
  const rand = rng(7);
  let inside = 0;
  const t1 = performance.now();
  for (let i = 0; i < points; i++) {
    if (index.wardAt(-2.2 + rand() * 1.0, 53.5 + rand() * 0.5) !== null) inside++;
  }
  const s = (performance.now() - t1) / 1000;
  console.log(`ward assignment: index built in ${built.toFixed(0)} ms; ${points} distinct points in ${s.toFixed(2)} s (${Math.round(points / s)} points/s, ${inside} inside a ward)`);
  db.close();
}

export async function run(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const measureFile = arg('measure');
  const presize = arg('presize') === undefined ? undefined : Number(arg('presize'));
  if (measureFile) return measure(measureFile, presize, !argv.includes('--full'), argv.includes('--one-thread'));
  const bareFile = arg('measure-bare');
  if (bareFile) return measureBareParse(bareFile);
  const sizes = (arg('rows') ?? arg('sizes') ?? '1000000,3000000').split(',').map(Number);
  const snap = Number(arg('snap') ?? 50000);
  const runs = Math.max(1, Number(arg('runs') ?? 3));
  const points = Number(arg('points') ?? 1_000_000);
  if (points > 0) await wardAssignment(points);
  if (!argv.includes('--no-real')) await realRecordBytes();
  const dir = arg('dir') ?? mkdtempSync(path.join(os.tmpdir(), 'hp-import-bench-'));
  for (const n of sizes) {
    const file = path.join(dir, `bench-${n}.csv`);
    if (!existsSync(file)) {
      const t0 = performance.now();
      const bytes = await generate(file, n, snap);
      console.log(`generated ${file}: ${n} rows, ${Math.round(bytes / 1048576)} MB, ${snap} snap points, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    // Fresh processes (bare parse, then import), so each peak is its own.
    const child = (mode: string) => {
      const extra = mode !== '--measure' ? [] : [...(presize === undefined ? [] : ['--presize', String(presize)]), ...['--full', '--one-thread'].filter((f) => argv.includes(f))];
      const c = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, 'import', mode, file, ...extra], {
        stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8',
      });
      if (c.status !== 0) throw new Error(`${mode} of ${n} rows failed (exit ${c.status})`);
      return JSON.parse(c.stdout.trim()) as Record<string, number | string>;
    };
    // Best of `runs` fresh processes each, the bare parse and the import taking turns: on a shared
    // 2-core machine a single run's wall time varies by 15-40% from minute to minute, and the
    // fastest run is the closest to what the code costs.
    const results = new Map<string, Record<string, number | string>[]>();
    const modes = argv.includes('--no-bare') ? ['--measure'] : ['--measure-bare', '--measure'];
    for (let i = 0; i < runs; i++) for (const m of modes) results.set(m, [...(results.get(m) ?? []), child(m)]);
    const best = (mode: string, seconds: string) => {
      const all = results.get(mode)!;
      const b = all.reduce((x, y) => (y[seconds]! < x[seconds]! ? y : x));
      // Memory is not a best-of: the highest peak of any run is reported.
      const peaks = ['vmHwmMb', 'peakRssMb', 'bareVmHwmMb'].filter((k) => k in b);
      const worst = Object.fromEntries(peaks.map((k) => [k, Math.max(...all.map((r) => Number(r[k])))]));
      return { ...b, ...worst, [`${seconds}AllRuns`]: all.map((r) => r[seconds]!).join(' ') };
    };
    const bare = argv.includes('--no-bare') ? {} : best('--measure-bare', 'bareParseSeconds');
    const e2e = best('--measure', 'e2eSeconds');
    const ratio = +((e2e.e2eRowsPerSec as number) / (bare.bareParseRowsPerSec as number)).toFixed(3);
    const cpuRatio = +((e2e.e2eRowsPerCpuSec as number) / (bare.bareRowsPerCpuSec as number)).toFixed(3);
    console.log(`${n} rows: ${JSON.stringify({ ...e2e, ...bare, e2eToBareRatio: ratio, e2eToBareCpuRatio: cpuRatio, loadAverage: os.loadavg()[0]!.toFixed(1) })}`);
    console.log(
      `${n} rows, targets (best of ${runs} runs): import ${ratio} x the bare parse rate by wall time, ${cpuRatio} x by CPU time (target >= 0.35); ` +
        `peak ${e2e.vmHwmMb} MB with the save (target < 700 MB at 3M rows); ${e2e.bytesPerRecord} bytes a record (target <= 80).`,
    );
  }
  if (!argv.includes('--keep') && !arg('dir')) rmSync(dir, { recursive: true, force: true });
}
