import type { Database } from 'sql.js';
import { loadSqlJs } from '../../../cli/sqlNode';
import { bngToLonLat } from '../../../shared/geo/bng';
import type { ImportSource } from '../../../shared/import/types';
import type { DosageSettings, PatrolPlan, PlanHotspot } from '../../../shared/patrols/types';
import { savePlan } from '../../../shared/patrols/planStore';
import { createProjectDb, queryAll } from '../../../shared/project/projectDb';

/** A square hotspot in BNG metres with its lower-left corner at (e, n). */
export function squareHotspot(id: string, e: number, n: number, size = 150): PlanHotspot {
  const ring = [[e, n], [e + size, n], [e + size, n + size], [e, n + size], [e, n]];
  const [lon, lat] = bngToLonLat(e + size / 2, n + size / 2);
  return {
    id, rank: 1, name: `Hotspot ${id}`, cellIds: [id], wardCode: null, wardName: null, districtCode: null, districtName: null,
    count: 0, harm: 0, giZ: null,
    geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => bngToLonLat(x!, y!))] },
    bngGeometry: { type: 'Polygon', coordinates: [ring] },
    centre: { lon, lat, e: e + size / 2, n: n + size / 2 }, chosenBy: 'hand',
  };
}

/** Hotspot A at (430000, 433000) and B at (431000, 433000), 150 m squares in Leeds. */
export const A = { e: 430000, n: 433000 };
export const B = { e: 431000, n: 433000 };

export function testPlan(dosage: Partial<DosageSettings> = {}, id = 'P1'): PatrolPlan {
  return {
    id, name: 'Test plan', createdAt: '2024-01-01T00:00:00Z', from: '2024-01-01', to: '2024-12-31',
    basisFrom: '2023-01', basisTo: '2023-12', schemeId: 'count', schemeLabel: 'Count', categorySetId: null, categorySetLabel: null,
    cellSize: 150, cellShape: 'square',
    choice: { unit: 'cell', count: 2, minGiConfidence: null, perDistrict: { mode: 'none' }, minSeparation: 0, mergeTouching: false, handAdded: [], handRemoved: [] },
    dosage: {
      visitsPerDay: 1, minutesPerVisit: 15, windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '16:00' }], teams: ['Team 1'],
      minGapMinutes: 60, bufferMetres: 0, maxFixGapMinutes: 5, minVisitMinutes: 2, ...dosage,
    },
    seed: 1,
    hotspots: [squareHotspot('A', A.e, A.n), squareHotspot('B', B.e, B.n)],
    method: [], warnings: [],
  };
}

export async function projectWithPlan(plan: PatrolPlan = testPlan()): Promise<Database> {
  const db = createProjectDb(await loadSqlJs(), 'test');
  savePlan(db, plan);
  return db;
}

export function textSource(name: string, text: string, chunkSize = 61): ImportSource {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.length,
    async *chunks() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, Math.min(bytes.length, i + chunkSize));
    },
  };
}

/** Fixes every `stepSeconds` from `start` (ms) to `end` inclusive at BNG (e, n): [timeMs, e, n]. */
export function fixesEvery(start: number, end: number, stepSeconds: number, e: number, n: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let t = start; t <= end; t += stepSeconds * 1000) out.push([t, e, n]);
  return out;
}

export const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');

/** A BNG fix CSV (device_id,timestamp,easting,northing) with ISO Z times. */
export function bngCsv(rows: [string, number, number, number][]): string {
  return 'device_id,timestamp,easting,northing\n' + rows.map(([d, t, e, n]) => `${d},${iso(t)},${e},${n}`).join('\n') + '\n';
}

export function visits(db: Database): { device: string; hotspot_id: string; start_utc: number; end_utc: number; fixes: number }[] {
  return queryAll(db, 'SELECT device, hotspot_id, start_utc, end_utc, fixes FROM device_visits ORDER BY device, hotspot_id, start_utc');
}

export function count(db: Database, table: string): number {
  return Number(db.exec(`SELECT COUNT(*) FROM ${table}`)[0]!.values[0]![0]);
}
