import { getRejections, listImports, previewSource, rejectionsToCsv, runImport } from '../../shared/import/index';
import type { ImportFormat, ImportProgress, ImportReport } from '../../shared/import/types';
import { db, markDirty } from './engineState';
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
