import { getRejections, listImports, previewSource, rejectionsToCsv, removeImport, reopenWithRoom, runImport } from '../../shared/import/index';
import { isZipName } from '../../shared/import/policeUkFileName';
import { runImportBatch, type BatchInput, type BatchReport } from '../../shared/import/runImportBatch';
import { openProjectDb } from '../../shared/project/projectDb';
import type { ImportFormat, ImportProgress, ImportReport } from '../../shared/import/types';
import { db, markDirty, sql, swapDb } from './engineState';
import { fileRandomAccess, fileSource } from './sources';

let cancelRequested = false;

export const importApi = {
  /** Header detection, encoding, delimiter and the first rows, for the user to confirm. */
  async previewFile(file: File) {
    return previewSource(fileSource(file), 20, db());
  },

  /** Runs one import in one transaction; progress is pushed back, cancel rolls it back. */
  async importFile(
    file: File,
    options: { format: ImportFormat; mapping?: unknown },
    onProgress?: (p: ImportProgress) => void,
  ): Promise<ImportReport> {
    cancelRequested = false;
    // A big file goes into a project reopened with room for it, so sql.js never copies its
    // in-memory file while growing (3M rows: ~1.3 GB peak instead of ~1.8 GB).
    const SQL = await sql();
    swapDb(reopenWithRoom(db(), file.size, (image) => openProjectDb(SQL, image, file.name)));
    const report = await runImport(db(), fileSource(file), {
      format: options.format,
      mapping: options.mapping,
      onProgress: onProgress ? (p) => void onProgress(p) : undefined,
      isCancelled: () => cancelRequested,
    });
    if (!report.cancelled) markDirty();
    return report;
  },

  /**
   * Several files, a folder's files or police.uk download zips: each CSV (or zip member) in its
   * own transaction with its own report, plus the combined totals. Zips are read a member at a
   * time from the File, never inflated whole.
   */
  async importFiles(
    files: File[],
    options: { format?: ImportFormat | 'auto'; mapping?: unknown } = {},
    onProgress?: (p: ImportProgress & { fileIndex: number; fileName: string }) => void,
  ): Promise<BatchReport> {
    cancelRequested = false;
    const SQL = await sql();
    const inputs: BatchInput[] = files.map((f) => (isZipName(f.name) ? { kind: 'zip', file: fileRandomAccess(f) } : { kind: 'csv', source: fileSource(f) }));
    let current = { index: 0, name: '' };
    const report = await runImportBatch(db(), inputs, {
      format: options.format ?? 'auto',
      mapping: options.mapping,
      dbFor: (bytes) => {
        swapDb(reopenWithRoom(db(), bytes, (image) => openProjectDb(SQL, image, 'project')));
        return db();
      },
      onFile: (index, name) => (current = { index, name }),
      onProgress: onProgress ? (p) => void onProgress({ ...p, fileIndex: current.index, fileName: current.name }) : undefined,
      isCancelled: () => cancelRequested,
    });
    if (report.totals.importedFiles > 0) markDirty();
    return report;
  },

  cancelImport(): void {
    cancelRequested = true;
  },

  importHistory() {
    return listImports(db());
  },

  /** Takes one import's records out of the project; the history keeps the import, marked removed. */
  removeImport(importId: number) {
    const r = removeImport(db(), importId);
    markDirty();
    return r;
  },

  rejectionsCsv(importId: number): Uint8Array {
    return new TextEncoder().encode(rejectionsToCsv(getRejections(db(), importId)));
  },
};
