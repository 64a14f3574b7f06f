import type { Database } from 'sql.js';
import type { ImportSource } from '../import/types';
import type { PatrolPlan } from '../patrols/types';

/**
 * PLACEHOLDER on branch `returns` only, so the dosage command compiles: the real GPS fix
 * import is written on branch `dosage` at this path, and the lead takes that file instead of
 * this one. It imports nothing.
 */
export async function importFixes(_db: Database, _plan: PatrolPlan, _source: ImportSource, _opts: Record<string, unknown> = {}): Promise<{
  importId: number | null; kind: 'fixes' | 'records'; fileName: string; rowsRead: number; accepted: number; duplicates: number;
  rejected: number; rejections: { line: number; column?: string; reason: string }[]; alreadyImported: boolean;
  medianFixIntervalSeconds: number | null; notes: string[];
}> {
  throw new Error('GPS fix import is not in this build (branch returns).');
}
