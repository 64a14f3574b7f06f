import { describe, expect, it } from 'vitest';
import { diskTileSource } from '../../../cli/diskTiles';
import { renderBriefingPdf } from '../../../shared/briefing/briefingPdf';
import { savePlan } from '../../../shared/patrols/planStore';
import { isCancellation, type JobProgress } from '../../../shared/session/jobs';
import { currentPlan, exportPlan, openPatrolPlan } from '../../../shared/session/planUseCases';
import { testPlan } from '../briefing/testPlan';
import { wardsSession } from './sessionHelpers';

describe('Session: plan jobs', () => {
  it('the PDF briefing reports each map tile read, stops on cancel, and the next export is the full briefing', async () => {
    const s = await wardsSession();
    const plan = testPlan();
    savePlan(s.db, plan);
    await openPatrolPlan(s, plan.id);
    const ctl = new AbortController();
    const seen: JobProgress[] = [];
    const failed = await exportPlan(s, 'pdf', { tiles: diskTileSource(), district: null }, {
      signal: ctl.signal,
      onProgress: (p) => {
        seen.push(p);
        if ((p.done ?? 0) >= 2) ctl.abort();
      },
    }).then(() => null, (e: unknown) => e);
    expect(isCancellation(failed)).toBe(true);
    const beforeCancel = seen.filter((p) => p.done !== undefined).map((p) => p.done!);
    expect(beforeCancel).toEqual([1, 2]);

    const read: number[] = [];
    const bytes = await exportPlan(s, 'pdf', { tiles: diskTileSource(), district: null }, { onProgress: (p) => p.done && read.push(p.done) });
    expect(read.length).toBeGreaterThan(10);
    const { schedule } = currentPlan(s);
    const direct = await renderBriefingPdf({ plan, schedule, tiles: diskTileSource(), district: null });
    expect(Buffer.from(bytes).equals(Buffer.from(direct))).toBe(true);
    expect(new TextDecoder().decode(await exportPlan(s, 'csv'))).toContain(plan.hotspots[0]!.id);
  });
});
