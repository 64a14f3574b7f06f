import { promises as fs } from 'node:fs';
import { atomicWrite } from '../../node/atomicWrite';
import { parseArgs, requireValue, UsageError } from '../args';
import type { Command } from '../command';
import { openProjectFile } from '../projectFile';
import { parsePeriod } from '../../shared/wards/periodChange';
import { loadPopulation } from '../../shared/wards/population';
import { wardHarmTable } from '../../shared/wards/wardHarmTable';
import { wardTableCsv, wardTableXlsx } from '../../shared/wards/wardTableCsv';
import { WARD_SORT_LABEL, type WardSortKey, type WardTableView } from '../../shared/wards/wardTableView';
import { resolveFilter } from './hotspots';

const help = `Usage: hotspot-planner wards --project P --out FILE.csv|FILE.xlsx [options]

The ward harm table district leads use: per ward (grouped by district, with district subtotals
and the force total) the count, harm, harm per 1,000 residents, rank and share of force harm
for the chosen period, compared with the previous period of the same length and optionally a
baseline period (change and % change). A period, or a district, without data reads "no data":
its numbers are blank and a note column says why (never 0). A comparison whose data covers a
different number of months than the current period is not compared. A category set or scheme
that cannot apply to the data (flags on police.uk files) is a warning, not a table of zeros.
The CSV starts with "# " lines stating scheme, category set, periods (with the months that
have data) and exclusions; the XLSX has a Wards sheet and a Method sheet.

Options:
  --project P                 project file (.hotspot)
  --out FILE.csv|FILE.xlsx    output file (CSV, or an Excel workbook with a Method sheet)
  --from YYYY-MM              first month (default: 11 months before --to)
  --to YYYY-MM                last month (default: latest month with data)
  --types "A,B"               police.uk crime types to keep (default: all)
  --set NAME                  category set (id or name, e.g. "Serious violence")
  --scheme S                  count (default), cchi, or a scheme's id/name
  --baseline YYYY-MM:YYYY-MM  extra comparison period
  --sort KEY[:asc|:desc]      row order: ${Object.keys(WARD_SORT_LABEL).join(', ')} (default harm:desc;
                              grouped = wards by district, each followed by its subtotal)
  --filter TEXT               only wards whose ward or district name contains TEXT
  --population FILE.csv       ward population (code and population columns) for rates; not saved to the project
  --help                      show this help`;

function parseSort(s: string | undefined): WardTableView['sort'] {
  if (!s) return undefined;
  const [key, dir] = s.split(':');
  if (!key || !(key in WARD_SORT_LABEL)) throw new UsageError(`--sort must be one of ${Object.keys(WARD_SORT_LABEL).join(', ')} (got "${s}").`);
  if (dir && dir !== 'asc' && dir !== 'desc') throw new UsageError(`--sort direction must be asc or desc (got "${dir}").`);
  const textual = key === 'name' || key === 'district' || key === 'rank' || key === 'grouped';
  return { key: key as WardSortKey, desc: dir ? dir === 'desc' : !textual };
}

export const wardsCommand: Command = {
  name: 'wards',
  summary: 'ward harm table with period comparisons to CSV',
  help,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['project', 'out', 'from', 'to', 'types', 'set', 'scheme', 'baseline', 'population', 'sort', 'filter'] });
    if (args.help) {
      io.out(help);
      return 0;
    }
    const project = requireValue(args, 'project');
    const out = requireValue(args, 'out');
    if (!/\.(csv|xlsx)$/i.test(out)) throw new UsageError('--out must end in .csv or .xlsx.');
    const view: WardTableView = { sort: parseSort(args.values['sort']), filter: args.values['filter'] };
    let baseline;
    try {
      baseline = args.values['baseline'] ? parsePeriod(args.values['baseline']) : undefined;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const db = await openProjectFile(project);
    try {
      const popFile = args.values['population'];
      if (popFile) {
        const text = await fs.readFile(popFile, 'utf8').catch(() => {
          throw new Error(`Cannot read ${popFile}.`);
        });
        const p = loadPopulation(db, text);
        io.out(`Population: ${p.updated} wards from ${popFile}` +
          (p.unknownCodes.length ? `; ${p.unknownCodes.length} codes match no ward` : '') +
          (p.missingAreas.length ? `; ${p.missingAreas.length} wards have no figure` : ''));
      }
      const { from, to, types, schemeId, categorySetId } = resolveFilter(db, args);
      const table = wardHarmTable(db, { from, to, types, schemeId, categorySetId, baseline });
      const bytes = /\.xlsx$/i.test(out) ? await wardTableXlsx(table, view) : new TextEncoder().encode(wardTableCsv(table, view));
      await atomicWrite(out, bytes);
      const wards = table.rows.filter((r) => r.kind === 'ward').length;
      io.out(`Wrote ${out}: ${wards} wards.`);
      for (const l of table.methodLines.filter((l) => !l.startsWith('rule: '))) io.out(`  ${l}`);
      for (const w of table.warnings) io.err(`warning: ${w}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
