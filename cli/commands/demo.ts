import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs, requireValue } from '../args';
import type { Command } from '../command';
import { fileSource, fixturePath, readFixture } from '../fixtures';
import { saveProjectFile } from '../projectFile';
import { loadSqlJs } from '../sqlNode';
import { buildDemoProject } from '../../shared/project/demoProject';

export const DEMO_CRIMES = 'west-yorkshire-street_2018-05_sample_saf98_normalised.csv';
export const DEMO_WARDS = 'wy_wards_2025_bgc.geojson';

const help = `Usage: hotspot-planner demo --out DIR

Builds the West Yorkshire demo project (124 ONS 2025 wards and the police.uk May 2018
sample) from the bundled fixtures and writes it to DIR/demo.hotspot.

Options:
  --out DIR   folder to write demo.hotspot into (created if missing)
  --help      show this help`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'build the bundled West Yorkshire demo project',
  help,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['out'] });
    if (args.help) {
      io.out(help);
      return 0;
    }
    const outDir = requireValue(args, 'out');
    await fs.mkdir(outDir, { recursive: true });
    const { db, report } = await buildDemoProject(await loadSqlJs(), {
      wardsGeoJson: await readFixture(DEMO_WARDS),
      policeUkCsv: await fileSource(fixturePath(DEMO_CRIMES)),
    });
    const target = path.join(outDir, 'demo.hotspot');
    await saveProjectFile(db, target);
    db.close();
    io.out(
      `Wrote ${target}\n` +
        `Crimes: ${report.rowsRead} rows read, ${report.imported} imported, ${report.duplicates} duplicates, ` +
        `${report.rejected} rejected, ${report.outOfArea} outside the force area.`,
    );
    return 0;
  },
};
