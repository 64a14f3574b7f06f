import * as Comlink from 'comlink';
import { strToU8, zipSync } from 'fflate';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { urlTileSource } from '../../shared/basemap/tileSource';
import { renderBriefingPdf } from '../../shared/briefing/briefingPdf';
import { listDosageImports, removeDosageImport } from '../../shared/dosage/dosageImports';
import { detectFixMapping } from '../../shared/dosage/fixColumns';
import { importFixes } from '../../shared/dosage/importFixes';
import { importPatrolRecords } from '../../shared/dosage/importPatrolRecords';
import { evaluatePlan, evaluationCsv } from '../../shared/evaluation/evaluatePlan';
import { bngToLonLat, lonLatToBng } from '../../shared/geo/bng';
import { squareCellId, squareCellOf, squareRing } from '../../shared/hotspots/bngGrid';
import { hexCellId, hexCellOf, hexRing } from '../../shared/hotspots/hexGrid';
import { runHotspotAnalysis } from '../../shared/hotspots/runHotspotAnalysis';
import { previewSource } from '../../shared/import/index';
import { giLevelCode, giLevelPercent } from '../../shared/legend/classes';
import { hotAtOrAbove } from '../../shared/legend/methodText';
import { buildPlan, DEFAULT_CHOICE, DEFAULT_DOSAGE, suggestWindows, type PlanRequest } from '../../shared/patrols/buildPlan';
import { planGeoJson, planKml, planScheduleCsv } from '../../shared/patrols/planExports';
import { deletePlan, listPlans, loadPlan, savePlan } from '../../shared/patrols/planStore';
import { buildSchedule } from '../../shared/patrols/schedule';
import type { PatrolPlan, PatrolWindow, Schedule, ScheduledVisit } from '../../shared/patrols/types';
import { computeDosage, type DosageReport } from '../../shared/returns/dosage';
import { dosageCsv } from '../../shared/returns/dosageCsv';
import { buildQuarterlyReturn, returnCsvs, returnXlsx } from '../../shared/returns/quarterlyReturn';
import { projectSummary } from '../../shared/project/projectSummary';
import { db, markDirty } from './engineState';
import { fileSource } from './sources';

/**
 * The Patrols tab's engine calls: build, save and export a plan, import dosage inputs, the
 * dashboard, the quarterly return and the evaluation. All of the work is the shared code the
 * CLI runs too; this file only keeps the plan being edited and shapes results for the UI.
 */

export type { PlanRequest };
type FixOptions = NonNullable<Parameters<typeof importFixes>[3]>;
export type DosageProgress = Parameters<NonNullable<FixOptions['onProgress']>>[0];
export type DosageImportReport = Awaited<ReturnType<typeof importFixes>>;
export type FixMapping = NonNullable<FixOptions['mapping']>;
export type Evaluation = ReturnType<typeof evaluatePlan>;
export type EvaluationRequest = Parameters<typeof evaluatePlan>[1];
export type { DosageReport };

/** What the map shows for a plan: numbered outlines, and the Gi* cells one may pick from. */
export interface PlanMapData {
  hotspots: FeatureCollection<Polygon | MultiPolygon>;
  candidates: FeatureCollection<Polygon>;
  /** How the candidate cells were found (legend text). */
  candidateLegend: string;
}

export interface PlanView {
  plan: PatrolPlan;
  /** False until the plan is saved into the project (and after any change since). */
  saved: boolean;
  schedule: {
    /** The first days of the schedule, for the preview. */
    preview: ScheduledVisit[];
    previewDays: number;
    visits: number;
    shortfalls: string[];
    target: Schedule['target'];
  };
  map: PlanMapData;
  /** Windows with the most harm in the chosen cells, when the records carry times. */
  suggestion: { windows: PatrolWindow[]; reason: string } | null;
}

const PREVIEW_DAYS = 3;

/** The plan on screen, with the project it belongs to: opening another project drops it. */
let draft: { plan: PatrolPlan; schedule: Schedule; request: PlanRequest; saved: boolean; map: PlanMapData; db: unknown } | null = null;
let lastEvaluation: Evaluation | null = null;
let dosageAbort: AbortController | null = null;

/** Gi* hot cells of the plan's basis period at the plan's level: what hand-picking chooses from. */
function candidateCells(plan: PatrolPlan): { cells: FeatureCollection<Polygon>; legend: string } {
  const level = giLevelCode(plan.choice.minGiConfidence ?? 95) ?? 2;
  const r = runHotspotAnalysis(db(), {
    from: plan.basisFrom, to: plan.basisTo, schemeId: plan.schemeId, categorySetId: plan.categorySetId ?? undefined,
    cellSize: plan.cellSize, shape: plan.cellShape, fdr: true, kde: false,
  });
  const c = r.cells;
  const features: Feature<Polygon>[] = [];
  for (let k = 0; k < c.n; k++) {
    if (c.cls[k]! < level) continue;
    const ring = c.shape === 'square' ? squareRing(c.size, c.ci[k]!, c.cj[k]!) : hexRing(c.size, c.ci[k]!, c.cj[k]!);
    features.push({
      type: 'Feature',
      properties: { id: c.ids[k]!, harm: c.harm[k]!, z: c.z[k]! },
      geometry: { type: 'Polygon', coordinates: [ring.map(([e, n]) => bngToLonLat(e, n))] },
    });
  }
  return {
    cells: { type: 'FeatureCollection', features },
    legend: `${hotAtOrAbove(giLevelPercent(level)!)} (FDR-corrected), ${plan.basisFrom} to ${plan.basisTo}, ${plan.schemeLabel}`,
  };
}

