import type { Database, SqlValue, Statement } from 'sql.js';
import type { RecordSink } from './recordSink';

/** Rows written by the handler's own INSERT OR IGNORE (ward counts: a UNIQUE text key, few rows). */
export class SqlSink implements RecordSink {
  private readonly stmt: Statement;

  constructor(private readonly db: Database, insertSql: string) {
    this.stmt = db.prepare(insertSql);
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
