import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Database } from 'sql.js';
import { bngToLonLat } from '../geo/bng';
import { squareRing } from '../hotspots/bngGrid';
import { hexRing } from '../hotspots/hexGrid';
import { runHotspotAnalysisAsync } from '../hotspots/runHotspotAnalysis';
import { giLevelCode, giLevelPercent } from '../legend/classes';
import { hotAtOrAbove } from '../legend/methodText';
import { suggestWindows } from '../patrols/buildPlan';
import type { PatrolPlan, PatrolWindow, Schedule, ScheduledVisit } from '../patrols/types';
import type { JobOptions } from './jobs';
import type { PlanDraft } from './session';

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

/** Gi* hot cells of the plan's basis period at the plan's level: what hand-picking chooses from. */
async function candidateCells(db: Database, plan: PatrolPlan, job: JobOptions): Promise<{ cells: FeatureCollection<Polygon>; legend: string }> {
  const level = giLevelCode(plan.choice.minGiConfidence ?? 95) ?? 2;
  const r = await runHotspotAnalysisAsync(db, {
    from: plan.basisFrom, to: plan.basisTo, schemeId: plan.schemeId, categorySetId: plan.categorySetId ?? undefined,
    cellSize: plan.cellSize, shape: plan.cellShape, fdr: true, kde: false,
  }, { signal: job.signal });
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

/** The map layers of a plan (its hotspots and the cells one may pick from), kept on the draft once made. */
export async function planMap(db: Database, d: PlanDraft, job: JobOptions = {}): Promise<PlanMapData> {
  if (d.map) return d.map;
  const c = await candidateCells(db, d.plan, job);
  const map: PlanMapData = { hotspots: planFeatures(d.plan), candidates: c.cells, candidateLegend: c.legend };
  d.map = map;
  return map;
}

export function planViewOf(db: Database, d: PlanDraft, map: PlanMapData): PlanView {
  const days = [...new Set(d.schedule.visits.map((v) => v.date))].sort().slice(0, PREVIEW_DAYS);
  const last = days[days.length - 1];
  const cellIds = d.plan.hotspots.flatMap((h) => h.cellIds);
  let suggestion: PlanView['suggestion'] = null;
  try {
    suggestion = cellIds.length ? suggestWindows(db, d.request, cellIds) : null;
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
    map,
    suggestion,
  };
}
