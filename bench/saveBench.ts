/**
 * `npm run bench -- save [--rows 3000000] [--snap 50000] [--chunk-mb 8] [--dir D] [--keep]`
 *
 * Builds a project of N police.uk-like street-crime rows (importBench's generator, imported by
 * runImport, so whatever schema runImport stores), then measures, each in a fresh child process
 * so peaks do not mix:
 *   - save: sql.js export() then the chunked atomic write through node/atomicWrite (temp file
 *     beside the target, chunks appended, fsync, rename, folder fsync), as the desktop app's main
 *     process writes what the renderer sends it chunk by chunk;
 *   - open: the file read in chunks (node/chunkedRead) into one preallocated buffer, as the
 *     renderer assembles what main reads, then opened in sql.js (openProjectDb, migrations included).
 * Memory: VmHWM (peak resident set) from /proc/self/status, reset just before the measured step
 * (/proc/self/clear_refs), next to the resident set before it; so "peak" is the step's own peak
 * over a process that already holds what the step starts from (save: the open database; open: sql.js
 * loaded). In the app the export is transferred worker -> UI and each chunk is one extra copy of at
 * most --chunk-mb over IPC; this bench runs the two ends in one process.
 * Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { fileSource, fixturePath } from '../cli/fixtures';
import { loadSqlJs } from '../cli/sqlNode';
import { atomicWrite, beginAtomicWrite } from '../node/atomicWrite';
import { openChunkReader, readWholeFile } from '../node/chunkedRead';
import { DEFAULT_LAYER, detectAreaFields, replaceAreaLayer } from '../shared/areas/areaLayer';
import { runImport } from '../shared/import/runImport';
import { createProjectDb, openProjectDb } from '../shared/project/projectDb';
import { generate } from './importBench';

const MB = 1024 * 1024;
const mb = (b: number) => Math.round(b / MB);
const secs = (ms: number) => +(ms / 1000).toFixed(2);

/** Peak and current resident set from /proc (Linux); null elsewhere. */
function procMb(field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Starts a fresh peak: VmHWM drops to the current resident set (Linux 4.0+). */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Child: imports the CSV into a new project with the West Yorkshire wards and writes it. */
async function build(csv: string, project: string): Promise<void> {
  const SQL = await loadSqlJs();
  const db = createProjectDb(SQL, 'save bench');
  const fc = JSON.parse(readFileSync(fixturePath('wy_wards_2025_bgc.geojson'), 'utf8')) as FeatureCollection;
  replaceAreaLayer(db, DEFAULT_LAYER, fc, detectAreaFields(fc.features[0]!.properties!)!);
  const t0 = performance.now();
  const r = await runImport(db, await fileSource(csv), { format: 'police-uk' });
  const importMs = performance.now() - t0;
  await atomicWrite(project, db.export());
  db.close();
  console.log(JSON.stringify({ rows: r.rowsRead, imported: r.imported, importSeconds: secs(importMs), projectMb: mb(statSync(project).size), buildVmHwmMb: procMb('VmHWM') }));
}

/** Child: opens the project (not measured), then measures export + chunked atomic write to `out`. */
async function measureSave(project: string, out: string, chunkBytes: number): Promise<void> {
  const SQL = await loadSqlJs();
  const db = openProjectDb(SQL, await readWholeFile(project), 'bench');
  const reset = resetPeak();
  const rssBeforeMb = procMb('VmRSS');
  const t0 = performance.now();
  const bytes = db.export();
  const t1 = performance.now();
  const w = await beginAtomicWrite(out);
  for (let off = 0; off < bytes.byteLength; off += chunkBytes) await w.write(bytes.subarray(off, off + chunkBytes));
  await w.commit();
  const t2 = performance.now();
  console.log(JSON.stringify({
    saveSeconds: secs(t2 - t0), exportSeconds: secs(t1 - t0), writeSeconds: secs(t2 - t1), savedMb: mb(bytes.byteLength),
    saveRssBeforeMb: rssBeforeMb, savePeakMb: reset ? procMb('VmHWM') : null,
  }));
  db.close();
}

/** Child: measures the chunked read into one preallocated buffer, then sql.js opening it. */
async function measureOpen(project: string, chunkBytes: number): Promise<void> {
  const SQL = await loadSqlJs();
  const reset = resetPeak();
  const rssBeforeMb = procMb('VmRSS');
  const t0 = performance.now();
  const reader = await openChunkReader(project);
  const bytes = new Uint8Array(reader.size);
  for (let off = 0; off < reader.size; off += chunkBytes) bytes.set(await reader.read(off, Math.min(chunkBytes, reader.size - off)), off);
  await reader.close();
  const t1 = performance.now();
  const db = openProjectDb(SQL, bytes, 'bench');
  const t2 = performance.now();
  const pages = Number(db.exec('PRAGMA page_count')[0]!.values[0]![0]) * Number(db.exec('PRAGMA page_size')[0]!.values[0]![0]);
  console.log(JSON.stringify({
    openSeconds: secs(t2 - t0), readSeconds: secs(t1 - t0), sqlOpenSeconds: secs(t2 - t1), openedDbMb: mb(pages),
    openRssBeforeMb: rssBeforeMb, openPeakMb: reset ? procMb('VmHWM') : null,
  }));
  db.close();
}

export async function run(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const chunkBytes = Number(arg('chunk-mb') ?? 8) * MB;
  const buildArgs = arg('build');
  if (buildArgs) return build(buildArgs, arg('project')!);
  const saveOf = arg('measure-save');
  if (saveOf) return measureSave(saveOf, arg('out')!, chunkBytes);
  const openOf = arg('measure-open');
  if (openOf) return measureOpen(openOf, chunkBytes);

  const rows = Number(arg('rows') ?? 3_000_000);
  const snap = Number(arg('snap') ?? 50_000);
  const dir = arg('dir') ?? mkdtempSync(path.join(os.tmpdir(), 'hp-save-bench-'));
  // Same name as importBench's, so one --dir serves both benchmarks' CSVs.
  const csv = path.join(dir, `bench-${rows}.csv`);
  const project = path.join(dir, `bench-${rows}.hotspot`);
  if (!existsSync(csv)) {
    const t0 = performance.now();
    const bytes = await generate(csv, rows, snap);
    console.log(`generated ${csv}: ${rows} rows, ${mb(bytes)} MB, in ${secs(performance.now() - t0)} s`);
  }
  const child = (...args: string[]) => {
    const c = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, 'save', ...args, '--chunk-mb', String(chunkBytes / MB)], {
      stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 16 * MB,
    });
    if (c.status !== 0) throw new Error(`save bench step ${args[0]} failed (exit ${c.status})`);
    return JSON.parse(c.stdout.trim().split('\n').at(-1)!) as Record<string, number | null>;
  };
  const built = existsSync(project) ? { projectMb: mb(statSync(project).size) } : child('--build', csv, '--project', project);
  const saved = child('--measure-save', project, '--out', path.join(dir, `bench-${rows}-saved.hotspot`));
  const opened = child('--measure-open', project);
  console.log(`${rows} rows: ${JSON.stringify({ ...built, ...saved, ...opened, chunkMb: chunkBytes / MB, loadAverage: os.loadavg()[0]!.toFixed(1) })}`);
  rmSync(path.join(dir, `bench-${rows}-saved.hotspot`), { force: true });
  if (!argv.includes('--keep') && !arg('dir')) rmSync(dir, { recursive: true, force: true });
}
