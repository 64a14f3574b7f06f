import type { Rejection } from '../import/types';
import { MAX_STORED_REJECTIONS } from './types';

/** Counts every rejected row and keeps the first MAX_STORED_REJECTIONS with line, column and reason. */
export class RejectionLog {
  readonly kept: Rejection[] = [];
  total = 0;

  add(line: number, column: string | undefined, reason: string, row?: string[] | string): void {
    this.total++;
    if (this.kept.length >= MAX_STORED_REJECTIONS) return;
    const r: Rejection = { line, reason };
    if (column !== undefined) r.column = column;
    if (row !== undefined) r.raw = (typeof row === 'string' ? row : row.join(',')).slice(0, 300);
    this.kept.push(r);
  }

  note(): string | null {
    return this.total > this.kept.length
      ? `${this.total} rows were rejected; the first ${this.kept.length} are listed with line and reason.`
      : null;
  }
}
