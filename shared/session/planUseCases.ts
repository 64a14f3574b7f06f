import type { TileSource } from '../basemap/tileSource';
import { renderBriefingPdf } from '../briefing/briefingPdf';
import { lonLatToBng } from '../geo/bng';
import { squareCellId, squareCellOf } from '../hotspots/bngGrid';
import { hexCellId, hexCellOf } from '../hotspots/hexGrid';
import { buildPlan as choosePlan, DEFAULT_CHOICE, DEFAULT_DOSAGE, suggestWindows, type PlanRequest } from '../patrols/buildPlan';
import { planGeoJson, planKml, planScheduleCsv } from '../patrols/planExports';
import { deletePlan as deleteStoredPlan, listPlans, loadPlan, planCovering, savePlan as storePlan } from '../patrols/planStore';
import { buildSchedule } from '../patrols/schedule';
import type { PatrolPlan } from '../patrols/types';
import { projectSummary } from '../project/projectSummary';
import { utf8 } from './exportedFile';
import { checkpoint, JobCancelled, phase, type JobOptions } from './jobs';
import { planMap, planViewOf, type PlanView } from './planView';
import type { PlanDraft, Session } from './session';

export type { PlanRequest, PlanView };
export type PlanExportKind = 'csv' | 'geojson' | 'kml' | 'pdf';

/** Defaults for the builder (DOMAIN.md values), the months with data, the saved plans and the plan on screen. */
export async function patrolSetup(s: Session) {
  const sum = projectSummary(s.db);
  return {
    choice: DEFAULT_CHOICE, dosage: DEFAULT_DOSAGE, firstMonth: sum.firstMonth, lastMonth: sum.lastMonth, plans: listPlans(s.db),
    current: s.last.plan ? await planView(s) : null,
  };
}

export function listPatrolPlans(s: Session) {
  return listPlans(s.db);
}

async function setDraft(s: Session, plan: PatrolPlan, request: PlanRequest, saved: boolean, job: JobOptions): Promise<PlanDraft> {
  const generation = s.generation;
  phase(job, 'Scheduling visits');
  await checkpoint(job, 'Building the plan');
  const draft: PlanDraft = { plan, schedule: buildSchedule(plan), request, saved };
  await checkpoint(job, 'Building the plan');
  if (generation !== s.generation) throw new Error('Another project was opened while the plan was being built.');
  s.last.plan = draft;
  return draft;
}

/** Chooses hotspots and schedules visits; the plan is kept (unsaved) until savePatrolPlan. */
export async function buildPatrolPlan(s: Session, request: PlanRequest, job: JobOptions = {}): Promise<PatrolPlan> {
  phase(job, 'Choosing hotspots');
  await checkpoint(job, 'Building the plan');
  const plan = choosePlan(s.db, request);
  return (await setDraft(s, plan, request, false, job)).plan;
}

/**
 * Builds the plan, then rebuilds it with the patrol windows that hold most harm in its hotspots
 * when the records carry times (the CLI's --suggest-windows); null suggestion when none do.
 */
export async function buildPlanWithSuggestedWindows(s: Session, request: PlanRequest, job: JobOptions = {}): Promise<{ plan: PatrolPlan; suggestion: { reason: string } | null }> {
  phase(job, 'Choosing hotspots');
  await checkpoint(job, 'Building the plan');
  let plan = choosePlan(s.db, request);
  const suggestion = suggestWindows(s.db, request, plan.hotspots.flatMap((h) => h.cellIds));
  if (suggestion) {
    plan = choosePlan(s.db, { ...request, id: plan.id, dosage: { ...request.dosage, windows: suggestion.windows } });
    plan.method.push(`windows chosen by: ${suggestion.reason}`);
  }
  return { plan: (await setDraft(s, plan, request, false, job)).plan, suggestion: suggestion ? { reason: suggestion.reason } : null };
}

/** The plan on screen with its schedule preview and map layers (the map's Gi* cells are worked out once). */
export async function planView(s: Session, job: JobOptions = {}): Promise<PlanView> {
  const d = requireDraft(s);
  phase(job, 'Finding the Gi* cells to pick from');
  try {
    const map = await planMap(s.db, d, job);
    return planViewOf(s.db, d, map);
  } catch (e) {
    if (job.signal?.aborted) throw new JobCancelled('Building the plan');
    throw e;
  }
}

export function currentPlan(s: Session): { plan: PatrolPlan; schedule: PlanDraft['schedule']; saved: boolean } {
  const d = requireDraft(s);
  return { plan: d.plan, schedule: d.schedule, saved: d.saved };
}

