import type { HotspotResult } from '../hotspots/runHotspotAnalysis';
import { cellShapeText } from '../legend/methodText';
import { DEFAULT_TRAVEL_MINUTES, SCHEDULE_STEP_MINUTES } from './planDefaults';
import type { DosageSettings, PatrolPlan, PatrolWindow } from './types';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Mon-Fri", "Sat, Sun", "every day": weekdays 1-7 as an analyst writes them. */
export function describeWeekdays(days: number[]): string {
  const d = [...new Set(days)].filter((x) => x >= 1 && x <= 7).sort((a, b) => a - b);
  if (d.length === 7) return 'every day';
  const parts: string[] = [];
  for (let k = 0; k < d.length; ) {
    let m = k;
    while (m + 1 < d.length && d[m + 1] === d[m]! + 1) m++;
    parts.push(m - k >= 2 ? `${DAY_NAMES[d[k]! - 1]}-${DAY_NAMES[d[m]! - 1]}` : d.slice(k, m + 1).map((x) => DAY_NAMES[x - 1]).join(', '));
    k = m + 1;
  }
  return parts.join(', ');
}

export function describeWindow(w: PatrolWindow): string {
  return `${describeWeekdays(w.weekdays)} ${w.start}-${w.end}${w.end <= w.start ? ' (ends the next day)' : ''}`;
}

export function describeWindows(ws: PatrolWindow[]): string {
  return ws.length ? ws.map(describeWindow).join('; ') : 'none';
}

/** The instruction officers read on their device and in the briefing. */
export function dosageInstruction(d: DosageSettings): string {
  return (
    `Visible patrol of about ${d.minutesPerVisit} minutes, ${d.visitsPerDay} time(s) a day, at random times inside the windows ` +
    `(${describeWindows(d.windows)}); vary the order; at least ${d.minGapMinutes} minutes between visits to the same hotspot`
  );
}

export interface PlanMethodInfo {
  basisDefault: boolean;
  /** Months of the basis period that hold crime records, and how many months it spans. */
  basisMonthsWithData: string[];
  basisMonths: number;
  seedDefault: boolean;
  cellSizeDefault: boolean;
  eligible: number;
  quotas: Map<string, number> | null;
  districtNames: Map<string, string>;
  hotspotAnalysis: HotspotResult;
  chosenUnits: number;
}

