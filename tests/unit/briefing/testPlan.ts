import { lonLatToBng, bngToLonLat } from '../../../shared/geo/bng';
import { squareCellId, squareCellOf, squareRing } from '../../../shared/hotspots/bngGrid';
import type { PatrolPlan, PlanHotspot, Schedule, ScheduledVisit } from '../../../shared/patrols/types';

/**
 * A hand-built plan (no plan builder on this branch): real 150 m BNG cells on real streets
 * in Leeds and Bradford city centres and Harehills, with a small hand-made schedule.
 */
const CELL = 150;

function hotspot(rank: number, name: string, ward: string, district: string, points: [number, number][]): PlanHotspot {
  const cells = points.map(([lon, lat]) => squareCellOf(CELL, ...lonLatToBng(lon, lat)));
  const bngPolys = cells.map(([c, r]) => [squareRing(CELL, c, r)]);
  const wgsPolys = bngPolys.map((p) => p.map((ring) => ring.map(([e, n]) => bngToLonLat(e, n))));
  const es = cells.map(([c]) => (c + 0.5) * CELL);
  const ns = cells.map(([, r]) => (r + 0.5) * CELL);
  const e = es.reduce((a, b) => a + b, 0) / es.length;
  const n = ns.reduce((a, b) => a + b, 0) / ns.length;
  const [lon, lat] = bngToLonLat(e, n);
  const cellIds = cells.map(([c, r]) => squareCellId(CELL, c, r));
  const single = cellIds.length === 1;
  return {
    id: single ? cellIds[0]! : `HS_${cellIds.join('+').length.toString(16)}${rank}`,
    rank,
    name,
    cellIds,
    wardCode: null,
    wardName: ward,
    districtCode: null,
    districtName: district,
    count: 120 - rank * 10,
    harm: 4000 - rank * 300,
    giZ: 6 - rank * 0.5,
    geometry: single ? { type: 'Polygon', coordinates: wgsPolys[0]! } : { type: 'MultiPolygon', coordinates: wgsPolys },
    bngGeometry: single ? { type: 'Polygon', coordinates: bngPolys[0]! } : { type: 'MultiPolygon', coordinates: bngPolys },
    centre: { lon, lat, e, n },
    chosenBy: 'rank',
  };
}

export function testPlan(): PatrolPlan {
  const hotspots = [
    hotspot(1, 'Briggate', 'Little London & Woodhouse', 'Leeds', [[-1.5425, 53.7975], [-1.5425, 53.7961]]),
    hotspot(2, 'Call Lane', 'Hunslet & Riverside', 'Leeds', [[-1.5404, 53.7952]]),
    hotspot(3, 'Harehills Lane', 'Gipton & Harehills', 'Leeds', [[-1.5135, 53.8140]]),
    hotspot(4, 'Centenary Square', 'City', 'Bradford', [[-1.7530, 53.7922]]),
    hotspot(5, 'Manningham Lane', 'Manningham', 'Bradford', [[-1.7600, 53.8035]]),
  ];
  return {
    id: 'plan-test-1',
    name: 'Winter violence hotspots 2026-27',
    createdAt: '2026-11-30T09:00:00.000Z',
    from: '2026-12-01',
    to: '2026-12-07',
    basisFrom: '2023-11',
    basisTo: '2026-10',
    schemeId: 'chi',
    schemeLabel: 'Cambridge Crime Harm Index',
    categorySetId: null,
    categorySetLabel: null,
    cellSize: CELL,
    cellShape: 'square',
    choice: { unit: 'cell', count: 5, minGiConfidence: 95, perDistrict: { mode: 'none' }, minSeparation: 0, mergeTouching: true, handAdded: [], handRemoved: [] },
    dosage: {
      visitsPerDay: 1,
      minutesPerVisit: 15,
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '18:00', end: '02:00' }],
      teams: ['Team 1', 'Team 2'],
      minGapMinutes: 60,
      bufferMetres: 0,
      maxFixGapMinutes: 5,
      minVisitMinutes: 2,
    },
    seed: 42,
    hotspots,
    method: [
      'unit: 150 m BNG grid cells',
      'basis period: 2023-11 to 2026-10 (36 months)',
      'harm: Cambridge Crime Harm Index',
      'chosen: top 5 cells by harm among cells hot at 95% (Gi*, FDR-corrected)',
      'dosage: 1 visit a day of 15 minutes per hotspot, Mon-Sun 18:00-02:00',
      'schedule: random order and start times, seed 42, at least 60 minutes between visits to one hotspot',
    ],
    warnings: [],
  };
}

const TEAMS = ['Team 1', 'Team 2'];
const TIMES = ['18:40', '19:25', '20:55', '21:10', '22:35', '23:50', '00:15'];

/** One 15-minute visit per hotspot per day for the week, at scrambled (fixed) times. */
export function testSchedule(plan: PatrolPlan): Schedule {
  const visits: ScheduledVisit[] = [];
  for (let d = 0; d < 7; d++) {
    const date = `2026-12-0${d + 1}`;
    plan.hotspots.forEach((h, i) => {
      const start = TIMES[(d * 3 + i * 5) % TIMES.length]!;
      const [hh, mm] = start.split(':').map(Number) as [number, number];
      const day = Date.UTC(2026, 11, d + 1 + (hh < 12 ? 1 : 0));
      visits.push({
        date,
        start,
        startUtc: day + hh * 3600_000 + mm * 60_000,
        team: TEAMS[(d + i) % 2]!,
        hotspotId: h.id,
        hotspotName: h.name,
        districtName: h.districtName,
        wardName: h.wardName,
        minutes: 15,
      });
    });
  }
  const minutesPerHotspot = Object.fromEntries(plan.hotspots.map((h) => [h.id, 7 * 15]));
  return {
    visits,
    shortfalls: [],
    target: { minutesPerHotspot, totalMinutes: plan.hotspots.length * 105, totalHours: (plan.hotspots.length * 105) / 60, plannedVisits: visits.length },
  };
}
