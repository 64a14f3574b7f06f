import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs, requireValue } from '../args';
import type { Command } from '../command';
import { fileRandomAccess, fixturePath, readFixture } from '../fixtures';
import { cliSession, jobOf, saveSession } from '../cliSession';
import { batchSummaryLines } from '../../shared/import/runImportBatch';
import { DEMO_ZIP_NAME } from '../../shared/project/demoProject';
import { buildDemo, closeProject } from '../../shared/session/projectUseCases';

export const DEMO_WARDS = 'wy_wards_2025_bgc.geojson';

const help = `Usage: hotspot-planner demo --out DIR

Builds the West Yorkshire demo project from the bundled fixtures and writes it to
DIR/demo.hotspot: 124 ONS 2025 wards and the police.uk download zip ${DEMO_ZIP_NAME}
(street crime for the whole force, Aug to Nov 2014, 77,500 rows; stop and search for
Aug 2021, the only stop-and-search month bundled), imported as an analyst's import would.

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
    const session = cliSession();
    const zip = await fileRandomAccess(fixturePath(DEMO_ZIP_NAME));
    try {
      await buildDemo(session, { wardsGeoJson: await readFixture(DEMO_WARDS), policeUkZip: zip }, jobOf(io));
    } finally {
      await zip.close();
    }
    const { report, importMs } = session.last.demo!;
    const target = path.join(outDir, 'demo.hotspot');
    await saveSession(session, target);
    closeProject(session);
    const lines = [`Wrote ${target}`];
    for (const f of report.files) {
      const r = f.report;
      lines.push(
        r
          ? `${f.name}: ${r.rowsRead} rows read, ${r.imported} imported, ${r.duplicates} duplicates, ${r.rejected} rejected, ${r.outOfArea} outside the force area.`
          : `${f.name}: ${f.message ?? f.status}`,
      );
    }
    lines.push(...batchSummaryLines(report), `Import took ${(importMs / 1000).toFixed(1)} s.`);
    io.out(lines.join('\n'));
    return 0;
  },
};
