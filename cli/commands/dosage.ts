import type { Database } from 'sql.js';
import { atomicWrite } from '../../node/atomicWrite';
import { parseArgs, requireValue, UsageError } from '../args';
import type { Command, CliIO } from '../command';
import { fileSource } from '../fixtures';
import { openProjectFile, saveProjectFile } from '../projectFile';
import { importFixes } from '../../shared/dosage/importFixes';
import { importPatrolRecords } from '../../shared/dosage/importPatrolRecords';
import { loadPlan, planCovering } from '../../shared/patrols/planStore';
import type { PatrolPlan } from '../../shared/patrols/types';
import { computeDosage } from '../../shared/returns/dosage';
import { dosageCsv } from '../../shared/returns/dosageCsv';
import { checkDate, financialQuarter } from '../../shared/returns/periods';
import { buildQuarterlyReturn, returnXlsx } from '../../shared/returns/quarterlyReturn';
import pkg from '../../package.json' with { type: 'json' };

const help = `Usage: hotspot-planner dosage --project P (--from YYYY-MM-DD --to YYYY-MM-DD | --quarter 2025-26Q1) --out FILE.csv|FILE.xlsx [options]

Imports any GPS fixes and patrol records given (a file already imported for the plan adds
nothing), saves the project, then writes the dosage return for the period: per hotspot, the
visits (merged patrols), visits >= 10 and >= 15 minutes (Koper band), officer-minutes and
patrol-minutes, against the plan's target (DOMAIN.md "Dosage from location data").

Options:
  --project P         project file (.hotspot)
  --fixes FILE...     GPS/radio fix CSVs to import first (device, timestamp, lon/lat or BNG)
  --records FILE      manual patrol records CSV to import first (hotspot id, start, end, officers, outcomes)
  --plan ID           the patrol plan (default: the plan covering the period)
  --from YYYY-MM-DD   first local (Europe/London) day, inclusive
  --to YYYY-MM-DD     last local day, inclusive
  --quarter Q         a financial quarter instead of --from/--to, e.g. 2025-26Q1 (Q1 = April-June)
  --out FILE          .csv: one row per hotspot (hotspot_id, cell_id, visits, visits_10, visits_15,
                      officer_minutes, patrol_minutes, target, % delivered, source) led by "# "
                      method lines; .xlsx: the quarterly return workbook (Summary, By district,
                      By hotspot and month, Outcomes, Notes)
  --generated-at ISO  time stamped in the workbook (default now); the same value regenerates the
                      same bytes
  --help              show this help`;

function period(args: { values: Record<string, string> }): { from: string; to: string; label?: string } {
  const q = args.values['quarter'];
  const from = args.values['from'];
  const to = args.values['to'];
  if (q) {
    if (from || to) throw new UsageError('give either --quarter or --from/--to, not both.');
    try {
      return financialQuarter(q);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  if (!from || !to) throw new UsageError('give --from and --to (YYYY-MM-DD), or --quarter.');
  try {
    checkDate(from, '--from');
    checkDate(to, '--to');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (to < from) throw new UsageError(`--to (${to}) is before --from (${from}).`);
  return { from, to };
}

function choosePlan(db: Database, id: string | undefined, from: string, to: string): PatrolPlan {
  if (id) {
    const p = loadPlan(db, id);
    if (!p) throw new Error(`No patrol plan "${id}" in this project.`);
    return p;
  }
  const p = planCovering(db, from, to);
  if (!p) throw new Error(`No patrol plan in this project covers ${from} to ${to}: build one with the plan command, or give --plan.`);
  return p;
}

function printImport(io: CliIO, r: Awaited<ReturnType<typeof importFixes>>): void {
  if (r.alreadyImported) {
    io.out(`${r.fileName}: already imported for this plan (import ${r.importId}); nothing added.`);
    return;
  }
  io.out(`${r.fileName}: ${r.rowsRead} rows read = ${r.accepted} accepted + ${r.duplicates} duplicates + ${r.rejected} rejected` +
    (r.kind === 'fixes' ? `; median fix interval ${r.medianFixIntervalSeconds ?? 'unknown'} s` : ''));
  for (const x of r.rejections.slice(0, 20)) io.err(`  line ${x.line}${x.column ? `, column ${x.column}` : ''}: ${x.reason}`);
  if (r.rejected > 20) io.err(`  ... and ${r.rejected - 20} more rejections`);
  for (const n of r.notes) io.out(`  ${n}`);
}

export const dosageCommand: Command = {
  name: 'dosage',
  summary: 'import GPS fixes / patrol records and write the dosage return (CSV) or quarterly return (XLSX)',
  help,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['project', 'records', 'plan', 'from', 'to', 'quarter', 'out', 'generated-at'], multi: ['fixes'] });
    if (args.help) {
      io.out(help);
      return 0;
    }
    const project = requireValue(args, 'project');
    const out = requireValue(args, 'out');
    const xlsx = /\.xlsx$/i.test(out);
    if (!xlsx && !/\.csv$/i.test(out)) throw new UsageError('--out must end in .csv or .xlsx.');
    const { from, to, label } = period(args);
    const generatedAt = args.values['generated-at'];
    if (generatedAt !== undefined && !Number.isFinite(Date.parse(generatedAt))) {
      throw new UsageError(`--generated-at must be an ISO date-time such as 2025-07-03T08:00:00Z (got "${generatedAt}").`);
    }
    const db = await openProjectFile(project);
    try {
      const plan = choosePlan(db, args.values['plan'], from, to);
      const fixes = args.multi['fixes'] ?? [];
      const records = args.values['records'];
      for (const f of fixes) printImport(io, await importFixes(db, plan, await fileSource(f), {}));
      if (records) printImport(io, await importPatrolRecords(db, plan, await fileSource(records), {}));
      if (fixes.length || records) await saveProjectFile(db, project);
      let bytes: Uint8Array;
      if (xlsx) {
        const ret = buildQuarterlyReturn(db, plan, from, to, {
          softwareVersion: pkg.version, generatedAt: generatedAt ? new Date(generatedAt).toISOString() : undefined, periodLabel: label,
        });
        bytes = await returnXlsx(ret);
      } else {
        bytes = new TextEncoder().encode(dosageCsv(computeDosage(db, plan, from, to)));
      }
      await atomicWrite(out, bytes);
      const r = computeDosage(db, plan, from, to);
      const t = r.total;
      io.out(`Wrote ${out}: plan ${plan.id}, ${from} to ${to}, ${t.hotspots} hotspots, ${t.visits} visits (${t.visits10} >= 10 min), ` +
        `${(t.patrolMinutes / 60).toFixed(1)} of ${(t.targetMinutes / 60).toFixed(1)} target patrol hours.`);
      io.out(`  ${r.compliance.sentence}`);
      for (const n of r.notes) io.err(`note: ${n}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
