import type { StoredKeys } from '../repository/records/keyIndex';
import type { PlaceMemo } from './placeMemo';
import type { RowSplitter } from './rowSplitter';

/**
 * The import contract shared by the CLI, the renderer's worker and the tests.
 * A source is streamed in chunks so a multi-gigabyte file never sits in memory whole.
 */
export interface ImportSource {
  /** File name as the user knows it; used in every error message. */
  name: string;
  /** Size in bytes when known (progress). */
  size?: number;
  /** The raw bytes, in order. Encoding is detected from them (UTF-8 with/without BOM, Windows-1252). */
  chunks(): AsyncIterable<Uint8Array>;
}

export type ImportFormat = 'police-uk' | 'stop-search' | 'extract' | 'ward-counts';

export interface ImportProgress {
  bytesRead: number;
  totalBytes?: number;
  rowsRead: number;
  rowsPerSecond: number;
}

export interface Rejection {
  /** 1-based physical line number in the file (the header is line 1). */
  line: number;
  /** Column name the problem is in, when there is one. */
  column?: string;
  reason: string;
  raw?: string;
}

/** rowsRead = imported + duplicates + rejected, always. outOfArea rows are imported (and flagged). */
export interface ImportReport {
  importId: number | null;
  fileName: string;
  format: ImportFormat;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  outOfArea: number;
  /** How imported rows were placed in a ward: point, lsoa11, lsoa21, ward-field, none. */
  placedBy: Record<string, number>;
  rejections: Rejection[];
  warnings: string[];
  /** Choices the import made that need no action but should be visible (detected format, saved mapping used). */
  notes?: string[];
  cancelled: boolean;
  /** How the file was read (detected unless forced): 'utf-8', 'windows-1252' or 'utf-16le'. */
  encoding?: string;
  /** The delimiter detected from the header line. */
  delimiter?: string;
}

export interface ImportOptions {
  /** 'auto' detects from the header; the UI shows the detection for the user to confirm. */
  format?: ImportFormat | 'auto';
  /** Column mapping for force extracts (see extract mapping types). */
  mapping?: unknown;
  onProgress?: (p: ImportProgress) => void;
  /**
   * Checked between chunks; when it returns true the import rolls back and reports cancelled.
   * May return a promise (a Comlink proxy across the worker boundary does).
   */
  isCancelled?: () => boolean | Promise<boolean>;
  /** Aborting it stops the import between chunks, as isCancelled does (the session passes its job's signal). */
  signal?: AbortSignal;
  /** The project's stored dedupe keys, shared by the files of a batch so each does not load them again. */
  storedKeys?: StoredKeys;
  /**
   * The ward layer and the police.uk places already resolved in it, shared by the files of a
   * batch so a month's file does not load the layer, or project and place the snap points of the
   * month before, again. Only while the ward layer and the project are the ones it was filled
   * against.
   */
  placeMemo?: PlaceMemo;
  /**
   * false reads every police.uk row through the full handler instead of replaying it for rows
   * like ones already read (shared/import/policeUkFastRows.ts); tests compare the two.
   */
  fastRows?: boolean;
  /** Splits police.uk pieces ahead of their turn, on another thread (see rowSplitter.ts); without one the import splits each piece itself. */
  splitter?: RowSplitter;
  /** Extracts: save the mapping in the project under the header signature (default true). */
  saveMapping?: boolean;
}
