import { getRejections, listImports, previewSource, rejectionsToCsv, reopenWithRoom, runImport } from '../../shared/import/index';
import { openProjectDb } from '../../shared/project/projectDb';
import type { ImportFormat, ImportProgress, ImportReport } from '../../shared/import/types';
import { db, markDirty, sql, swapDb } from './engineState';
import { fileSource } from './sources';

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

  cancelImport(): void {
    cancelRequested = true;
  },

  importHistory() {
    return listImports(db());
  },

  rejectionsCsv(importId: number): Uint8Array {
    return new TextEncoder().encode(rejectionsToCsv(getRejections(db(), importId)));
  },
};
