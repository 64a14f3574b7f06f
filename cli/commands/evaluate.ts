import { atomicWrite } from '../../node/atomicWrite';
import { parseArgs, requireValue, UsageError, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { openProjectFile } from '../projectFile';
import { resolveHarmScheme } from '../../shared/harm/harmSchemes';
import { resolveCategorySet } from '../../shared/harm/categorySets';
import { DEFAULT_BUFFER_METRES, evaluatePlan, evaluationCsv, type EvaluationRequest } from '../../shared/evaluation/evaluatePlan';
import { fmt } from '../../shared/evaluation/wdq';

const help = `Usage: hotspot-planner evaluate --project P --plan ID --before FROM:TO --after FROM:TO --out FILE.csv [options]

Before/after evaluation of a stored patrol plan: crime and harm in the patrolled hotspots, a
buffer ring around them, a control set and the control's own buffer; the Weighted
Displacement Quotient (Bowers & Johnson 2003) with its success measure and total net effect,
and the Weighted Displacement Difference (Wheeler & Ratcliffe 2018) with its standard error,
z and 95% interval; per hotspot, crime on patrolled vs unpatrolled days where daily dosage
(GPS visits or patrol records) is imported and crimes have dates.

Options:
  --project P          project file (.hotspot)
  --plan ID            the plan's id
  --before FROM:TO     before period, months YYYY-MM:YYYY-MM inclusive
  --after FROM:TO      after period, months YYYY-MM:YYYY-MM inclusive
  --out FILE.csv       method and results as "# " lines, then one row per area and per hotspot
  --buffer M           buffer ring width in metres (default ${DEFAULT_BUFFER_METRES})
  --control C          next-ranked (default: the next-ranked unpatrolled cells by basis-period
                       harm, as many as the hotspot cells) or a comma-separated list of cell ids
  --scheme S           harm scheme (default: the plan's)
  --set NAME           category set (default: the plan's)
  --help               show this help`;

function period(args: ParsedArgs, name: string): { from: string; to: string } {
  const v = requireValue(args, name);
  const m = /^(\d{4}-\d{2}):(\d{4}-\d{2})$/.exec(v);
  if (!m) throw new UsageError(`--${name} must be two months as YYYY-MM:YYYY-MM (got "${v}").`);
  if (m[1]! > m[2]!) throw new UsageError(`--${name} starts (${m[1]}) after it ends (${m[2]}).`);
  return { from: m[1]!, to: m[2]! };
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'before/after evaluation of a patrol plan with WDQ and WDD to CSV',
  help,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['project', 'plan', 'before', 'after', 'out', 'buffer', 'control', 'scheme', 'set'] });
    if (args.help) {
      io.out(help);
      return 0;
    }
    const project = requireValue(args, 'project');
    const planId = requireValue(args, 'plan');
    const before = period(args, 'before');
    const after = period(args, 'after');
    const out = requireValue(args, 'out');
    if (!/\.csv$/i.test(out)) throw new UsageError('--out must end in .csv.');
    let bufferMetres: number | undefined;
    if (args.values['buffer'] !== undefined) {
      bufferMetres = Number(args.values['buffer']);
      if (!Number.isFinite(bufferMetres) || bufferMetres < 0) throw new UsageError(`--buffer must be a number of metres, 0 or more (got "${args.values['buffer']}").`);
    }
    const c = args.values['control'];
    const control: EvaluationRequest['control'] =
      c === undefined || c === 'next-ranked' ? 'next-ranked' : c.split(',').map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(control) && control.length === 0) throw new UsageError('--control needs next-ranked or at least one cell id.');
    const db = await openProjectFile(project);
    try {
      const schemeName = args.values['scheme'];
      const scheme = schemeName ? resolveHarmScheme(db, schemeName) : null;
      if (schemeName && !scheme && schemeName !== 'count') throw new UsageError(`No harm scheme "${schemeName}" in this project (try count or cchi).`);
      const setName = args.values['set'];
      const set = setName ? resolveCategorySet(db, setName) : null;
      if (setName && !set) throw new UsageError(`No category set "${setName}" in this project.`);
      const ev = evaluatePlan(db, {
        planId, before, after, bufferMetres, control,
        schemeId: schemeName ? (scheme?.id ?? 'count') : undefined,
        categorySetId: setName ? set!.id : undefined,
      });
      await atomicWrite(out, new TextEncoder().encode(evaluationCsv(ev)));
      const a = ev.areas;
      io.out(
        `Wrote ${out}: treated ${a.treated.before.count} -> ${a.treated.after.count}, buffer ${a.buffer.before.count} -> ${a.buffer.after.count}, ` +
          `control ${a.control.before.count} -> ${a.control.after.count}, control buffer ${a.controlBuffer.before.count} -> ${a.controlBuffer.after.count} crimes.`,
      );
      io.out(`  ${ev.wdq.reading}`);
      io.out(`  Total net effect: ${ev.wdq.tne === null ? 'not computed' : fmt(ev.wdq.tne)}.`);
      io.out(`  ${ev.wdd.reading}`);
      for (const n of ev.dayNotes) io.out(`  ${n}`);
      for (const w of ev.warnings) io.err(`warning: ${w}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
