import type { ProjectDb as Database } from '../repository/db';
import { inSavepoint } from '../repository/db';
import {
  type DosageImportRecord,
  deleteDosageImportRows, findDosageImportByHash, insertDosageImportRow, insertDosageRejections, readDosageImports, readDosageSummary,
  writeDosageSummary,
} from '../repository/dosage';
import type { DosageImportReport } from './types';

/** A dosage_imports row with its report parsed. */
export type DosageImportRow = Omit<DosageImportRecord, 'summary'> & { summary: DosageImportReport };

/** The dosage inputs imported for a plan, oldest first, each with its row accounting and report. */
export function listDosageImports(db: Database, planId: string): DosageImportRow[] {
  return readDosageImports(db, planId).map((r) => ({ ...r, summary: JSON.parse(r.summary) as DosageImportReport }));
}

/** Removes an import and everything it added (visits, device days, patrol records, rejections). */
export function removeDosageImport(db: Database, id: number): void {
  inTransaction(db, 'remove_dosage_import', () => deleteDosageImportRows(db, id));
}

/** An earlier import of the same bytes for this plan and kind. */
export function findDosageImport(db: Database, planId: string, kind: 'fixes' | 'records', contentHash: string): { id: number; importedAt: string; fileName: string } | null {
  return findDosageImportByHash(db, planId, kind, contentHash);
}

/** The report stored with an earlier import (empty when it has none). */
export function storedDosageReport(db: Database, id: number): Partial<DosageImportReport> {
  return JSON.parse(readDosageSummary(db, id) ?? '{}') as Partial<DosageImportReport>;
}

/** Inserts the import row and its kept rejections; the caller holds the transaction. Returns the id. */
export function insertDosageImport(db: Database, planId: string, contentHash: string, report: DosageImportReport): number {
  const id = insertDosageImportRow(db, {
    kind: report.kind, planId, fileName: report.fileName, contentHash, importedAt: new Date().toISOString(),
    rowsRead: report.rowsRead, accepted: report.accepted, duplicates: report.duplicates, rejected: report.rejected,
  });
  insertDosageRejections(db, id, report.rejections.map((r) => ({ line: r.line, column: r.column ?? null, reason: r.reason, raw: r.raw ?? null })));
  return id;
}

export function updateDosageSummary(db: Database, id: number, report: DosageImportReport): void {
  writeDosageSummary(db, id, JSON.stringify(report));
}

/** Runs `body` in a savepoint: everything it wrote is rolled back when it throws (cancel included). */
export function inTransaction<T>(db: Database, name: string, body: () => T): T {
  return inSavepoint(db, name, body);
}
