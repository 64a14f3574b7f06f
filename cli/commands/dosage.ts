import { atomicWrite } from '../../node/atomicWrite';
import { parseArgs, requireValue, UsageError } from '../args';
import type { Command, CliIO } from '../command';
import { fileSource } from '../fixtures';
import { jobOf, openSession, saveSession } from '../cliSession';
import { checkDate, financialQuarter } from '../../shared/returns/periods';
import { dosageCsv, dosageDashboard, importDosageFiles, quarterlyReturn, type DosageImportReport } from '../../shared/session/dosageUseCases';
import { JobCancelled } from '../../shared/session/jobs';
import { planForPeriod } from '../../shared/session/planUseCases';
import { closeProject } from '../../shared/session/projectUseCases';

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

function printImport(io: CliIO, r: DosageImportReport): void {
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
    const session = await openSession(project);
    try {
      const plan = planForPeriod(session, args.values['plan'], from, to);
      const fixes = args.multi['fixes'] ?? [];
      const records = args.values['records'];
      const job = jobOf(io);
      for (const [kind, files] of [['fixes', fixes], ['records', records ? [records] : []]] as const) {
        if (files.length === 0) continue;
        const sources = await Promise.all(files.map((f) => fileSource(f)));
        const r = await importDosageFiles(session, plan.id, kind, sources, undefined, job);
        // Cancelled: nothing is saved, so the files imported before it in this run go too.
        if (r.cancelled) throw new JobCancelled('Dosage import');
        for (const x of r.reports) printImport(io, x);
      }
      if (fixes.length || records) await saveSession(session, project);
      const bytes = xlsx
        ? await quarterlyReturn(session, plan.id, from, to, 'xlsx', {
          generatedAt: generatedAt ? new Date(generatedAt).toISOString() : undefined, periodLabel: label,
        }, job)
        : dosageCsv(session, plan.id, from, to);
      await atomicWrite(out, bytes);
      const r = dosageDashboard(session, plan.id, from, to);
      const t = r.total;
      io.out(`Wrote ${out}: plan ${plan.id}, ${from} to ${to}, ${t.hotspots} hotspots, ${t.visits} visits (${t.visits10} >= 10 min), ` +
        `${(t.patrolMinutes / 60).toFixed(1)} of ${(t.targetMinutes / 60).toFixed(1)} target patrol hours.`);
      io.out(`  ${r.compliance.sentence}`);
      for (const n of r.notes) io.err(`note: ${n}`);
      return 0;
    } finally {
      closeProject(session);
    }
  },
};
