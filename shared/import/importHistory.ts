import type { ProjectDb as Database } from '../repository/db';
import Papa from 'papaparse';
import { readImportRows, readRejectionRows, type ImportRow } from '../repository/records/importRecords';
import { importRemovals, type ImportRemoval } from './removeImport';
import type { Rejection } from './types';

export interface ImportSummary extends ImportRow {
  /** Set when the import's records were removed from the project: when, and how many went. */
  removed: ImportRemoval | null;
}

/** Every import in the project, newest first. */
export function listImports(db: Database): ImportSummary[] {
  const removed = importRemovals(db);
  return readImportRows(db).map((r) => ({ ...r, removed: removed.get(r.id) ?? null }));
}

/** All rejections of one import, in file order. */
export function getRejections(db: Database, importId: number): Rejection[] {
  return readRejectionRows(db, importId);
}

/**
 * Rejections as a CSV the analyst opens in Excel next to the source file: line, column, reason
 * and the raw row. Values starting with = + - @ are prefixed with ' so a crafted cell never runs
 * as a formula (CSV injection).
 */
export function rejectionsToCsv(rejections: readonly Rejection[]): string {
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  return Papa.unparse(
    {
      fields: ['line', 'column', 'reason', 'raw'],
      data: rejections.map((r) => [String(r.line), safe(r.column ?? ''), safe(r.reason), safe(r.raw ?? '')]),
    },
    { quotes: true, newline: '\r\n' },
  ) + '\r\n';
}