function planFeatures(plan: PatrolPlan): FeatureCollection<Polygon | MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: plan.hotspots.map((h) => ({
      type: 'Feature',
      properties: { id: h.id, rank: h.rank, name: h.name, unitId: h.cellIds.length === 1 ? h.cellIds[0]! : h.id, lon: h.centre.lon, lat: h.centre.lat, hand: h.chosenBy === 'hand' },
      geometry: h.geometry,
    })),
  };
}

function viewOf(d: NonNullable<typeof draft>): PlanView {
  const days = [...new Set(d.schedule.visits.map((v) => v.date))].sort().slice(0, PREVIEW_DAYS);
  const last = days[days.length - 1];
  const cellIds = d.plan.hotspots.flatMap((h) => h.cellIds);
  let suggestion: PlanView['suggestion'] = null;
  try {
    suggestion = cellIds.length ? suggestWindows(db(), d.request, cellIds) : null;
  } catch {
    suggestion = null; // the suggestion is an offer, never a reason to fail the build
  }
  return {
    plan: d.plan,
    saved: d.saved,
    schedule: {
      preview: last ? d.schedule.visits.filter((v) => v.date <= last) : [],
      previewDays: days.length,
      visits: d.schedule.visits.length,
      shortfalls: d.schedule.shortfalls,
      target: d.schedule.target,
    },
    map: d.map,
    suggestion,
  };
}

function requestOf(plan: PatrolPlan): PlanRequest {
  return {
    id: plan.id, name: plan.name, from: plan.from, to: plan.to, basisFrom: plan.basisFrom, basisTo: plan.basisTo,
    schemeId: plan.schemeId, categorySetId: plan.categorySetId ?? undefined, cellSize: plan.cellSize,
    choice: plan.choice, dosage: plan.dosage, seed: plan.seed,
  };
}

function setDraft(plan: PatrolPlan, request: PlanRequest, saved: boolean): PlanView {
  const schedule = buildSchedule(plan);
  const c = candidateCells(plan);
  draft = { plan, schedule, request, saved, map: { hotspots: planFeatures(plan), candidates: c.cells, candidateLegend: c.legend }, db: db() };
  return viewOf(draft);
}

function requirePlan(planId: string): PatrolPlan {
  if (draft?.plan.id === planId && draft.saved) return draft.plan;
  const p = loadPlan(db(), planId);
  if (!p) throw new Error('This plan is not saved in the project: save the plan first, then import its dosage.');
  return p;
}

function requireDraft(): NonNullable<typeof draft> {
  if (!draft) throw new Error('Build or open a plan first.');
  return draft;
}

declare const __APP_VERSION__: string;

const text = (s: string) => new TextEncoder().encode(s);

