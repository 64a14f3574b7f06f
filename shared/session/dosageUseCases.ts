import { strToU8, zipSync } from 'fflate';
import { listDosageImports, removeDosageImport as removeFromDb } from '../dosage/dosageImports';
import { detectFixMapping } from '../dosage/fixColumns';
import { importFixes, type ImportFixesOptions } from '../dosage/importFixes';
import { importPatrolRecords } from '../dosage/importPatrolRecords';
import type { DosageImportReport } from '../dosage/types';
import { previewSource } from '../import/previewSource';
import type { ImportProgress, ImportSource } from '../import/types';
import { computeDosage, type DosageReport } from '../returns/dosage';
import { dosageCsv as dosageCsvText } from '../returns/dosageCsv';
import { buildQuarterlyReturn, returnCsvs, returnXlsx } from '../returns/quarterlyReturn';
import { utf8 } from './exportedFile';
import { checkpoint, isCancellation, JobCancelled, phase, type JobOptions } from './jobs';
import { requirePlan } from './planUseCases';
import type { Session } from './session';

export type FixMapping = NonNullable<ImportFixesOptions['mapping']>;
export type { DosageImportReport, DosageReport };

/** Header, first rows and the detected fix columns of a dosage file, before importing it. */
export async function previewDosageFile(s: Session, source: ImportSource) {
  const p = await previewSource(source, 8, s.db);
  return { fileName: source.name, header: p.header, rows: p.rows, fixes: detectFixMapping(p.header) };
}

/**
 * Imports GPS fix files or patrol record files for a saved plan, one after another, each in its
 * own transaction; cancel stops the current file and keeps nothing from it, later files are not
 * started. A file that fails for another reason stops the run with its error.
 */
export async function importDosageFiles(
  s: Session,
  planId: string,
  kind: 'fixes' | 'records',
  sources: readonly ImportSource[],
  mapping: FixMapping | undefined,
  job: JobOptions = {},
): Promise<{ reports: DosageImportReport[]; cancelled: string | null }> {
  const plan = requirePlan(s, planId);
  const signal = job.signal;
  const reports: DosageImportReport[] = [];
  let i = 0;
  try {
    for (; i < sources.length; i++) {
      const source = sources[i]!;
      const label = sources.length > 1 ? `File ${i + 1} of ${sources.length}: ${source.name}` : `Reading ${source.name}`;
      const onProgress = job.onProgress
        ? (p: ImportProgress) => job.onProgress!({ phase: label, done: p.bytesRead, total: p.totalBytes, rows: p.rowsRead, rowsPerSecond: p.rowsPerSecond })
        : undefined;
      if (signal?.aborted) throw new JobCancelled('Dosage import');
      const r = kind === 'fixes'
        ? await importFixes(s.db, plan, source, { mapping, signal, onProgress })
        : await importPatrolRecords(s.db, plan, source, { signal, onProgress });
      reports.push(r);
      if (!r.alreadyImported && r.accepted > 0) s.markDirty();
    }
  } catch (e) {
    if (!signal?.aborted && !isCancellation(e)) throw e;
    const rest = sources.length - i - 1;
    return { reports, cancelled: `Import cancelled in ${sources[i]!.name}: nothing from that file was kept${rest ? `; ${rest} later ${rest === 1 ? 'file was' : 'files were'} not started` : ''}.` };
  }
  return { reports, cancelled: null };
}

export function dosageImports(s: Session, planId: string) {
  return listDosageImports(s.db, planId);
}

export function removeDosageImport(s: Session, id: number): void {
  removeFromDb(s.db, id);
  s.markDirty();
}

/** Delivered vs target per hotspot, district and in total, for a period of local dates. */
export function dosageDashboard(s: Session, planId: string, from: string, to: string): DosageReport {
  return computeDosage(s.db, requirePlan(s, planId), from, to);
}

export function dosageCsv(s: Session, planId: string, from: string, to: string): Uint8Array {
  return utf8(dosageCsvText(dosageDashboard(s, planId, from, to)));
}

/** The quarterly return workbook (or any period), or its CSVs zipped together. */
export async function quarterlyReturn(
  s: Session,
  planId: string,
  from: string,
  to: string,
  kind: 'xlsx' | 'csv',
  opts: { periodLabel?: string; generatedAt?: string } = {},
  job: JobOptions = {},
): Promise<Uint8Array> {
  phase(job, 'Counting visits and crime for the return');
  await checkpoint(job, 'The return');
  const ret = buildQuarterlyReturn(s.db, requirePlan(s, planId), from, to, { softwareVersion: s.softwareVersion, ...opts });
  phase(job, kind === 'xlsx' ? 'Writing the workbook' : 'Writing the CSV files');
  await checkpoint(job, 'The return');
  if (kind === 'xlsx') {
    const bytes = await returnXlsx(ret);
    await checkpoint(job, 'The return');
    return bytes;
  }
  const files: Record<string, Uint8Array> = {};
  for (const [name, csv] of Object.entries(returnCsvs(ret))) files[name.endsWith('.csv') ? name : `${name}.csv`] = strToU8(csv);
  return zipSync(files);
}
