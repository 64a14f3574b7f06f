import { queryAll } from '../project/projectDb';
import type { ProjectDb } from './db';

/**
 * Dosage inputs of patrol plans: the import rows (dosage_imports), what each added
 * (device_visits, device_days, patrol_records) and the rejected rows kept for the report.
 */

/** A dosage_imports row; summary is the import report as JSON text. */
export interface DosageImportRecord {
  id: number;
  kind: string;
  fileName: string;
  importedAt: string;
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  summary: string;
}

/** A plan's dosage imports, oldest first. */
export function readDosageImports(db: ProjectDb, planId: string): DosageImportRecord[] {
  return queryAll<DosageImportRecord>(
    db,
    `SELECT id, kind, file_name AS fileName, imported_at AS importedAt, rows_read AS rowsRead, accepted, duplicates,
            rejected, summary
       FROM dosage_imports WHERE plan_id = ? ORDER BY id`,
    [planId],
  );
}

/** An earlier import of the same bytes for this plan and kind. */
export function findDosageImportByHash(db: ProjectDb, planId: string, kind: string, contentHash: string): { id: number; importedAt: string; fileName: string } | null {
  return queryAll<{ id: number; importedAt: string; fileName: string }>(
    db,
    'SELECT id, imported_at AS importedAt, file_name AS fileName FROM dosage_imports WHERE plan_id = ? AND kind = ? AND content_hash = ?',
    [planId, kind, contentHash],
  )[0] ?? null;
}

/** One import's stored summary JSON, or null when there is no such import. */
export function readDosageSummary(db: ProjectDb, id: number): string | null {
  return (db.exec('SELECT summary FROM dosage_imports WHERE id = ?', [id])[0]?.values[0]?.[0] as string | undefined) ?? null;
}

