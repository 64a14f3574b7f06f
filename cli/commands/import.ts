import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs, requireValue, UsageError } from '../args';
import type { Command } from '../command';
import { fileRandomAccess, fileSource } from '../fixtures';
import { jobOf, openSession, saveSession } from '../cliSession';
import type { BoundaryReport } from '../../shared/areas/importBoundaries';
import { isZipName } from '../../shared/import/policeUkFileName';
import { batchSummaryLines, type BatchInput, type BatchReport } from '../../shared/import/runImportBatch';
import type { ReassignReport } from '../../shared/import/reassignWards';
import type { ImportFormat, ImportReport } from '../../shared/import/types';
import { importFiles, replaceBoundaries } from '../../shared/session/importUseCases';
import { closeProject } from '../../shared/session/projectUseCases';
import { JobCancelled } from '../../shared/session/jobs';

const FORMATS = ['auto', 'police-uk', 'stop-search', 'extract', 'ward-counts'] as const;

const help = `Usage: hotspot-planner import --project P [--boundaries B.geojson] [--crimes FILE.zip|FOLDER|FILE...]
                              [--format auto|police-uk|stop-search|extract|ward-counts]
                              [--mapping M.json] [--json]

Imports crime files into an existing project, each in one transaction, and saves the
project atomically. Every row is accounted for: read = imported + duplicates + rejected.
Rejected rows do not fail the command. A file that cannot be read at all (not a CSV, wrong
header, missing mapping, no rows) is reported and left out, the other files are still
imported, and the command exits with code 1.

Options:
  --project P        the .hotspot project to import into
  --crimes FILE...   CSV files (police.uk street crime, stop-and-search, a force extract,
                     or ward-level counts), police.uk download zips (YYYY-MM/YYYY-MM-force-
                     street.csv, -stop-and-search.csv; -outcomes.csv files are listed and
                     skipped), or folders (their CSV and zip files, subfolders included)
  --format F         auto (default: detected from the header) or the format to use
  --mapping M.json   column mapping for force extracts (ExtractMapping as JSON); without it
                     the mapping saved in the project for the same header is used
  --boundaries B     replace the ward layer with this GeoJSON (WGS84 or British National
                     Grid), loaded before the crime files; records already in the project
                     are re-placed in the new wards
  --json             print the reports as JSON
  --help             show this help`;

