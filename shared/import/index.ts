/**
 * The import API the renderer's worker exposes (via Comlink): plain data in and out, no DOM,
 * no fs. Node callers build an ImportSource with cli/fixtures.ts fileSource().
 */
export { runImport } from './runImport';
export { presizedProjectImage, reopenWithRoom, PRESIZE_MIN_BYTES, DB_BYTES_PER_CSV_BYTE } from './presize';
export { previewSource, type SourcePreview } from './previewSource';
export { listImports, getRejections, rejectionsToCsv, type ImportSummary } from './importHistory';
export { loadSavedMapping, saveMapping, suggestMapping, type ExtractMapping } from './extractMapping';
export { detectFormat, headerSignature, type FormatDetection } from './headers';
export { ImportError } from './importError';
export { runImportBatch, totalsOf, batchSummaryLines, type BatchInput, type BatchReport, type BatchFileOutcome, type BatchTotals, type BatchOptions } from './runImportBatch';
export { listZipMembers, zipMemberSource, bytesFile, looksLikeZip, type RandomAccessFile, type ZipMember } from './zipSource';
export { parsePoliceUkFileName, isZipName, isCsvName, OUTCOMES_SKIPPED } from './policeUkFileName';
export { removeImport, importRemoval, importRemovals, type ImportRemoval } from './removeImport';
export { reassignWards, type ReassignReport } from './reassignWards';
export { importBoundaries, type BoundaryImportOptions, type BoundaryReport } from '../areas/importBoundaries';
export type { ImportFormat, ImportOptions, ImportProgress, ImportReport, ImportSource, Rejection } from './types';
