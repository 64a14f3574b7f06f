import { replaceBoundaries as replaceBoundariesInDb, type BoundaryReplacement } from '../import/replaceBoundaries';
import { getRejections, listImports, rejectionsToCsv } from '../import/importHistory';
import { previewSource } from '../import/previewSource';
import { removeImport as removeImportFromDb } from '../import/removeImport';
import { runImport } from '../import/runImport';
import { runImportBatch, type BatchInput, type BatchReport } from '../import/runImportBatch';
import type { ImportFormat, ImportProgress, ImportReport, ImportSource } from '../import/types';
import { setMeta } from '../project/projectDb';
import { loadPopulation as loadPopulationIntoDb, type PopulationLoad } from '../wards/population';
import type { JobOptions, JobProgress } from './jobs';
import { withRoomFor } from './projectUseCases';
import type { Session } from './session';

export type { BatchInput, BatchReport, BoundaryReplacement };

export interface ImportChoice {
  /** auto: read from police.uk file names or detected from each header. */
  format?: ImportFormat | 'auto';
  /** Column mapping for force extracts (ExtractMapping). */
  mapping?: unknown;
}

function progressOf(name: string, p: ImportProgress): JobProgress {
  return { phase: `Reading ${name}`, done: p.bytesRead, total: p.totalBytes, rows: p.rowsRead, rowsPerSecond: p.rowsPerSecond };
}


/** Header detection, encoding, delimiter and the first rows, for the user to confirm. */
export function previewImport(s: Session, source: ImportSource, rows = 20) {
  return previewSource(source, rows, s.db);
}

/**
 * Several files, a folder's files or police.uk download zips: each CSV (or zip member) in its
 * own transaction with its own report, plus the combined totals. Cancelling rolls back the file
 * being read and leaves the later ones unstarted (the batch report says so).
 */
export async function importFiles(s: Session, inputs: readonly BatchInput[], choice: ImportChoice = {}, job: JobOptions = {}): Promise<BatchReport> {
  const SQL = await s.sql();
  let name = '';
  const report = await runImportBatch(s.db, inputs, {
    format: choice.format ?? 'auto',
    mapping: choice.mapping,
    dbFor: (bytes) => withRoomFor(s, SQL, bytes, 'project'),
    onFile: (_index, fileName) => {
      name = fileName;
      job.onProgress?.({ phase: `Reading ${fileName}` });
    },
    onProgress: job.onProgress ? (p) => job.onProgress!(progressOf(name, p)) : undefined,
    signal: job.signal,
    splitter: s.rowSplitter,
  }).finally(() => s.rowSplitter?.close?.());
  if (report.totals.importedFiles > 0) s.markDirty();
  return report;
}

/** One CSV in the format the user confirmed, in one transaction; cancel rolls it back. */
export async function importFile(s: Session, source: ImportSource, choice: { format: ImportFormat; mapping?: unknown }, job: JobOptions = {}): Promise<ImportReport> {
  const SQL = await s.sql();
  const db = withRoomFor(s, SQL, source.size ?? 0, source.name);
  const report = await runImport(db, source, {
    format: choice.format,
    mapping: choice.mapping,
    onProgress: job.onProgress ? (p) => job.onProgress!(progressOf(source.name, p)) : undefined,
    signal: job.signal,
    splitter: s.rowSplitter,
  }).finally(() => s.rowSplitter?.close?.());
  if (!report.cancelled) s.markDirty();
  return report;
}

/**
 * Replaces the ward layer from a GeoJSON text (WGS84 or BNG) and re-places every stored record
 * in the new wards, in one transaction, recording project_meta boundaries_source; invalid
 * features are reported, not loaded.
 */
export function replaceBoundaries(s: Session, geojsonText: string, fileName: string): BoundaryReplacement {
  const report = replaceBoundariesInDb(s.db, geojsonText, { fileName });
  s.markDirty();
  return report;
}

/** Resident population per ward, for harm per 1,000 residents; kept in the project with its source. */
export function loadPopulation(s: Session, csvText: string, fileName: string, options: { keep?: boolean } = {}): PopulationLoad {
  const r = loadPopulationIntoDb(s.db, csvText);
  if (r.updated > 0 && options.keep !== false) {
    setMeta(s.db, 'population_source', `${fileName} (${r.updated} areas)`);
    s.markDirty();
  }
  return r;
}

export function importHistory(s: Session) {
  return listImports(s.db);
}

/** Takes one import's records out of the project; the history keeps the import, marked removed. */
export function removeImport(s: Session, importId: number) {
  const r = removeImportFromDb(s.db, importId);
  s.markDirty();
  return r;
}

export function rejectionsCsv(s: Session, importId: number): string {
  return rejectionsToCsv(getRejections(s.db, importId));
}
