/// <reference lib="webworker" />
// The smallest worker that renders a briefing the way the app's engine worker will: the same
// shared module, tiles fetched from 'basemap/tiles' beside the PAGE. A built worker lives under
// assets/, so the page resolves the tiles' URL and passes it in (self.location would point
// at assets/basemap/tiles). Bundled by vite for the browser in browserWorker.test.ts.
import { urlTileSource } from '../../../shared/basemap/tileSource';
import { renderBriefingPdf } from '../../../shared/briefing/briefingPdf';
import type { PatrolPlan, Schedule } from '../../../shared/patrols/types';

self.onmessage = async (e: MessageEvent<{ plan: PatrolPlan; schedule: Schedule; generatedAt: string; tilesBase: string }>) => {
  try {
    const { tilesBase, ...input } = e.data;
    const started = performance.now();
    const bytes = await renderBriefingPdf({ ...input, tiles: urlTileSource(tilesBase) });
    self.postMessage({ bytes, ms: Math.round(performance.now() - started) }, { transfer: [bytes.buffer] });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
  }
};