/** Every setting and default of a plan as "key: value" lines; every export prints them. */
export function planMethodLines(plan: Omit<PatrolPlan, 'method'>, info: PlanMethodInfo): string[] {
  const c = plan.choice, d = plan.dosage, hs = info.hotspotAnalysis.method;
  const unitWord = c.unit === 'cell' ? 'cells' : 'LSOAs';
  const lines = [
    `plan id: ${plan.id}`,
    `plan name: ${plan.name}`,
    `created: ${plan.createdAt}`,
    `patrol period: ${plan.from} to ${plan.to} (local dates inclusive, Europe/London)`,
    `basis period: ${plan.basisFrom} to ${plan.basisTo} (months inclusive${info.basisDefault ? '; default: the 12 months to the latest month with data' : ''}; ` +
      `${info.basisMonthsWithData.length} of ${info.basisMonths} months have data${info.basisMonthsWithData.length ? `: ${info.basisMonthsWithData.join(', ')}` : ''})`,
    `scheme: ${hs.scheme}`,
    `category set: ${plan.categorySetLabel ?? 'all records'}`,
    c.unit === 'cell'
      ? `units: grid cells, ${plan.cellSize} m ${cellShapeText(plan.cellShape)} (${info.cellSizeDefault ? 'default' : 'user'}); ids ${hs.cell.idFormat}; a single-cell hotspot's id is its cell id`
      : `units: 2021 LSOAs (ONS LSOA December 2021 boundaries); a hotspot's id is its LSOA code; records counted into the LSOA holding their point`,
    `hotspot rule: the top ${c.perDistrict.mode === 'fixed' ? `${c.perDistrict.each} per district` : c.count} ${unitWord} by harm (${hs.scheme}) over the basis period, ranked by harm, then record count, then id`,
    c.minGiConfidence === null
      ? 'gi* rule: none (any unit with harm above 0 may be chosen)'
      : `gi* rule: only ${c.unit === 'cell' ? 'cells classed' : 'LSOAs holding the centre of a grid cell classed'} hot at ${c.minGiConfidence}% or more by Getis-Ord Gi* (${hs.correction.text}), so an isolated record never makes a hotspot`,
    `gi* neighbourhood: ${hs.neighbourhood.rule}`,
    `gi* study area: ${hs.studyArea}`,
    `quota: ${describeQuota(plan, info)}`,
    `minimum separation: ${c.minSeparation > 0 ? `${c.minSeparation} m between centres, applied greedily in rank order` : 'none'}`,
    `merge touching: ${c.unit === 'lsoa' ? 'not applied to LSOAs' : c.mergeTouching ? "on: chosen cells sharing an edge or a corner form one hotspot, id 'HS_' + a hash of its sorted cell ids, ranked by its summed harm" : 'off'}`,
    `hand-picked: ${c.handAdded.length ? `added ${c.handAdded.join(', ')} (in addition to the ranked ones)` : 'none added'}; ${c.handRemoved.length ? `removed ${c.handRemoved.join(', ')} (the next-ranked takes each place)` : 'none removed'}`,
    `eligible ${unitWord}: ${info.eligible} with harm above 0 passing the rules; ${info.chosenUnits} chosen; ${plan.hotspots.length} hotspots`,
    'names: the most frequent police.uk location ("On or near ...") among the hotspot\'s basis records, else its ward; the ward and district are those holding the centre of its most harmful unit',
    `dosage: ${d.visitsPerDay} visit(s) a day per hotspot of ${d.minutesPerVisit} minutes each (Koper band 10-16 minutes)${d.minutesPerVisit < 10 || d.minutesPerVisit > 16 ? '; note: outside the Koper band' : ''}`,
    `minimum gap: ${d.minGapMinutes} minutes from the end of one visit to the start of the next at the same hotspot`,
    `windows: ${describeWindows(d.windows)} (local time, Europe/London; a window belongs to the day it starts)`,
    `teams: ${d.teams.join(', ')}; hotspots split among the teams in contiguous blocks by district then rank, so each team keeps its own hotspots`,
    `travel: ${d.travelMinutes ?? DEFAULT_TRAVEL_MINUTES} minutes between two visits of one team (a team is never in two places at once)`,
    `schedule: random start times on a ${SCHEDULE_STEP_MINUTES}-minute grid inside the windows and random order across hotspots (pure-rand xoroshiro128plus, seeded; up to 12 random tries per team and day, the last packing earliest-first when random draws cannot fit every visit); a visit after midnight is dated by the day it starts on; regenerated from the seed, not stored`,
    'target: scheduled visits x minutes per visit, per hotspot and in total (the funded patrol hours)',
    `seed: ${plan.seed}${info.seedDefault ? ' (default: derived from the plan name and period)' : ''}`,
    `dosage measurement: geofence buffer ${d.bufferMetres} m; a fix gap over ${d.maxFixGapMinutes} minutes ends a visit; visits under ${d.minVisitMinutes} minutes are pass-throughs`,
  ];
  const x = hs.excluded;
  lines.push(
    `excluded from the basis: ${x.outOfArea} records outside the force area, ${x.unplaced} without a location, ${x.outsideStudyArea} outside the study-area cells; ${x.unweighted.count} records with no weight in the scheme (counted, not in harm)`,
  );
  for (const n of hs.notes) lines.push(`note: ${n}`);
  return lines;
}

function describeQuota(plan: Omit<PatrolPlan, 'method'>, info: PlanMethodInfo): string {
  const q = plan.choice.perDistrict;
  if (q.mode === 'none' || !info.quotas) return 'none (force-wide ranking)';
  const split = [...info.quotas].map(([code, n]) => `${info.districtNames.get(code) ?? code} ${n}`).join(', ');
  return q.mode === 'fixed'
    ? `${q.each} per district (${split})`
    : `${plan.choice.count} shared in proportion to each district's basis harm, largest remainder (${split})`;
}
