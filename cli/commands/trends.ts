import { atomicWrite } from '../../node/atomicWrite';
import { oneOf, parseArgs, positiveMetres, requireValue, UsageError, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { jobOf, openSession } from '../cliSession';
import { TREND_LABELS } from '../../shared/hotspots/trends';
import { closeProject } from '../../shared/session/projectUseCases';
import { exportTrends, runTrends } from '../../shared/session/trendUseCases';
import { resolveFilter, studyAreaArg } from './hotspots';

const help = `Usage: hotspot-planner trends --project P --out FILE.csv|FILE.geojson [options]

Hotspot trends as the Trends tab classifies them (rules of R sfhotspot::hotspot_classify): the
period from --from to --to is cut into consecutive periods of --months months, ending at --to;
Gi* runs in each; every study-area cell is then a persistent, emerging, former or intermittent
hot (or cold) spot, mixed, or no pattern. Writes one row/feature per cell: cell id, trend,
periods as a significant hot spot, periods as a significant cold spot.

Options:
  --project P             project file (.hotspot)
  --out FILE              .csv (method as leading "# " lines) or .geojson (cell polygons in
                          WGS84, method in a top-level "metadata" member)
  --from YYYY-MM          first month (inclusive; default: first in the data)
  --to YYYY-MM            last month (inclusive; default: last in the data)
  --months N              length of each period in months (default 3, as in the Trends tab)
  --types "A,B"           police.uk crime types to keep (default: all)
  --set NAME              category set (id or name; default: all records)
  --scheme S              count (default), cchi or a scheme's id/name
  --cell M                cell size in metres (default 150)
  --shape S               square (default) or hex
  --distance M            Gi* neighbourhood distance in metres (default cell x sqrt 2)
  --fdr on|off            Benjamini-Hochberg correction across cells in each period (default on)
  --districts A,B         study area: these districts only (default: the force)
  --area FILE             study area: the cells inside the polygons of a WGS84 GeoJSON file
  --hotspot-share X       share of periods (0-1) for intermittent/former (default 0.1)
  --persistent-share X    share of periods (0-1) that makes a persistent spot (default 0.8)
  --recent-share X        share of periods (0-1) that count as recent, and the recent share
                          an emerging spot needs (default 0.2)
  --help                  show this help`;

function share(args: ParsedArgs, name: string): number | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!(x > 0 && x <= 1)) throw new UsageError(`--${name} must be a share between 0 and 1, e.g. 0.2 (got "${v}").`);
  return x;
}

export const trendsCommand: Command = {
  name: 'trends',
  summary: 'Hotspot trend classes (persistent, emerging, former, ...) over periods to CSV or GeoJSON',
  help,
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: ['project', 'out', 'from', 'to', 'months', 'types', 'set', 'scheme', 'cell', 'shape', 'distance', 'fdr', 'hotspot-share', 'persistent-share', 'recent-share', 'districts', 'area'],
    });
    if (args.help) {
      io.out(help);
      return 0;
    }
    const project = requireValue(args, 'project');
    const out = requireValue(args, 'out');
    const geojson = /\.(geo)?json$/i.test(out);
    if (!geojson && !/\.csv$/i.test(out)) throw new UsageError('--out must end in .csv or .geojson.');
    const monthsText = args.values['months'] ?? '3';
    if (!/^\d+$/.test(monthsText) || Number(monthsText) < 1) throw new UsageError(`--months must be a whole number of months, 1 or more (got "${monthsText}").`);
    const shape = oneOf(args, 'shape', ['square', 'hex'], 'square');
    const fdr = oneOf(args, 'fdr', ['on', 'off'], 'on');
    const options = {
      months: Number(monthsText), shape, fdr: fdr === 'on',
      cellSize: positiveMetres(args, 'cell'), distance: positiveMetres(args, 'distance'),
      hotspotProp: share(args, 'hotspot-share'), persistentProp: share(args, 'persistent-share'), recentProp: share(args, 'recent-share'),
    } as const;
    const session = await openSession(project);
    try {
      const t = await runTrends(session, { ...resolveFilter(session.db, args), ...options, studyArea: await studyAreaArg(args) }, jobOf(io));
      await atomicWrite(out, exportTrends(session, geojson ? 'geojson' : 'csv').bytes);
      const classed = TREND_LABELS.slice(1).map((l) => `${l} ${t.run.tally[l]}`).join(', ');
      io.out(`Wrote ${out}: ${t.run.ids.length} cells over ${t.periods.length} periods (${t.run.periodsUsed} with records); ${classed}.`);
      for (const l of t.methodLines) io.out(`  ${l}`);
      return 0;
    } finally {
      closeProject(session);
    }
  },
};