function summary(r: ImportReport): string {
  const placed = Object.entries(r.placedBy).map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [
    `${r.fileName} (${r.format}, ${r.encoding ?? '?'}): ${r.rowsRead} rows read, ${r.imported} imported, ` +
      `${r.duplicates} duplicates, ${r.rejected} rejected, ${r.outOfArea} outside the force area.`,
  ];
  if (placed) lines.push(`  placed by: ${placed}`);
  for (const n of r.notes ?? []) lines.push(`  note: ${n}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  for (const x of r.rejections.slice(0, 20)) {
    lines.push(`  rejected line ${x.line}${x.column ? `, column "${x.column}"` : ''}: ${x.reason}`);
  }
  if (r.rejected > 20) lines.push(`  ... ${r.rejected - 20} more rejections (use --json, or export them from the app)`);
  return lines.join('\n');
}

/** Folders become their CSV and zip files (sorted, subfolders included); files stay as given. */
async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => {
      throw new Error(`Cannot read ${p}: no such file or folder.`);
    });
    if (!stat.isDirectory()) {
      out.push(p);
      continue;
    }
    const found = (await fs.readdir(p, { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile() && /\.(csv|zip)$/i.test(d.name))
      .map((d) => path.join(d.parentPath ?? (d as unknown as { path: string }).path, d.name))
      .sort();
    if (found.length === 0) throw new Error(`${p} holds no CSV or zip files.`);
    out.push(...found);
  }
  return out;
}

function boundarySummary(b: BoundaryReport): string {
  const lines = [`${b.fileName}: ${b.imported} of ${b.features} areas loaded into layer "${b.layer}" (${b.crs}: ${b.crsReason}).`];
  for (const x of b.invalid) lines.push(`  feature ${x.index}${x.code ? ` (${x.code})` : ''}: ${x.reason}`);
  return lines.join('\n');
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import crime, stop-and-search, extract or ward-count CSVs (and boundaries) into a project',
  help,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['project', 'format', 'mapping', 'boundaries'], multi: ['crimes'], booleans: ['json'] });
    if (args.help) {
      io.out(help);
      return 0;
    }
    const projectPath = requireValue(args, 'project');
    const files = args.multi.crimes ?? [];
    const boundaries = args.values.boundaries;
    if (files.length === 0 && !boundaries) throw new UsageError('give --crimes FILE... and/or --boundaries B.geojson.');
    const format = (args.values.format ?? 'auto') as ImportFormat | 'auto';
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
    let mapping: unknown;
    if (args.values.mapping) {
      const text = await fs.readFile(args.values.mapping, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new Error(`Cannot read mapping ${args.values.mapping}: ${e.code ?? e.message}`);
      });
      try {
        mapping = JSON.parse(text);
      } catch (e) {
        throw new Error(`Mapping ${args.values.mapping} is not valid JSON: ${(e as Error).message}`);
      }
    }
    const session = await openSession(projectPath);
    try {
      let boundaryReport: BoundaryReport | undefined;
      let reassigned: ReassignReport | undefined;
      if (boundaries) {
        // The same use case as the app: one transaction, records re-placed, boundaries_source recorded.
        const replaced = replaceBoundaries(session, await fs.readFile(boundaries, 'utf8'), path.basename(boundaries));
        boundaryReport = replaced;
        reassigned = replaced.reassigned;
      }
      const inputs: BatchInput[] = [];
      const zips: { close(): Promise<void> }[] = [];
      let batch: BatchReport;
      try {
        for (const file of await expandPaths(files)) {
          if (!isZipName(file)) inputs.push({ kind: 'csv', source: await fileSource(file) });
          else {
            const zip = await fileRandomAccess(file);
            zips.push(zip);
            inputs.push({ kind: 'zip', file: zip });
          }
        }
        batch = await importFiles(session, inputs, { format, mapping }, jobOf(io));
      } finally {
        await Promise.all(zips.map((z) => z.close()));
      }
      // Cancelled: the file being read was rolled back, and nothing is saved at all.
      if (batch.cancelled) throw new JobCancelled('Import');
      const reports: ImportReport[] = batch.files.flatMap((f) => (f.status === 'imported' && f.report ? [f.report] : []));
      const failed = batch.files.filter((f) => f.status === 'not-imported');
      if (batch.totals.importedFiles === 0 && failed.length > 0 && !boundaries) {
        // Nothing to save: the project file is left exactly as it was.
        throw new Error(failed.map((f) => f.message ?? `${f.name}: not imported`).join('\n'));
      }
      await saveSession(session, projectPath);
      if (args.booleans.has('json')) {
        io.out(
          JSON.stringify(
            {
              boundaries: boundaryReport ?? null,
              reassigned: reassigned ?? null,
              imports: reports.map((r) => ({
                file: r.fileName, format: r.format, importId: r.importId, encoding: r.encoding, delimiter: r.delimiter,
                read: r.rowsRead, imported: r.imported, duplicates: r.duplicates, rejected: r.rejected,
                outOfArea: r.outOfArea, placedBy: r.placedBy, notes: r.notes ?? [], warnings: r.warnings, rejections: r.rejections,
              })),
              files: batch.files.map((f) => ({ file: f.name, status: f.status, format: f.format, message: f.message ?? null })),
              totals: batch.totals,
            },
            null,
            2,
          ),
        );
      } else {
        if (boundaryReport) io.out(boundarySummary(boundaryReport));
        if (reassigned && reassigned.records > 0) {
          io.out(`Re-placed ${reassigned.records} stored records in the new wards: ${reassigned.changed} changed, ${reassigned.outOfArea} now out of area.`);
        }
        for (const f of batch.files) {
          if (f.status === 'imported' && f.report) io.out(summary(f.report));
          else if (f.status === 'skipped') io.out(`${f.name}: skipped: ${f.message ?? ''}`);
          else io.err(`${f.name}: NOT IMPORTED: ${f.message ?? f.status}`);
        }
        if (batch.files.length > 1) io.out(batchSummaryLines(batch).join('\n'));
        io.out(`Saved ${projectPath}`);
      }
      return batch.files.some((f) => f.status === 'not-imported') ? 1 : 0;
    } finally {
      closeProject(session);
    }
  },
};
