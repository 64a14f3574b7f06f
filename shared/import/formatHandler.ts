import { ownString } from './ownString';
import type { ProjectDb as Database, SqlValue } from '../repository/db';
import type { Placement, Placer } from './placement';
import type { WardIndex } from './wardIndex';
import type { FastRows } from './policeUkFastRows';
import type { RowSplitter } from './rowSplitter';
import type { RecordSink } from '../repository/records/recordSink';
import type { CsvHead } from './csvStream';
import type { PlaceMemo } from './placeMemo';
import type { ImportFormat } from './types';

/** Why one row was not imported; the runner adds the line number. */
export interface RowRejection {
  reject: true;
  column?: string;
  reason: string;
}

export function reject(reason: string, column?: string): RowRejection {
  return { reject: true, reason, column };
}

export function isRejection(r: unknown): r is RowRejection {
  return (r as RowRejection | null)?.reject === true;
}

/** What a format handler gets to build its rows. */
export interface HandlerContext {
  db: Database;
  fileName: string;
  header: string[];
  importId: number;
  wards: WardIndex;
  placer: Placer;
  mapping?: unknown;
}

/**
 * One import format: turns a CSV row into its values (in the readable column order of the
 * `crimes` / `stop_searches` views, or of ward_counts), or a rejection. Handlers never touch the
 * database per row; the runner hands the values to the table's store (shared/import/sinks.ts).
 */
export interface FormatHandler {
  format: ImportFormat;
  table: 'crimes' | 'stop_searches' | 'ward_counts';
  /** The row's values, or why the row cannot be imported. */
  row(fields: string[], line: number): SqlValue[] | RowRejection;
  /** Placement of the row last returned as values (null for formats without locations). */
  placement: Placement | null;
  /**
   * The row's place as one text (coordinates, location, LSOA as written) when its placement
   * depends on nothing else, so the store can find the stored place with one lookup; else null.
   */
  placeText?: string | null;
  /** Non-fatal findings worth the analyst's attention, e.g. unknown crime types. */
  warnings(): string[];
  /** The mapping to save in the project (extracts), as JSON. */
  mappingJson?: string;
  /**
   * A reader of the file's bytes that replays this handler for rows like ones it has already
   * done (police.uk, when its columns allow); null when this file's header does not fit it.
   * `splitter` splits pieces ahead of their turn, on another thread where it has one.
   */
  fastRows?(sink: RecordSink, head: CsvHead, placeMemo: PlaceMemo, splitter?: RowSplitter): FastRows | null;
}

/** Counts occurrences of a value with its first line, for warnings that name where to look. */
export class Tally {
  private readonly m = new Map<string, { n: number; first: number }>();
  add(value: string, line: number): void {
    const t = this.m.get(value);
    if (t) t.n++;
    else this.m.set(ownString(value), { n: 1, first: line });
  }
  entries(): [string, { n: number; first: number }][] {
    return [...this.m.entries()];
  }
  get size(): number {
    return this.m.size;
  }
}
