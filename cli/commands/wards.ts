import { promises as fs } from 'node:fs';
import { atomicWrite } from '../../main/files/atomicWrite';
import { parseArgs, requireValue, UsageError } from '../args';
import type { Command } from '../command';
import { openProjectFile } from '../projectFile';
import { parsePeriod } from '../../shared/wards/periodChange';
import { loadPopulation } from '../../shared/wards/population';
import { wardHarmTable } from '../../shared/wards/wardHarmTable';
import { wardTableCsv } from '../../shared/wards/wardTableCsv';
import { resolveFilter } from './hotspots';

const help = `Usage: hotspot-planner wards --project P --out FILE.csv [options]

The ward harm table district leads use: per ward (grouped by district, with district subtotals
and the force total) the count, harm, harm per 1,000 residents, rank and share of force harm
for the chosen period, compared with the previous period of the same length and optionally a
baseline period (change and % change; "n/a: base is 0" when there is nothing to compare with).
The CSV starts with "# " lines stating scheme, category set, periods and exclusions.

Options:
  --project P                 project file (.hotspot)
  --out FILE.csv              output file
  --from YYYY-MM              first month (default: 11 months before --to)
  --to YYYY-MM                last month (default: latest month in the data)
  --types "A,B"               police.uk crime types to keep (default: all)
  --set NAME                  category set (id or name, e.g. "Serious violence")
  --scheme S                  count (default), cchi, or a scheme's id/name
  --baseline YYYY-MM:YYYY-MM  extra comparison period
  --population FILE.csv       ward population (code and population columns) for rates; not saved to the project
  --help                      show this help`;

export const wardsCommand: Command = {
  name: 'wards',
  summary: 'ward harm table with period comparisons to CSV',
  help,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['project', 'out', 'from', 'to', 'types', 'set', 'scheme', 'baseline', 'population'] });
    if (args.help) {
      io.out(help);
      return 0;
    }
    const project = requireValue(args, 'project');
    const out = requireValue(args, 'out');
    if (!/\.csv$/i.test(out)) throw new UsageError('--out must end in .csv.');
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
      await atomicWrite(out, new TextEncoder().encode(wardTableCsv(table)));
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
