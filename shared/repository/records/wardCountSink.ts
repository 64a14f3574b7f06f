import type { Database, SqlValue, Statement } from 'sql.js';
import type { RecordSink } from './recordSink';

/**
 * Ward-level counts, in the order the handler builds them: import_id, dedupe_key, ward_code,
 * period_from, period_to, crime_type, count. Few rows and a UNIQUE text key, so they keep the
 * v1 table and INSERT OR IGNORE finds duplicates.
 */
export class WardCountSink implements RecordSink {
  private readonly stmt: Statement;

  constructor(private readonly db: Database) {
    this.stmt = db.prepare(
      `INSERT OR IGNORE INTO ward_counts(import_id, dedupe_key, ward_code, period_from, period_to, crime_type, count)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  add(values: readonly SqlValue[]): boolean {
    this.stmt.run(values as SqlValue[]);
    return this.db.getRowsModified() > 0;
  }

  finish(): void {}

  free(): void {
    this.stmt.free();
  }
}