export const patrolsApi = {
  /** Defaults for the builder (DOMAIN.md values), the months with data, and the saved plans. */
  patrolSetup() {
    const s = projectSummary(db());
    if (draft && draft.db !== db()) draft = null;
    return {
      choice: DEFAULT_CHOICE, dosage: DEFAULT_DOSAGE, firstMonth: s.firstMonth, lastMonth: s.lastMonth, plans: listPlans(db()),
      current: draft ? viewOf(draft) : null,
    };
  },

  listPatrolPlans() {
    return listPlans(db());
  },

  /** Chooses hotspots and schedules visits; the plan is kept (unsaved) until savePatrolPlan. */
  buildPatrolPlan(request: PlanRequest): PlanView {
    const plan = buildPlan(db(), request);
    return setDraft(plan, request, false);
  },

  /** The unit id (grid cell) under a map click, for hand-picking where no Gi* cell is drawn. */
  cellAt(lon: number, lat: number, size: number, shape: 'square' | 'hex'): string {
    const [e, n] = lonLatToBng(lon, lat);
    if (shape === 'square') {
      const [c, r] = squareCellOf(size, e, n);
      return squareCellId(size, c, r);
    }
    const [q, r] = hexCellOf(size, e, n);
    return hexCellId(size, q, r);
  },

  /** Stores the plan in the project (replacing one with its id); the project is then unsaved. */
  savePatrolPlan(): PlanView {
    const d = requireDraft();
    savePlan(db(), d.plan);
    markDirty();
    d.saved = true;
    return viewOf(d);
  },

  openPatrolPlan(id: string): PlanView {
    const plan = loadPlan(db(), id);
    if (!plan) throw new Error(`No plan with id ${id} in this project.`);
    return setDraft(plan, requestOf(plan), true);
  },

  deletePatrolPlan(id: string): void {
    deletePlan(db(), id);
    if (draft?.plan.id === id) draft.saved = false;
    markDirty();
  },

  /** A plan export as bytes; the PDF briefing is drawn over the bundled offline basemap. */
  async exportPlan(kind: 'csv' | 'geojson' | 'kml' | 'pdf', opts: { tilesBase?: string; district?: string | null } = {}): Promise<Uint8Array> {
    const d = requireDraft();
    if (kind === 'csv') return text(planScheduleCsv(d.plan, d.schedule));
    if (kind === 'geojson') return text(planGeoJson(d.plan));
    if (kind === 'kml') return text(planKml(d.plan));
    const bytes = await renderBriefingPdf({
      plan: d.plan, schedule: d.schedule, tiles: urlTileSource(opts.tilesBase ?? 'basemap/tiles'), district: opts.district ?? undefined,
    });
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  /** Header, first rows and the detected fix columns of a dosage file, before importing it. */
  async previewDosageFile(file: File) {
    const p = await previewSource(fileSource(file), 8, db());
    return { fileName: file.name, header: p.header, rows: p.rows, fixes: detectFixMapping(p.header) };
  },

  /**
   * Imports GPS fix files or patrol record files for a saved plan, one after another, each
   * in its own transaction; cancel stops the current file and keeps nothing from it.
   */
  async importDosageFiles(
    planId: string,
    kind: 'fixes' | 'records',
    files: File[],
    mapping: FixMapping | undefined,
    onProgress?: (fileIndex: number, p: DosageProgress) => void,
  ): Promise<{ reports: DosageImportReport[]; cancelled: string | null }> {
    const plan = requirePlan(planId);
    dosageAbort = new AbortController();
    const signal = dosageAbort.signal;
    const reports: DosageImportReport[] = [];
    let i = 0;
    try {
      for (; i < files.length; i++) {
        const source = fileSource(files[i]!);
        const progress = onProgress ? (p: DosageProgress) => void onProgress(i, p) : undefined;
        const r = kind === 'fixes'
          ? await importFixes(db(), plan, source, { mapping, signal, onProgress: progress })
          : await importPatrolRecords(db(), plan, source, { signal, onProgress: progress });
        reports.push(r);
        if (!r.alreadyImported && r.accepted > 0) markDirty();
      }
    } catch (e) {
      if (!signal.aborted) throw e;
      const rest = files.length - i - 1;
      return { reports, cancelled: `Import cancelled in ${files[i]!.name}: nothing from that file was kept${rest ? `; ${rest} later ${rest === 1 ? 'file was' : 'files were'} not started` : ''}.` };
    } finally {
      dosageAbort = null;
    }
    return { reports, cancelled: null };
  },

  cancelDosageImport(): void {
    dosageAbort?.abort();
  },

  dosageImports(planId: string) {
    return listDosageImports(db(), planId);
  },

  removeDosageImport(id: number): void {
    removeDosageImport(db(), id);
    markDirty();
  },

  /** Delivered vs target per hotspot, district and in total, for a period of local dates. */
  dosageDashboard(planId: string, from: string, to: string): DosageReport {
    return computeDosage(db(), requirePlan(planId), from, to);
  },

  dosageCsv(planId: string, from: string, to: string): Uint8Array {
    return text(dosageCsv(computeDosage(db(), requirePlan(planId), from, to)));
  },

  /** The quarterly return workbook (or any period), or its CSVs zipped together. */
  async quarterlyReturn(planId: string, from: string, to: string, kind: 'xlsx' | 'csv', periodLabel?: string): Promise<Uint8Array> {
    const ret = buildQuarterlyReturn(db(), requirePlan(planId), from, to, { softwareVersion: `Hotspot Planner ${__APP_VERSION__}`, periodLabel });
    if (kind === 'xlsx') {
      const bytes = await returnXlsx(ret);
      return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
    }
    const files: Record<string, Uint8Array> = {};
    for (const [name, csv] of Object.entries(returnCsvs(ret))) files[name.endsWith('.csv') ? name : `${name}.csv`] = strToU8(csv);
    return zipSync(files);
  },

  /** Before/after evaluation with WDQ, TNE and WDD; kept for the CSV export. */
  evaluatePatrolPlan(req: EvaluationRequest): Evaluation {
    lastEvaluation = evaluatePlan(db(), req);
    return lastEvaluation;
  },

  evaluationCsv(): Uint8Array {
    if (!lastEvaluation) throw new Error('Run the evaluation first.');
    return text(evaluationCsv(lastEvaluation));
  },
};