export interface DosageImportInsert {
  kind: string;
  planId: string;
  fileName: string;
  contentHash: string;
  importedAt: string;
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** Inserts an import row (summary '{}' until updateDosageImport); returns its id. */
export function insertDosageImportRow(db: ProjectDb, r: DosageImportInsert): number {
  db.run(
    `INSERT INTO dosage_imports (kind, plan_id, file_name, content_hash, imported_at, rows_read, accepted, duplicates, rejected, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
    [r.kind, r.planId, r.fileName, r.contentHash, r.importedAt, r.rowsRead, r.accepted, r.duplicates, r.rejected],
  );
  return Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
}

export function writeDosageSummary(db: ProjectDb, id: number, summaryJson: string): void {
  db.run('UPDATE dosage_imports SET summary = ? WHERE id = ?', [summaryJson, id]);
}

export function writeDosageCounts(db: ProjectDb, id: number, accepted: number, duplicates: number): void {
  db.run('UPDATE dosage_imports SET accepted = ?, duplicates = ? WHERE id = ?', [accepted, duplicates, id]);
}

export interface DosageRejectionRow {
  line: number;
  column: string | null;
  reason: string;
  raw: string | null;
}

export function insertDosageRejections(db: ProjectDb, importId: number, rows: Iterable<DosageRejectionRow>): void {
  const stmt = db.prepare('INSERT INTO dosage_rejections (import_id, line, column_name, reason, raw) VALUES (?, ?, ?, ?, ?)');
  try {
    for (const r of rows) stmt.run([importId, r.line, r.column, r.reason, r.raw]);
  } finally {
    stmt.free();
  }
}

/** An import and everything it added. The caller holds the transaction. */
export function deleteDosageImportRows(db: ProjectDb, id: number): void {
  for (const t of ['device_visits', 'device_days', 'patrol_records', 'dosage_rejections']) db.run(`DELETE FROM ${t} WHERE import_id = ?`, [id]);
  db.run('DELETE FROM dosage_imports WHERE id = ?', [id]);
}

export interface DeviceVisitRow {
  device: string;
  hotspotId: string;
  startUtc: number;
  endUtc: number;
  fixes: number;
}

export interface DeviceDayRow {
  device: string;
  localDate: string;
  windowSeconds: number;
  hotspotSeconds: number;
}

export function insertDeviceVisits(db: ProjectDb, importId: number, rows: Iterable<DeviceVisitRow>): void {
  const v = db.prepare('INSERT INTO device_visits (import_id, device, hotspot_id, start_utc, end_utc, fixes) VALUES (?, ?, ?, ?, ?, ?)');
  try {
    for (const r of rows) v.run([importId, r.device, r.hotspotId, r.startUtc, r.endUtc, r.fixes]);
  } finally {
    v.free();
  }
}

export function insertDeviceDays(db: ProjectDb, importId: number, rows: Iterable<DeviceDayRow>): void {
  const d = db.prepare('INSERT INTO device_days (import_id, device, local_date, window_seconds, hotspot_seconds) VALUES (?, ?, ?, ?, ?)');
  try {
    for (const r of rows) d.run([importId, r.device, r.localDate, r.windowSeconds, r.hotspotSeconds]);
  } finally {
    d.free();
  }
}

export interface PatrolRecordInsert {
  key: string;
  hotspotId: string;
  startUtc: number;
  endUtc: number;
  officers: number;
  /** Outcome name -> count, stored as JSON. */
  outcomes: Record<string, number>;
}

/**
 * Inserts patrol records, skipping any whose dedupe key the plan already holds (the first is
 * kept). Returns, per record in order, whether it was added.
 */
export function insertPatrolRecords(db: ProjectDb, importId: number, rows: readonly PatrolRecordInsert[]): boolean[] {
  const added: boolean[] = [];
  const stmt = db.prepare(
    `INSERT OR IGNORE INTO patrol_records (import_id, dedupe_key, hotspot_id, start_utc, end_utc, officers, outcomes) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    for (const r of rows) {
      stmt.run([importId, r.key, r.hotspotId, r.startUtc, r.endUtc, r.officers, JSON.stringify(r.outcomes)]);
      added.push(db.getRowsModified() === 1);
    }
  } finally {
    stmt.free();
  }
  return added;
}

/** A device visit of a plan's imports. */
export interface PlanVisit {
  device: string;
  hotspotId: string;
  startUtc: number;
  endUtc: number;
}

/** A manual patrol record of a plan's imports; outcomes as stored JSON. */
export interface PlanPatrolRecord {
  hotspotId: string;
  startUtc: number;
  endUtc: number;
  officers: number;
  outcomes: string;
}

/** A plan's device visits that end at or after startUtc and start before endUtc. */
export function readPlanVisits(db: ProjectDb, planId: string, startUtc: number, endUtc: number): PlanVisit[] {
  return queryAll<PlanVisit>(
    db,
    `SELECT v.device, v.hotspot_id AS hotspotId, v.start_utc AS startUtc, v.end_utc AS endUtc
       FROM device_visits v JOIN dosage_imports i ON i.id = v.import_id
      WHERE i.plan_id = ? AND v.end_utc >= ? AND v.start_utc < ?`,
    [planId, startUtc, endUtc],
  );
}

/** A plan's patrol records that end at or after startUtc and start before endUtc. */
export function readPlanPatrolRecords(db: ProjectDb, planId: string, startUtc: number, endUtc: number): PlanPatrolRecord[] {
  return queryAll<PlanPatrolRecord>(
    db,
    `SELECT r.hotspot_id AS hotspotId, r.start_utc AS startUtc, r.end_utc AS endUtc, r.officers, r.outcomes
       FROM patrol_records r JOIN dosage_imports i ON i.id = r.import_id
      WHERE i.plan_id = ? AND r.end_utc >= ? AND r.start_utc < ?`,
    [planId, startUtc, endUtc],
  );
}

/** Start instants (UTC ms) of every device visit and every patrol record of a plan, per hotspot. */
export function readPlanPatrolStarts(db: ProjectDb, planId: string): { gps: { hotspotId: string; startUtc: number }[]; records: { hotspotId: string; startUtc: number }[] } {
  const gps = queryAll<{ hotspotId: string; startUtc: number }>(
    db,
    `SELECT v.hotspot_id AS hotspotId, v.start_utc AS startUtc FROM device_visits v JOIN dosage_imports i ON i.id = v.import_id WHERE i.plan_id = ?`,
    [planId],
  );
  const records = queryAll<{ hotspotId: string; startUtc: number }>(
    db,
    `SELECT r.hotspot_id AS hotspotId, r.start_utc AS startUtc FROM patrol_records r JOIN dosage_imports i ON i.id = r.import_id WHERE i.plan_id = ?`,
    [planId],
  );
  return { gps, records };
}

/** Device-day seconds of a plan over local dates [from, to]: inside patrol windows, and of those inside hotspots. */
export function readPlanDeviceSeconds(db: ProjectDb, planId: string, from: string, to: string): { windowSeconds: number; hotspotSeconds: number } {
  const r = queryAll<{ w: number | null; h: number | null }>(
    db,
    `SELECT SUM(d.window_seconds) AS w, SUM(d.hotspot_seconds) AS h FROM device_days d JOIN dosage_imports i ON i.id = d.import_id
      WHERE i.plan_id = ? AND d.local_date >= ? AND d.local_date <= ?`,
    [planId, from, to],
  )[0];
  return { windowSeconds: r?.w ?? 0, hotspotSeconds: r?.h ?? 0 };
}
