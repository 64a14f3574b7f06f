import type { Database, Statement } from 'sql.js';
import type { ImportFormat, Rejection } from '../../import/types';
import { queryAll } from '../project/projectDb';

/** Rows kept in the report itself; all rejections are stored in import_rejections regardless. */
export const REPORT_REJECTIONS_LIMIT = 1000;
const RAW_LIMIT = 1000;

export function insertImportRow(db: Database, fileName: string, format: ImportFormat, mapping: string | null): number {
  db.run(
    `INSERT INTO imports(file_name, format, imported_at, rows_read, imported, duplicates, rejected, out_of_area, mapping)
     VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?)`,
    [fileName, format, new Date().toISOString(), mapping],
  );
  return Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
}

export function finishImportRow(
  db: Database,
  id: number,
  c: { rowsRead: number; imported: number; duplicates: number; rejected: number; outOfArea: number },
): void {
  db.run('UPDATE imports SET rows_read = ?, imported = ?, duplicates = ?, rejected = ?, out_of_area = ? WHERE id = ?', [
    c.rowsRead, c.imported, c.duplicates, c.rejected, c.outOfArea, id,
  ]);
}

/** Collects rejections into the table and (up to a limit) into the report. */
export class RejectionLog {
  readonly list: Rejection[] = [];
  count = 0;
  private readonly stmt: Statement;

  constructor(db: Database, private readonly importId: number) {
    this.stmt = db.prepare('INSERT INTO import_rejections(import_id, line, column_name, reason, raw) VALUES (?, ?, ?, ?, ?)');
  }

  add(r: Rejection): void {
    this.count++;
    const raw = r.raw && r.raw.length > RAW_LIMIT ? r.raw.slice(0, RAW_LIMIT) + '…' : r.raw;
    this.stmt.run([this.importId, r.line, r.column ?? null, r.reason, raw ?? null]);
    if (this.list.length < REPORT_REJECTIONS_LIMIT) this.list.push({ ...r, raw });
  }

  free(): void {
    this.stmt.free();
  }
}

/** One row of the imports table, as the history lists it. */
export interface ImportRow {
  id: number;
  fileName: string;
  format: ImportFormat;
  importedAt: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  outOfArea: number;
}

/** Every import, newest first. */
export function readImportRows(db: Database): ImportRow[] {
  return queryAll<ImportRow>(
    db,
    `SELECT id, file_name AS fileName, format, imported_at AS importedAt, rows_read AS rowsRead, imported,
            duplicates, rejected, out_of_area AS outOfArea
     FROM imports ORDER BY id DESC`,
  );
}

export function importExists(db: Database, importId: number): boolean {
  return queryAll(db, 'SELECT id FROM imports WHERE id = ?', [importId]).length > 0;
}

/** All rejections of one import, in file order. */
export function readRejectionRows(db: Database, importId: number): Rejection[] {
  const rows = queryAll<{ line: number; column_name: string | null; reason: string; raw: string | null }>(
    db,
    'SELECT line, column_name, reason, raw FROM import_rejections WHERE import_id = ? ORDER BY line, rowid',
    [importId],
  );
  return rows.map((r) => {
    const out: Rejection = { line: r.line, reason: r.reason };
    if (r.column_name !== null) out.column = r.column_name;
    if (r.raw !== null) out.raw = r.raw;
    return out;
  });
}

/** Saves a column mapping under a header signature (extracts of the same shape map the same way). */
export function writeMappingRow(db: Database, signature: string, mappingJson: string): void {
  db.run(
    `INSERT INTO import_mappings(signature, mapping, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    [signature, mappingJson, new Date().toISOString()],
  );
}

/** The mapping saved under a header signature, as JSON, if any. */
export function readMappingRow(db: Database, signature: string): string | null {
  const v = db.exec('SELECT mapping FROM import_mappings WHERE signature = ?', [signature])[0]?.values[0]?.[0];
  return typeof v === 'string' ? v : null;
}

/** Deletes one import's ward-count rows; how many went. */
export function deleteImportWardCounts(db: Database, importId: number): number {
  db.run('DELETE FROM ward_counts WHERE import_id = ?', [importId]);
  return db.getRowsModified();
}
