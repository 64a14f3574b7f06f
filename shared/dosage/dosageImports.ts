import type { Database } from 'sql.js';
import { queryAll } from '../project/projectDb';
import type { Rejection } from '../import/types';
import type { DosageImportReport } from './types';

export interface DosageImportRow {
  id: number;
  kind: string;
  fileName: string;
  importedAt: string;
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  summary: DosageImportReport;
}

/** The dosage inputs imported for a plan, oldest first, each with its row accounting and report. */
export function listDosageImports(db: Database, planId: string): DosageImportRow[] {
  return queryAll<{ id: number; kind: string; file_name: string; imported_at: string; rows_read: number; accepted: number; duplicates: number; rejected: number; summary: string }>(
    db,
    `SELECT id, kind, file_name, imported_at, rows_read, accepted, duplicates, rejected, summary
       FROM dosage_imports WHERE plan_id = ? ORDER BY id`,
    [planId],
  ).map((r) => ({
    id: r.id, kind: r.kind, fileName: r.file_name, importedAt: r.imported_at, rowsRead: r.rows_read,
    accepted: r.accepted, duplicates: r.duplicates, rejected: r.rejected, summary: JSON.parse(r.summary) as DosageImportReport,
  }));
}

/** Removes an import and everything it added (visits, device days, patrol records, rejections). */
export function removeDosageImport(db: Database, id: number): void {
  inTransaction(db, 'remove_dosage_import', () => {
    for (const t of ['device_visits', 'device_days', 'patrol_records', 'dosage_rejections']) db.run(`DELETE FROM ${t} WHERE import_id = ?`, [id]);
    db.run('DELETE FROM dosage_imports WHERE id = ?', [id]);
  });
}

/** An earlier import of the same bytes for this plan and kind. */
export function findDosageImport(db: Database, planId: string, kind: 'fixes' | 'records', contentHash: string): { id: number; importedAt: string; fileName: string } | null {
  const r = queryAll<{ id: number; imported_at: string; file_name: string }>(
    db, 'SELECT id, imported_at, file_name FROM dosage_imports WHERE plan_id = ? AND kind = ? AND content_hash = ?', [planId, kind, contentHash],
  )[0];
  return r ? { id: r.id, importedAt: r.imported_at, fileName: r.file_name } : null;
}

/** Inserts the import row and its kept rejections; the caller holds the transaction. Returns the id. */
export function insertDosageImport(db: Database, planId: string, contentHash: string, report: DosageImportReport): number {
  db.run(
    `INSERT INTO dosage_imports (kind, plan_id, file_name, content_hash, imported_at, rows_read, accepted, duplicates, rejected, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
    [report.kind, planId, report.fileName, contentHash, new Date().toISOString(), report.rowsRead, report.accepted, report.duplicates, report.rejected],
  );
  const id = Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
  insertRejections(db, id, report.rejections);
  return id;
}

export function updateDosageSummary(db: Database, id: number, report: DosageImportReport): void {
  db.run('UPDATE dosage_imports SET summary = ? WHERE id = ?', [JSON.stringify(report), id]);
}

function insertRejections(db: Database, id: number, rejections: Rejection[]): void {
  const stmt = db.prepare('INSERT INTO dosage_rejections (import_id, line, column_name, reason, raw) VALUES (?, ?, ?, ?, ?)');
  try {
    for (const r of rejections) stmt.run([id, r.line, r.column ?? null, r.reason, r.raw ?? null]);
  } finally {
    stmt.free();
  }
}

/** Runs `body` in a savepoint: everything it wrote is rolled back when it throws (cancel included). */
export function inTransaction<T>(db: Database, name: string, body: () => T): T {
  db.exec(`SAVEPOINT ${name}`);
  try {
    const r = body();
    db.exec(`RELEASE ${name}`);
    return r;
  } catch (e) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw e;
  }
}
