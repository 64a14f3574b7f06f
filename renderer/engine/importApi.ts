import { isZipName } from '../../shared/import/policeUkFileName';
import type { BatchInput, BatchReport } from '../../shared/import/runImportBatch';
import type { ImportFormat, ImportReport } from '../../shared/import/types';
import { importFile, importFiles, importHistory, previewImport, rejectionsCsv, removeImport } from '../../shared/session/importUseCases';
import { session } from './engineState';
import { asJob, type ProgressCallback } from './jobs';
import { fileRandomAccess, fileSource } from './sources';

export const importApi = {
  /** Header detection, encoding, delimiter and the first rows, for the user to confirm. */
  previewFile(file: File) {
    return previewImport(session, fileSource(file));
  },

  /** One CSV in one transaction; progress is pushed back, cancel (engine.cancel(jobId)) rolls it back. */
  importFile(file: File, options: { format: ImportFormat; mapping?: unknown }, jobId?: string, onProgress?: ProgressCallback): Promise<ImportReport> {
    return asJob(jobId, onProgress, (job) => importFile(session, fileSource(file), options, job));
  },

  /**
   * Several files, a folder's files or police.uk download zips, each CSV (or zip member) in its
   * own transaction. Zips are read a member at a time from the File, never inflated whole.
   */
  importFiles(files: File[], options: { format?: ImportFormat | 'auto'; mapping?: unknown } = {}, jobId?: string, onProgress?: ProgressCallback): Promise<BatchReport> {
    const inputs: BatchInput[] = files.map((f) => (isZipName(f.name) ? { kind: 'zip', file: fileRandomAccess(f) } : { kind: 'csv', source: fileSource(f) }));
    return asJob(jobId, onProgress, (job) => importFiles(session, inputs, options, job));
  },

  importHistory() {
    return importHistory(session);
  },

  /** Takes one import's records out of the project; the history keeps the import, marked removed. */
  removeImport(importId: number) {
    return removeImport(session, importId);
  },

  rejectionsCsv(importId: number): Uint8Array {
    return new TextEncoder().encode(rejectionsCsv(session, importId));
  },
};
