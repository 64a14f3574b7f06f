import { hotspotCellsCsv, hotspotCellsGeoJson } from '../export/hotspotCells';
import { hotspotCellsFileName, hotspotCellsXlsx, type CellSortKey } from '../export/hotspotCellsXlsx';
import { kdeRaster, type KdeRaster } from '../export/kdeRaster';
import { listCategorySets } from '../harm/categorySets';
import { listHarmSchemes } from '../harm/harmSchemes';
import { paiForSet, paiLine, type PaiResult, type PaiSet } from '../hotspots/paiForSet';
import { runHotspotAnalysisAsync, type HotspotParams, type HotspotResult } from '../hotspots/runHotspotAnalysis';
import { listDistricts } from '../hotspots/studyAreaChoice';
import { cellDetails as detailsOf, hotspotsInWard as inWard, hotspotView, type CellDetails, type HotCellRow, type HotspotView } from './hotspotView';
import { MIME, utf8, type ExportedFile } from './exportedFile';
import { checkpoint, JobCancelled, phase, type JobOptions } from './jobs';
import type { LastHotspots, Session } from './session';

export type { CellDetails, HotCellRow, HotspotView, PaiResult, PaiSet };

export function harmSchemes(s: Session) {
  return listHarmSchemes(s.db);
}

export function categorySets(s: Session) {
  return listCategorySets(s.db);
}

/** The project's policing districts, for the study-area choice. */
export function districts(s: Session): string[] {
  return listDistricts(s.db);
}

function lastRun(s: Session): LastHotspots {
  if (!s.last.hotspots) throw new Error('Run the hotspot analysis first.');
  return s.last.hotspots;
}

/**
 * Gi*, FDR and KDE over the study area; the result is kept for the popup, PAI, KDE and the
 * exports. A new run replaces one still running (its caller gets a cancellation).
 */
export async function runHotspots(s: Session, params: HotspotParams, job: JobOptions = {}): Promise<HotspotResult> {
  const run = s.runs.start('hotspots', job.signal);
  const db = s.db;
  const generation = s.generation;
  try {
    phase(job, 'Computing Gi* on the grid');
    await checkpoint({ signal: run.signal }, 'Hotspot analysis');
    const result = await runHotspotAnalysisAsync(db, params, {
      signal: run.signal,
      onProgress: (_stage, done) => job.onProgress?.({ phase: 'Permutations', fraction: done }),
    });
    if (run.signal.aborted) throw new JobCancelled('Hotspot analysis');
    if (generation === s.generation) s.last.hotspots = { result, params, index: null };
    return result;
  } catch (e) {
    if (run.signal.aborted) throw new JobCancelled('Hotspot analysis');
    throw e;
  } finally {
    run.done();
  }
}

/** The last run as the map and panel draw it. */
export function lastHotspotView(s: Session): HotspotView {
  return hotspotView(s.db, lastRun(s));
}

export function cellDetails(s: Session, ids: string[]): (CellDetails | null)[] {
  return detailsOf(s.db, lastRun(s), ids);
}

/** The top cells of the last run in one ward, or null when no analysis has run since the project opened. */
export function hotspotsInWard(s: Session, code: string, n = 5): { label: string; cells: HotCellRow[] } | null {
  return s.last.hotspots ? inWard(s.db, s.last.hotspots, code, n) : null;
}

/** PAI and capture of a hotspot set of the last run: Gi* hot cells at a level, or the top N cells by harm. */
export function paiFor(s: Session, set: PaiSet): PaiResult {
  return paiForSet(lastRun(s).result.cells, set);
}

/** The PAI of a set, also stated in the last run's method lines (and so in its exports). */
export function statePai(s: Session, set: PaiSet): PaiResult {
  const r = paiFor(s, set);
  lastRun(s).result.methodLines.push(`pai: ${paiLine(r)}`);
  return r;
}

/** The last run's KDE as an image for the map (square cells only). */
export function kdeSurface(s: Session): KdeRaster | null {
  return s.last.hotspots ? kdeRaster(s.last.hotspots.result.cells) : null;
}

/** The last run as a named file: CSV and GeoJSON have every study-area cell; XLSX rows in the given order, with a Method sheet. */
export async function exportHotspots(
  s: Session,
  kind: 'csv' | 'geojson' | 'xlsx',
  opts: { sort?: { key: CellSortKey; desc: boolean }; wardNames?: Record<string, string> } = {},
): Promise<ExportedFile> {
  const r = lastRun(s).result;
  const name = hotspotCellsFileName(r, kind);
  if (kind === 'xlsx') return { name, bytes: await hotspotCellsXlsx(r, opts), mime: MIME.xlsx };
  return kind === 'csv' ? { name, bytes: utf8(hotspotCellsCsv(r)), mime: MIME.csv } : { name, bytes: utf8(hotspotCellsGeoJson(r)), mime: MIME.geojson };
}
