import type { ProjectDb as Database } from '../repository/db';
import { ImportError } from './importError';
import { formatForPoliceUkName, isCsvName, OUTCOMES_SKIPPED, parsePoliceUkFileName } from './policeUkFileName';
import { runImport } from './runImport';
import { StoredKeys } from '../repository/records/keyIndex';
import { PlaceMemo } from './placeMemo';
import type { ImportFormat, ImportOptions, ImportReport, ImportSource } from './types';
import { listZipMembers, zipMemberSource, type RandomAccessFile } from './zipSource';

/** One thing the user chose: a CSV (from a file pick, a folder or a drop) or a zip to open. */
export type BatchInput = { kind: 'csv'; source: ImportSource } | { kind: 'zip'; file: RandomAccessFile };

/** What happened to one file of a batch. */
export interface BatchFileOutcome {
  name: string;
  /** imported: its own transaction committed; not-imported: a file-level problem, nothing kept; skipped: left out on purpose. */
  status: 'imported' | 'not-imported' | 'skipped' | 'cancelled';
  format: ImportFormat | null;
  report?: ImportReport;
  /** Why it was not imported or skipped, in words an analyst can act on. */
  message?: string;
}

export interface BatchTotals {
  files: number;
  importedFiles: number;
  notImported: number;
  skipped: number;
  read: number;
  imported: number;
  duplicates: number;
  rejected: number;
  outOfArea: number;
}

/** The combined report: each file's own report and the totals over the files that were imported. */
export interface BatchReport {
  files: BatchFileOutcome[];
  totals: BatchTotals;
  cancelled: boolean;
}

export interface BatchOptions extends ImportOptions {
  /**
   * The database to import the next file into, given its size: the worker and the CLI reopen
   * the project with room for a big file here. Defaults to the database passed in.
   */
  dbFor?: (bytes: number) => Database;
  onFile?: (index: number, name: string) => void;
}

interface Planned {
  name: string;
  source?: ImportSource;
  format?: ImportFormat | 'auto';
  skip?: string;
  error?: string;
}

/** Expands zips into their members and decides each file's format from its police.uk name. */
async function plan(inputs: readonly BatchInput[], requested: ImportFormat | 'auto'): Promise<Planned[]> {
  const out: Planned[] = [];
  const add = (name: string, source: ImportSource, pathForName: string) => {
    if (!isCsvName(pathForName)) return void out.push({ name, skip: 'not a CSV file: not imported' });
    const n = parsePoliceUkFileName(pathForName);
    if (n) {
      const f = formatForPoliceUkName(n);
      return void out.push(f ? { name, source, format: f } : { name, skip: OUTCOMES_SKIPPED });
    }
    out.push({ name, source, format: requested });
  };
  for (const input of inputs) {
    if (input.kind === 'csv') {
      add(input.source.name, input.source, input.source.name);
      continue;
    }
    try {
      const members = (await listZipMembers(input.file)).sort((a, b) => a.path.localeCompare(b.path));
      if (members.length === 0) out.push({ name: input.file.name, error: `${input.file.name} holds no files.` });
      for (const m of members) {
        const src = zipMemberSource(input.file, m);
        add(src.name, src, m.path);
      }
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      out.push({ name: input.file.name, error: e.message });
    }
  }
  return out;
}

/**
 * Imports several files (chosen together, a folder, or the members of police.uk download zips),
 * each in its own transaction with its own report. A file that cannot be read is reported and
 * the next one is still imported; cancelling rolls back the file being read and stops.
 * police.uk names decide the format (street -> police-uk, stop-and-search -> stop-search);
 * outcomes files are listed as skipped.
 */
export async function runImportBatch(db: Database, inputs: readonly BatchInput[], options: BatchOptions = {}): Promise<BatchReport> {
  const planned = await plan(inputs, options.format ?? 'auto');
  const storedKeys = options.storedKeys ?? new StoredKeys();
  const placeMemo = options.placeMemo ?? new PlaceMemo();
  const files: BatchFileOutcome[] = [];
  let cancelled = false;
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i]!;
    if (cancelled) {
      files.push({ name: p.name, status: 'cancelled', format: null, message: 'not started: the import was cancelled' });
      continue;
    }
    if (p.skip) {
      files.push({ name: p.name, status: 'skipped', format: null, message: p.skip });
      continue;
    }
    if (p.error || !p.source) {
      files.push({ name: p.name, status: 'not-imported', format: null, message: p.error });
      continue;
    }
    options.onFile?.(i, p.name);
    const target = options.dbFor ? options.dbFor(p.source.size ?? 0) : db;
    const format = p.format === 'auto' ? undefined : p.format;
    try {
      const report = await runImport(target, p.source, { ...options, storedKeys, placeMemo, format: format ?? options.format });
      if (report.cancelled) {
        cancelled = true;
        files.push({ name: p.name, status: 'cancelled', format: report.format, report, message: report.warnings[0] });
      } else {
        files.push({ name: p.name, status: 'imported', format: report.format, report });
      }
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      files.push({ name: p.name, status: 'not-imported', format: format ?? null, message: e.message });
    }
  }
  return { files, totals: totalsOf(files), cancelled };
}

export function totalsOf(files: readonly BatchFileOutcome[]): BatchTotals {
  const t: BatchTotals = { files: files.length, importedFiles: 0, notImported: 0, skipped: 0, read: 0, imported: 0, duplicates: 0, rejected: 0, outOfArea: 0 };
  for (const f of files) {
    if (f.status === 'skipped') t.skipped++;
    else if (f.status !== 'imported') t.notImported++;
    if (f.status !== 'imported' || !f.report) continue;
    t.importedFiles++;
    t.read += f.report.rowsRead;
    t.imported += f.report.imported;
    t.duplicates += f.report.duplicates;
    t.rejected += f.report.rejected;
    t.outOfArea += f.report.outOfArea;
  }
  return t;
}

/** The combined report as plain lines (CLI, logs): one line per file, then the totals. */
export function batchSummaryLines(r: BatchReport): string[] {
  const t = r.totals;
  return [
    `${t.files} file${t.files === 1 ? '' : 's'}: ${t.importedFiles} imported, ${t.notImported} not imported, ${t.skipped} skipped. ` +
      `Rows: ${t.read} read, ${t.imported} imported, ${t.duplicates} duplicates, ${t.rejected} rejected, ${t.outOfArea} outside the force area.`,
  ];
}
