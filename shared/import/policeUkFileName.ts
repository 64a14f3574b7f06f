import type { ImportFormat } from './types';

/** What a police.uk download's file name says about the file. */
export interface PoliceUkFileName {
  month: string;
  force: string;
  kind: 'street' | 'stop-and-search' | 'outcomes';
}

const NAME = /^(\d{4}-(?:0[1-9]|1[0-2]))-([a-z0-9-]+?)-(street|stop-and-search|outcomes)\.csv$/i;

/** Reads `YYYY-MM-<force>-street.csv` (or `-stop-and-search`, `-outcomes`) from a path's last part; null for any other name. */
export function parsePoliceUkFileName(path: string): PoliceUkFileName | null {
  const base = path.split(/[\\/]/).pop() ?? path;
  const m = NAME.exec(base);
  if (!m) return null;
  return { month: m[1]!, force: m[2]!.toLowerCase(), kind: m[3]!.toLowerCase() as PoliceUkFileName['kind'] };
}

/** The import format a police.uk file name implies; null for outcomes files, which are not imported. */
export function formatForPoliceUkName(n: PoliceUkFileName): ImportFormat | null {
  return n.kind === 'street' ? 'police-uk' : n.kind === 'stop-and-search' ? 'stop-search' : null;
}

/** Why an outcomes file is left out; shown in the batch report. */
export const OUTCOMES_SKIPPED = 'outcomes file: not imported (not needed for hotspot analysis)';

/** Extensions a file of a batch (several files, a folder, a zip member) must have to be imported; a single .txt goes through the one-file dialog. */
export function isCsvName(path: string): boolean {
  return /\.(csv|tsv)$/i.test(path);
}

export function isZipName(path: string): boolean {
  return /\.zip$/i.test(path);
}
