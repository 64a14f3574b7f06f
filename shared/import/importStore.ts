import type { Database, Statement } from 'sql.js';
import type { ImportFormat, Rejection } from './types';

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
