import { atomicWrite } from '../node/atomicWrite';
import { renderBriefingPdf } from '../shared/briefing/briefingPdf';
import type { PatrolPlan, Schedule } from '../shared/patrols/types';
import { diskTileSource } from './diskTiles';

/**
 * Writes the printed patrol briefing (every district, one section each) with the bundled
 * basemap from disk. Atomic, so a crash never leaves half a PDF where the last one was.
 */
export async function writePlanPdf(plan: PatrolPlan, schedule: Schedule, outPath: string): Promise<void> {
  const bytes = await renderBriefingPdf({ plan, schedule, tiles: diskTileSource(), generatedAt: plan.createdAt });
  await atomicWrite(outPath, bytes);
}
