import { atomicWrite } from '../../node/atomicWrite';
import { resolveSchemeAndSet } from './hotspots';
import { parseArgs, positiveMetres, requireValue, UsageError, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { readFixture } from '../fixtures';
import { diskTileSource } from '../diskTiles';
import { jobOf, openSession, saveSession } from '../cliSession';
import type { PlanRequest } from '../../shared/patrols/buildPlan';
import { parseWindow } from '../../shared/patrols/planChecks';
import { installLsoaLayer, LSOA_LAYER } from '../../shared/patrols/planUnits';
import { buildPatrolPlan, buildPlanWithSuggestedWindows, currentPlan, exportPlan, savePatrolPlan } from '../../shared/session/planUseCases';
import { closeProject } from '../../shared/session/projectUseCases';
import type { HotspotChoice, PatrolWindow } from '../../shared/patrols/types';
import { readAreaCodes } from '../../shared/repository/areas';

export const LSOA_FIXTURE = 'wy_lsoa21_bgc.geojson';

const help = `Usage: hotspot-planner plan --project P --hotspots N --from YYYY-MM-DD --to YYYY-MM-DD --out FILE [options]

Chooses patrol hotspots (top N grid cells by harm over the basis period, among cells hot at
95% by Getis-Ord Gi* with the FDR correction), schedules visits at random times inside the
patrol windows, stores the plan in the project (atomic save) and writes FILE:
  .csv      one row per scheduled visit (date, local start time, team, hotspot, minutes)
  .geojson  hotspot outlines with names and instructions, the method in "metadata"
  .kml      the same for officers' devices
  .pdf      the printable briefing
Every file states the method and settings.

Options:
  --project P             project file (.hotspot)
  --hotspots N            how many hotspots (the force-wide total, or shared by --per-district proportional)
  --per-district K        K hotspots in each district, or "proportional" (N shared by district harm)
  --min-separation M      metres between hotspot centres (default 0: none)
  --merge-touching        merge chosen cells that touch into one hotspot
  --gi 95|99|90|none      Gi* rule for eligible cells (default 95)
  --basis-from YYYY-MM    first basis month (default: 11 months before --basis-to)
  --basis-to YYYY-MM      last basis month (default: the latest month with data)
  --scheme S              count (default), cchi or a scheme's id/name
  --set NAME              category set (id or name; default: all records)
  --cell M                cell size in metres (default 150)
  --units cells|lsoa      grid cells (default) or 2021 LSOAs (the bundled West Yorkshire LSOAs are
                          loaded into the project when it has none)
  --visits-per-day K      visits per hotspot per day (default 1)
  --minutes M             minutes per visit (default 15; Koper band 10-16)
  --min-gap M             minutes between visits at one hotspot (default 60)
  --window "[DAYS] HH:MM-HH:MM"
                          patrol window, may repeat, e.g. 10:00-02:00 or "Fri-Sat 18:00-03:00";
                          end before start = the next day (default every day 10:00-02:00)
  --suggest-windows       use the hours and weekdays with most harm in the chosen hotspots
                          (data with times only; police.uk data keeps the default)
  --teams T               number of teams, or their names separated by commas (default 1)
  --travel M              minutes a team needs between visits (default 10)
  --seed S                random seed for the schedule (default: derived from name and period)
  --name NAME             plan name (default "Plan FROM to TO")
  --from YYYY-MM-DD       first patrol day (local)
  --to YYYY-MM-DD         last patrol day (local, inclusive)
  --out FILE              .csv, .geojson, .kml or .pdf
  --help                  show this help`;

function int(args: ParsedArgs, name: string, min: number): number | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of ${min} or more (got "${v}").`);
  return n;
}

function windows(list: string[] | undefined): PatrolWindow[] | undefined {
  if (!list) return undefined;
  return list.map((w) => {
    try {
      return parseWindow(w);
    } catch (e) {
      throw new UsageError(`--window: ${(e as Error).message}`);
    }
  });
}

function teams(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n < 1 || n > 200) throw new UsageError(`--teams must be from 1 to 200, or team names separated by commas (got "${v}").`);
    return Array.from({ length: n }, (_, k) => `Team ${k + 1}`);
  }
  const names = v.split(',').map((t) => t.trim()).filter(Boolean);
  if (!names.length) throw new UsageError('--teams needs a number or team names separated by commas.');
  return names;
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'choose patrol hotspots, schedule visits, store the plan and export it (CSV, GeoJSON, KML, PDF)',
  help,
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: ['project', 'hotspots', 'per-district', 'min-separation', 'gi', 'basis-from', 'basis-to', 'scheme', 'set', 'cell',
        'units', 'visits-per-day', 'minutes', 'min-gap', 'teams', 'travel', 'seed', 'name', 'from', 'to', 'out'],
      multi: ['window'],
      booleans: ['merge-touching', 'suggest-windows'],
    });
    if (args.help) {
      io.out(help);
      return 0;
    }
    const project = requireValue(args, 'project');
    const out = requireValue(args, 'out');
    const from = requireValue(args, 'from');
    const to = requireValue(args, 'to');
    const kind = /\.csv$/i.test(out) ? 'csv' : /\.(geo)?json$/i.test(out) ? 'geojson' : /\.kml$/i.test(out) ? 'kml' : /\.pdf$/i.test(out) ? 'pdf' : null;
    if (!kind) throw new UsageError('--out must end in .csv, .geojson, .kml or .pdf.');
    const perDistrictRaw = args.values['per-district'];
    let perDistrict: HotspotChoice['perDistrict'] = { mode: 'none' };
    if (perDistrictRaw === 'proportional') perDistrict = { mode: 'proportional' };
    else if (perDistrictRaw !== undefined) perDistrict = { mode: 'fixed', each: int(args, 'per-district', 1)! };
    const count = int(args, 'hotspots', 1);
    if (count === undefined && perDistrict.mode !== 'fixed') throw new UsageError('--hotspots is required (or --per-district K for K in each district).');
    const units = args.values['units'] ?? 'cells';
    if (units !== 'cells' && units !== 'lsoa') throw new UsageError('--units must be cells or lsoa.');
    const gi = args.values['gi'] ?? '95';
    if (!['90', '95', '99', 'none'].includes(gi)) throw new UsageError('--gi must be 90, 95, 99 or none.');
    const sepRaw = args.values['min-separation'];
    const minSeparation = sepRaw === undefined ? 0 : Number(sepRaw);
    if (!(minSeparation >= 0)) throw new UsageError(`--min-separation must be 0 or more metres (got "${sepRaw}").`);
    const cellSize = positiveMetres(args, 'cell');

    const session = await openSession(project);
    const db = session.db;
    try {
      const { schemeId, categorySetId } = resolveSchemeAndSet(db, args);
      if (units === 'lsoa' && readAreaCodes(db, LSOA_LAYER).size === 0) {
        const n = installLsoaLayer(db, await readFixture(LSOA_FIXTURE));
        io.out(`Loaded ${n} West Yorkshire 2021 LSOA boundaries (ONS, OGL v3) into the project's "${LSOA_LAYER}" layer.`);
      }
      const req: PlanRequest = {
        name: args.values['name'] ?? `Plan ${from} to ${to}`, from, to,
        basisFrom: args.values['basis-from'], basisTo: args.values['basis-to'],
        schemeId, categorySetId: categorySetId ?? null, cellSize,
        choice: {
          unit: units === 'lsoa' ? 'lsoa' : 'cell', count: count ?? 0, perDistrict, minSeparation,
          mergeTouching: args.booleans.has('merge-touching'),
          minGiConfidence: gi === 'none' ? null : (Number(gi) as 90 | 95 | 99),
        },
        dosage: {
          ...(int(args, 'visits-per-day', 1) !== undefined ? { visitsPerDay: int(args, 'visits-per-day', 1)! } : {}),
          ...(int(args, 'minutes', 1) !== undefined ? { minutesPerVisit: int(args, 'minutes', 1)! } : {}),
          ...(int(args, 'min-gap', 0) !== undefined ? { minGapMinutes: int(args, 'min-gap', 0)! } : {}),
          ...(int(args, 'travel', 0) !== undefined ? { travelMinutes: int(args, 'travel', 0)! } : {}),
          ...(teams(args.values['teams']) ? { teams: teams(args.values['teams'])! } : {}),
          ...(windows(args.multi['window']) ? { windows: windows(args.multi['window'])! } : {}),
        },
        seed: int(args, 'seed', 0),
      };
      const job = jobOf(io);
      if (args.booleans.has('suggest-windows')) {
        const { suggestion } = await buildPlanWithSuggestedWindows(session, req, job);
        if (suggestion) io.out(`Windows suggested from the data: ${suggestion.reason}`);
        else io.err('warning: no record in the chosen hotspots has a time (police.uk data gives months only), so the default windows are kept.');
      } else {
        await buildPatrolPlan(session, req, job);
      }
      const { plan, schedule } = currentPlan(session);
      // The export first: if it fails (or is cancelled), the project is left as it was.
      const bytes = await exportPlan(session, kind, { tiles: kind === 'pdf' ? diskTileSource() : undefined }, job);
      await atomicWrite(out, bytes);
      savePatrolPlan(session);
      await saveSession(session, project);
      const t = schedule.target;
      io.out(
        `Plan ${plan.id} "${plan.name}" stored in ${project}: ${plan.hotspots.length} hotspot${plan.hotspots.length === 1 ? '' : 's'}, ${t.plannedVisits} visits, ` +
          `target ${t.totalHours} patrol hours (${t.totalMinutes} minutes) from ${plan.from} to ${plan.to}.`,
      );
      io.out(`Wrote ${out}.`);
      for (const sf of schedule.shortfalls) io.err(`shortfall: ${sf}`);
      for (const w of plan.warnings) io.err(`warning: ${w}`);
      return 0;
    } finally {
      closeProject(session);
    }
  },
};
