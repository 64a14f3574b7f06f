import * as Comlink from 'comlink';
import type { CellSortKey } from '../../shared/export/hotspotCellsXlsx';
import type { KdeRaster } from '../../shared/export/kdeRaster';
import type { HotspotParams } from '../../shared/hotspots/runHotspotAnalysis';
import {
  categorySets, cellDetails, districts, exportHotspots, harmSchemes, hotspotsInWard, kdeSurface, lastHotspotView, paiFor, runHotspots,
  type CellDetails, type HotCellRow, type HotspotView, type PaiResult, type PaiSet,
} from '../../shared/session/analysisUseCases';
import type { ExportedFile } from '../../shared/session/exportedFile';
import { session } from './engineState';
import { asJob, type ProgressCallback } from './jobs';

export type { CellDetails, HotspotView, PaiResult, PaiSet };

export const analysisApi = {
  harmSchemes: () => harmSchemes(session),
  categorySets: () => categorySets(session),
  /** The project's policing districts, for the study-area choice. */
  districts: (): string[] => districts(session),

  /** Gi*, FDR and KDE over the study area; a new run replaces one still running. Returns what the map and panel need. */
  runHotspots(params: HotspotParams, jobId?: string, onProgress?: ProgressCallback): Promise<HotspotView> {
    return asJob(jobId, onProgress, async (job) => {
      await runHotspots(session, params, job);
      return lastHotspotView(session);
    });
  },

  /** The last analysis's figures for these cells (null outside its study area), with street names. */
  cellDetails: (ids: string[]): (CellDetails | null)[] => cellDetails(session, ids),

  /** PAI and capture for a hotspot set of the last analysis. */
  paiFor: (set: PaiSet): PaiResult => paiFor(session, set),

  /** The last analysis's KDE as an image for the map (square cells only); transferred, not copied. */
  kdeRaster(): KdeRaster | null {
    const r = kdeSurface(session);
    return r ? Comlink.transfer(r, [r.rgba.buffer as ArrayBuffer]) : null;
  },

  /** The last analysis as a named file (CSV, GeoJSON or XLSX with a Method sheet); XLSX rows in the given order. */
  exportHotspotsFile(kind: 'csv' | 'geojson' | 'xlsx', opts: { sort?: { key: CellSortKey; desc: boolean }; wardNames?: Record<string, string> } = {}): Promise<ExportedFile> {
    return exportHotspots(session, kind, opts);
  },

  /** The top cells of the last hotspot run in one ward, or null when no analysis has run since the project opened. */
  hotspotsInWard: (code: string, n = 5): { label: string; cells: HotCellRow[] } | null => hotspotsInWard(session, code, n),
};
