/**
 * `npm run bench -- dosage [--fixes 10000000] [--dir D] [--keep] [--no-bare]`
 *
 * Generates N synthetic fixes (bench/fixGenerator.ts: devices driving, walking and lingering
 * in 40 hotspot cells, with duplicates and out-of-order rows), then measures, each in a fresh
 * child process so peaks do not mix:
 *   - a bare papaparse parse of the file (the floor any CSV import pays),
 *   - importFixes end to end (decode, parse, validate, geofence, per-device visits and device
 *     days, store in sql.js) into a new project holding the synthetic plan,
 *   - peak memory: VmHWM from /proc/self/status, and sampled RSS / JS heap.
 * Prints figures; asserts nothing. Targets: end to end >= 0.5 x the bare parse rate; peak < 1.5 GB.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileSource } from '../cli/fixtures';
import { loadSqlJs } from '../cli/sqlNode';
import { importFixes } from '../shared/dosage/importFixes';
import { savePlan } from '../shared/patrols/planStore';
import { createProjectDb } from '../shared/project/projectDb';
import { generateFixes, syntheticPlan } from './fixGenerator';
import { cpuSeconds, measureBareParse, vmHwmMb } from './measures';

async function measure(file: string): Promise<void> {
  const db = createProjectDb(await loadSqlJs(), 'bench');
  const plan = syntheticPlan();
  savePlan(db, plan);
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await importFixes(db, plan, await fileSource(file), { onProgress: sample });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  sample();
  clearInterval(timer);
  const mb = (b: number) => Math.round(b / 1048576);
  console.log(JSON.stringify({
    rows: r.rowsRead, accepted: r.accepted, duplicates: r.duplicates, rejected: r.rejected, devices: r.devices, visits: r.visits,
    passThroughs: r.passThroughs, medianFixIntervalSeconds: r.medianFixIntervalSeconds,
    e2eSeconds: +seconds.toFixed(2), e2eRowsPerSec: Math.round(r.rowsRead / seconds),
    e2eCpuSeconds: +cpu.toFixed(2), e2eRowsPerCpuSec: Math.round(r.rowsRead / cpu),
    vmHwmMb: vmHwmMb(), peakRssMb: mb(peak.rss), peakHeapUsedMb: mb(peak.heapUsed),
  }));
  db.close();
}

export async function run(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (arg('measure')) return measure(arg('measure')!);
  if (arg('measure-bare')) return measureBareParse(arg('measure-bare')!);
  const n = Number(arg('fixes') ?? 10_000_000);
  const dir = arg('dir') ?? mkdtempSync(path.join(os.tmpdir(), 'hp-dosage-bench-'));
  const file = path.join(dir, `fixes-${n}.csv`);
  if (!existsSync(file)) {
    const t0 = performance.now();
    const g = await generateFixes(file, n);
    console.log(`generated ${file}: ${n} fixes, ${g.devices} devices over ${g.days} days, ${Math.round(g.bytes / 1048576)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    console.log(`using ${file} (${Math.round(statSync(file).size / 1048576)} MB)`);
  }
  const child = (mode: string) => {
    const c = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, 'dosage', mode, file], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (c.status !== 0) throw new Error(`${mode} of ${n} fixes failed (exit ${c.status})`);
    return JSON.parse(c.stdout.trim().split('\n').pop()!) as Record<string, number>;
  };
  const bare = argv.includes('--no-bare') ? {} : child('--measure-bare');
  const e2e = child('--measure');
  const ratio = bare.bareParseRowsPerSec ? +(e2e.e2eRowsPerSec! / bare.bareParseRowsPerSec).toFixed(3) : null;
  const cpuRatio = bare.bareRowsPerCpuSec ? +(e2e.e2eRowsPerCpuSec! / bare.bareRowsPerCpuSec).toFixed(3) : null;
  console.log(`${n} fixes: ${JSON.stringify({ ...e2e, ...bare, e2eToBareRatio: ratio, e2eToBareCpuRatio: cpuRatio, loadAverage: os.loadavg()[0]!.toFixed(1) })}`);
  console.log(
    `targets: end to end >= 0.5 x bare parse (wall-clock ratio ${ratio ?? 'n/a'}, CPU-time ratio ${cpuRatio ?? 'n/a'}; ` +
      `the machine's load average was ${os.loadavg()[0]!.toFixed(1)}); peak memory < 1536 MB (VmHWM ${e2e.vmHwmMb} MB)`,
  );
  if (!argv.includes('--keep') && !arg('dir')) rmSync(dir, { recursive: true, force: true });
}
