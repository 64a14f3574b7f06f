import type { Rejection } from '../import/types';

/** Every row is accepted, a duplicate or rejected: rowsRead = accepted + duplicates + rejected. */
export interface DosageImportReport {
  /** The stored import (the earlier one when alreadyImported); null when nothing was stored. */
  importId: number | null;
  kind: 'fixes' | 'records';
  fileName: string;
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first rejections (at most MAX_STORED_REJECTIONS); `rejected` counts them all. */
  rejections: Rejection[];
  /** The same bytes were imported for this plan before: nothing was added. */
  alreadyImported: boolean;
  devices: number;
  visits: number;
  passThroughs: number;
  medianFixIntervalSeconds: number | null;
  firstFixUtc: number | null;
  lastFixUtc: number | null;
  /** How the file was read and every setting used, in sentences. */
  notes: string[];
}

export const MAX_STORED_REJECTIONS = 1000;
