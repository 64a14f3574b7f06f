import { promises as fs } from 'node:fs';
import { atomicWrite } from '../../node/atomicWrite';
import { oneOf, parseArgs, positiveMetres, requireValue, UsageError, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { jobOf, openSession } from '../cliSession';
import { resolveCategorySet } from '../../shared/harm/categorySets';
import { resolveHarmScheme } from '../../shared/harm/harmSchemes';
import type { HotspotParams } from '../../shared/hotspots/runHotspotAnalysis';
import { exportHotspots, runHotspots, statePai } from '../../shared/session/analysisUseCases';
import { closeProject } from '../../shared/session/projectUseCases';
import type { Database } from 'sql.js';
import path from 'node:path';
import type { StudyAreaSpec } from '../../shared/hotspots/studyAreaChoice';
import { paiLine, parsePaiSet, type PaiSet } from '../../shared/hotspots/paiForSet';

type StudyAreaGeometry = Extract<StudyAreaSpec, { kind: 'polygon' }>['geometry'];

const help = `Usage: hotspot-planner hotspots --project P --out FILE.csv|FILE.geojson [options]

Getis-Ord Gi* hotspots on a grid of cells over the project's wards, with harm weighting and a
Benjamini-Hochberg false-discovery-rate correction (on by default). Writes one row/feature per
study-area cell (zeros included): cell id, BNG easting/northing of the centre, ward, count,
harm, gi_z, p, p_fdr, class, kde_density.

Options:
  --project P         project file (.hotspot)
  --out FILE          .csv or .geojson (cell polygons in WGS84)
  --from YYYY-MM      first month (inclusive; default: first in the data)
  --to YYYY-MM        last month (inclusive; default: last in the data)
  --types "A,B"       police.uk crime types to keep (default: all)
  --set NAME          category set (id or name, e.g. "Serious violence"; default: all records)
  --scheme S          count (default), cchi (CCHI, derived category averages) or a scheme's id/name
  --cell M            cell size in metres (default 150)
  --shape S           square (default, BNG-aligned) or hex
  --distance M        Gi* neighbourhood distance in metres (default cell x sqrt 2: touching cells + self)
  --fdr on|off        Benjamini-Hochberg FDR correction (default on)
  --bandwidth M|nrd   KDE bandwidth in metres, or nrd for the MASS bandwidth.nrd rule of thumb
                      (default: 2 x the cell size, 300 m at 150 m, suited to micro-places)
  --districts A,B     study area: these districts only (e.g. Leeds or "Leeds,Bradford");
                      Gi* mean and variance are then over their cells alone (default: the force)
  --area FILE         study area: the cells inside the polygons of a WGS84 GeoJSON file
  --inference I       normal (default; matches spdep::localG) or permutation (conditional
                      permutation as PySAL esda / rgeoda, folded pseudo p-values, then FDR)
  --permutations N    permutations for --inference permutation (default 999)
  --seed N            seed for --inference permutation (default 20240401; same seed, same p)
  --pai SET           also state the Prediction Accuracy Index of a hotspot set, printed and
                      written in the method lines: top:N (the N cells with most harm, e.g.
                      top:20) or hot:90|hot:95|hot:99 (Gi* hot cells at that level or more)
  --method inline|sidecar
                      CSV only. inline (default): the method (scheme, period, cell size,
                      neighbourhood, correction, exclusions) leads the file as "# " lines, read by
                      R read.csv(comment.char = "#") and pandas read_csv(comment = "#"), shown as
                      text rows above the header in Excel. sidecar: a plain CSV (for QGIS and
                      pivot tables) plus FILE.method.txt beside it.
  --help              show this help

GeoJSON output carries the method in a top-level "metadata" member.`;

/** The harm scheme and category set named by --scheme and --set (count and all records when absent). */
export function resolveSchemeAndSet(db: Database, args: ParsedArgs): { schemeId: string; categorySetId: string | undefined } {
  const scheme = args.values['scheme'];
  const s = scheme ? resolveHarmScheme(db, scheme) : null;
  if (scheme && !s && scheme !== 'count') throw new UsageError(`No harm scheme "${scheme}" in this project (try count or cchi).`);
  const setName = args.values['set'];
  const set = setName ? resolveCategorySet(db, setName) : null;
  if (setName && !set) throw new UsageError(`No category set "${setName}" in this project.`);
  return { schemeId: s?.id ?? 'count', categorySetId: set?.id };
}

export function resolveFilter(db: Database, args: ParsedArgs): Pick<HotspotParams, 'from' | 'to' | 'types' | 'schemeId' | 'categorySetId'> {
  const types = args.values['types']?.split(',').map((t) => t.trim()).filter(Boolean);
  return { from: args.values['from'], to: args.values['to'], types, ...resolveSchemeAndSet(db, args) };
}

export async function studyAreaArg(args: ParsedArgs): Promise<StudyAreaSpec> {
  const districts = args.values['districts'];
  const area = args.values['area'];
  if (districts && area) throw new UsageError('Give --districts or --area, not both.');
  if (districts) return { kind: 'districts', districts: districts.split(',').map((d) => d.trim()).filter(Boolean) };
  if (!area) return { kind: 'force' };
  let fc: unknown;
  try {
    fc = JSON.parse(await fs.readFile(area, 'utf8'));
  } catch (e) {
    throw new UsageError(`Cannot read the study-area file ${area}: ${(e as Error).message}`);
  }
  const f = fc as { type?: string; features?: unknown[]; geometry?: unknown };
  const collection = f.type === 'FeatureCollection' ? fc : f.type === 'Feature' ? { type: 'FeatureCollection', features: [fc] } : null;
  if (!collection) throw new UsageError(`${area} is not a GeoJSON Feature or FeatureCollection.`);
  return { kind: 'polygon', name: path.basename(area), geometry: collection as StudyAreaGeometry };
}

function inferenceArg(args: ParsedArgs): HotspotParams['inference'] {
  const kind = args.values['inference'] ?? 'normal';
  if (kind === 'normal') {
    if (args.values['permutations'] || args.values['seed']) throw new UsageError('--permutations and --seed go with --inference permutation.');
    return { kind: 'normal' };
  }
  if (kind !== 'permutation') throw new UsageError('--inference must be normal or permutation.');
  const int = (name: string) => {
    const v = args.values[name];
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number (got "${v}").`);
    return Number(v);
  };
  return { kind: 'permutation', permutations: int('permutations'), seed: int('seed') };
}

export const hotspotsCommand: Command = {
  name: 'hotspots',
  summary: 'Gi* hotspot cells (harm-weighted, FDR-corrected) to CSV or GeoJSON',
  help,
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: ['project', 'out', 'from', 'to', 'types', 'set', 'scheme', 'cell', 'shape', 'distance', 'fdr', 'bandwidth', 'method', 'districts', 'area', 'inference', 'permutations', 'seed', 'pai'],
    });
    if (args.help) {
      io.out(help);
      return 0;
    }
    const project = requireValue(args, 'project');
    const out = requireValue(args, 'out');
    const geojson = /\.(geo)?json$/i.test(out);
    if (!geojson && !/\.csv$/i.test(out)) throw new UsageError('--out must end in .csv or .geojson.');
    const shape = oneOf(args, 'shape', ['square', 'hex'], 'square');
    const fdr = oneOf(args, 'fdr', ['on', 'off'], 'on');
    const method = args.values['method'] ?? 'inline';
    if (method !== 'inline' && method !== 'sidecar') throw new UsageError('--method must be inline or sidecar.');
    const studyArea = await studyAreaArg(args);
    const inference = inferenceArg(args);
    const paiText = args.values['pai'];
    let paiSet: PaiSet | null = null;
    try {
      paiSet = paiText === undefined ? null : parsePaiSet(paiText);
    } catch (e) {
      throw new UsageError(`--pai: ${(e as Error).message}`);
    }
    const session = await openSession(project);
    try {
      const bandwidth = args.values['bandwidth'] === 'nrd' ? 'nrd' : positiveMetres(args, 'bandwidth');
      const result = await runHotspots(session, {
        ...resolveFilter(session.db, args),
        cellSize: positiveMetres(args, 'cell'), shape, distance: positiveMetres(args, 'distance'), fdr: fdr === 'on',
        kde: bandwidth === undefined ? true : { bandwidth }, studyArea, inference,
      }, jobOf(io));
      const paiStated = paiSet ? paiLine(statePai(session, paiSet)) : null;
      let text = new TextDecoder().decode((await exportHotspots(session, geojson ? 'geojson' : 'csv')).bytes);
      if (!geojson && method === 'sidecar') {
        text = text.split('\r\n').filter((l) => !l.startsWith('# ')).join('\r\n');
        const side = out.replace(/\.csv$/i, '.method.txt');
        await fs.writeFile(side, `${[...result.methodLines, ...result.warnings.map((w) => `warning: ${w}`)].join('\n')}\n`);
      }
      await atomicWrite(out, new TextEncoder().encode(text));
      const s = result.summary;
      io.out(
        `Wrote ${out}: ${s.cells} cells, ${s.recordsInCells} records in cells, ` +
          `hot 99/95/90%: ${s.hot.c99}/${s.hot.c95}/${s.hot.c90}, cold 99/95/90%: ${s.cold.c99}/${s.cold.c95}/${s.cold.c90}.`,
      );
      if (paiStated) io.out(`PAI ${paiStated}`);
      for (const l of result.methodLines) io.out(`  ${l}`);
      for (const w of result.warnings) io.err(`warning: ${w}`);
      return 0;
    } finally {
      closeProject(session);
    }
  },
};
