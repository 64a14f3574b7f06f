/// <reference lib="webworker" />
// The smallest worker that renders a briefing the way the app's engine worker will: the same
// shared module, tiles fetched from 'basemap/tiles' beside the page. Bundled by vite for the
// browser in browserWorker.test.ts.
import { urlTileSource } from '../../../shared/basemap/tileSource';
import { renderBriefingPdf } from '../../../shared/briefing/briefingPdf';
import type { PatrolPlan, Schedule } from '../../../shared/patrols/types';

self.onmessage = async (e: MessageEvent<{ plan: PatrolPlan; schedule: Schedule; generatedAt: string }>) => {
  try {
    const bytes = await renderBriefingPdf({ ...e.data, tiles: urlTileSource('basemap/tiles') });
    self.postMessage({ bytes }, { transfer: [bytes.buffer] });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
  }
};
