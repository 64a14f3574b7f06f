import { toKML } from '@placemarkio/tokml';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { toCsv } from '../csv/csvWrite';
import { dosageInstruction } from './planMethod';
import type { PatrolPlan, PlanHotspot, Schedule } from './types';

const SCHEDULE_HEADER = ['date', 'start_local', 'team', 'hotspot_id', 'name', 'district', 'ward', 'minutes'];

/** The method, the warnings and the schedule's target and shortfalls, as "key: value" lines. */
export function planExportLines(plan: PatrolPlan, schedule?: Schedule): string[] {
  const lines = [...plan.method];
  if (schedule) {
    const t = schedule.target;
    lines.push(`target: ${t.plannedVisits} visits, ${t.totalMinutes} patrol minutes (${t.totalHours} hours) over the period`);
    for (const s of schedule.shortfalls) lines.push(`shortfall: ${s}`);
  }
  for (const w of plan.warnings) lines.push(`warning: ${w}`);
  return lines;
}

/** One row per scheduled visit, led by `# ` method lines (read with comment='#' in pandas/R). */
export function planScheduleCsv(plan: PatrolPlan, schedule: Schedule): string {
  const rows = schedule.visits.map((v) => [v.date, v.start, v.team, v.hotspotId, v.hotspotName, v.districtName, v.wardName, v.minutes]);
  return toCsv(SCHEDULE_HEADER, rows, planExportLines(plan, schedule));
}

function hotspotFeature(plan: PatrolPlan, h: PlanHotspot): Feature<Polygon | MultiPolygon> {
  return {
    type: 'Feature',
    id: h.id,
    properties: {
      id: h.id, name: h.name, rank: h.rank, district: h.districtName, ward: h.wardName,
      count: h.count, harm: h.harm, cells: h.cellIds.join(' '), chosen_by: h.chosenBy,
      instructions: dosageInstruction(plan.dosage),
    },
    geometry: h.geometry,
  };
}

/** Hotspot outlines (WGS84) with id, name, district, ward, rank, harm and the officers' instructions; the method in `metadata`. */
export function planGeoJson(plan: PatrolPlan): string {
  const fc = {
    type: 'FeatureCollection',
    metadata: {
      planId: plan.id, planName: plan.name, period: { from: plan.from, to: plan.to }, seed: plan.seed,
      method: plan.method, warnings: plan.warnings, dosage: plan.dosage, choice: plan.choice,
    },
    features: plan.hotspots.map((h) => hotspotFeature(plan, h)),
  };
  return JSON.stringify(fc);
}

/**
 * KML for officers' devices: one placemark per hotspot, named "rank. name", its description
 * the instructions, id, district and ward. The method goes in a first placemark without a
 * geometry, as KML has no file-level metadata that every viewer shows.
 */
export function planKml(plan: PatrolPlan): string {
  const features: Feature<Polygon | MultiPolygon | null>[] = plan.hotspots.map((h) => ({
    type: 'Feature',
    id: h.id,
    properties: {
      name: `${h.rank}. ${h.name}`,
      description:
        `${dosageInstruction(plan.dosage)}.\n` +
        `Hotspot ${h.id}; ward ${h.wardName ?? 'unknown'}; district ${h.districtName ?? 'unknown'}.\n` +
        `Plan ${plan.name} (${plan.id}), ${plan.from} to ${plan.to}.`,
      hotspot_id: h.id, district: h.districtName ?? '', ward: h.wardName ?? '', rank: h.rank,
    },
    geometry: h.geometry,
  }));
  features.unshift({
    type: 'Feature',
    properties: { name: `${plan.name}: method and settings`, description: planExportLines(plan).join('\n') },
    geometry: null,
  });
  return toKML({ type: 'FeatureCollection', features });
}