function requireDraft(s: Session): PlanDraft {
  if (!s.last.plan) throw new Error('Build or open a plan first.');
  return s.last.plan;
}

/** The unit id (grid cell) under a map point, for hand-picking where no Gi* cell is drawn. */
export function cellAt(lon: number, lat: number, size: number, shape: 'square' | 'hex'): string {
  const [e, n] = lonLatToBng(lon, lat);
  if (shape === 'square') {
    const [c, r] = squareCellOf(size, e, n);
    return squareCellId(size, c, r);
  }
  const [q, r] = hexCellOf(size, e, n);
  return hexCellId(size, q, r);
}

/** Stores the plan on screen in the project (replacing one with its id); the project is then unsaved. */
export function savePatrolPlan(s: Session): PatrolPlan {
  const d = requireDraft(s);
  storePlan(s.db, d.plan);
  s.markDirty();
  d.saved = true;
  return d.plan;
}

export function openPatrolPlan(s: Session, id: string, job: JobOptions = {}): Promise<PatrolPlan> {
  const plan = loadPlan(s.db, id);
  if (!plan) throw new Error(`No plan with id ${id} in this project.`);
  return setDraft(s, plan, requestOf(plan), true, job).then((d) => d.plan);
}

export function deletePatrolPlan(s: Session, id: string): void {
  deleteStoredPlan(s.db, id);
  if (s.last.plan?.plan.id === id) s.last.plan.saved = false;
  s.markDirty();
}

function requestOf(plan: PatrolPlan): PlanRequest {
  return {
    id: plan.id, name: plan.name, from: plan.from, to: plan.to, basisFrom: plan.basisFrom, basisTo: plan.basisTo,
    schemeId: plan.schemeId, categorySetId: plan.categorySetId ?? undefined, cellSize: plan.cellSize,
    choice: plan.choice, dosage: plan.dosage, seed: plan.seed,
  };
}

/** A saved plan by id (the plan on screen when that is the one saved). */
export function requirePlan(s: Session, planId: string): PatrolPlan {
  const d = s.last.plan;
  if (d?.plan.id === planId && d.saved) return d.plan;
  const p = loadPlan(s.db, planId);
  if (!p) throw new Error('This plan is not saved in the project: save the plan first, then import its dosage.');
  return p;
}

/** The plan given by id, or else the stored plan covering the period. */
export function planForPeriod(s: Session, id: string | undefined, from: string, to: string): PatrolPlan {
  if (id) {
    const p = loadPlan(s.db, id);
    if (!p) throw new Error(`No patrol plan "${id}" in this project.`);
    return p;
  }
  const p = planCovering(s.db, from, to);
  if (!p) throw new Error(`No patrol plan in this project covers ${from} to ${to}: build one with the plan command, or give --plan.`);
  return p;
}

/** Reads tiles through the job: each tile read reports progress, and a cancel stops the drawing. */
function watchedTiles(tiles: TileSource, job: JobOptions): TileSource {
  let read = 0;
  return {
    ...tiles,
    get: async (z, x, y) => {
      if (job.signal?.aborted) throw new JobCancelled('The PDF briefing');
      const t = await tiles.get(z, x, y);
      // A map's tiles are read together: the ones still arriving after a cancel stop the drawing too.
      if (job.signal?.aborted) throw new JobCancelled('The PDF briefing');
      job.onProgress?.({ phase: 'Drawing the briefing over the offline street map', done: ++read });
      return t;
    },
  };
}

/** A plan export as bytes; the PDF briefing (one district or a section each) is drawn over the given basemap. */
export async function exportPlan(
  s: Session,
  kind: PlanExportKind,
  opts: { tiles?: TileSource; district?: string | null; generatedAt?: string } = {},
  job: JobOptions = {},
): Promise<Uint8Array> {
  const d = requireDraft(s);
  if (kind === 'csv') return utf8(planScheduleCsv(d.plan, d.schedule));
  if (kind === 'geojson') return utf8(planGeoJson(d.plan));
  if (kind === 'kml') return utf8(planKml(d.plan));
  if (!opts.tiles) throw new Error('The PDF briefing needs the basemap tiles.');
  phase(job, 'Drawing the briefing over the offline street map');
  try {
    const bytes = await renderBriefingPdf({ plan: d.plan, schedule: d.schedule, tiles: watchedTiles(opts.tiles, job), district: opts.district ?? undefined, generatedAt: opts.generatedAt });
    await checkpoint(job, 'The PDF briefing');
    return bytes;
  } catch (e) {
    if (job.signal?.aborted) throw new JobCancelled('The PDF briefing');
    throw e;
  }
}
