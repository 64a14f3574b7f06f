import type { Database } from 'sql.js';
import { loadSqlJs } from '../../../cli/sqlNode';
import { squareCellId, squareRing } from '../../../shared/hotspots/bngGrid';
import { savePlan } from '../../../shared/patrols/planStore';
import type { PatrolPlan, PlanHotspot } from '../../../shared/patrols/types';
import { createProjectDb } from '../../../shared/project/projectDb';

/** Hand-built inputs: a plan of square 150 m cells and rows written straight into the dosage tables. */
export const MIN = 60_000;

export function cellHotspot(col: number, row: number, rank: number, name: string, district: string | null, ward: string | null): PlanHotspot {
  const ring = squareRing(150, col, row);
  const id = squareCellId(150, col, row);
  return {
    id, rank, name, cellIds: [id], wardCode: ward ? `W${rank}` : null, wardName: ward, districtCode: district ? district.slice(0, 3) : null,
    districtName: district, count: 10, harm: 100, giZ: 3,
    geometry: { type: 'Polygon', coordinates: [ring.map(([e, n]) => [e / 1e5, n / 1e5])] },
    bngGeometry: { type: 'Polygon', coordinates: [ring] },
    centre: { lon: 0, lat: 0, e: (col + 0.5) * 150, n: (row + 0.5) * 150 }, chosenBy: 'rank',
  };
}

export function handPlan(over: Partial<PatrolPlan> = {}): PatrolPlan {
  return {
    id: 'P1', name: 'Summer hotspots', createdAt: '2025-03-20T10:00:00Z', from: '2025-04-01', to: '2025-12-31',
    basisFrom: '2024-04', basisTo: '2025-03', schemeId: 'count', schemeLabel: 'Count', categorySetId: null, categorySetLabel: null,
    cellSize: 150, cellShape: 'square',
    choice: { unit: 'cell', count: 2, minGiConfidence: 95, perDistrict: { mode: 'none' }, minSeparation: 0, mergeTouching: false, handAdded: [], handRemoved: [] },
    dosage: {
      visitsPerDay: 1, minutesPerVisit: 15, windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '18:00', end: '02:00' }], teams: ['Team 1'],
      minGapMinutes: 60, bufferMetres: 0, maxFixGapMinutes: 5, minVisitMinutes: 2,
    },
    seed: 42,
    hotspots: [
      cellHotspot(2800, 2900, 1, 'Briggate', 'Leeds', 'Little London & Woodhouse'),
      cellHotspot(2700, 2850, 2, 'Kirkgate', 'Bradford', 'City'),
    ],
    method: ['scheme: Count'], warnings: [],
    ...over,
  };
}

export async function dbWithPlan(plan: PatrolPlan = handPlan()): Promise<Database> {
  const db = createProjectDb(await loadSqlJs(), 'Test force');
  savePlan(db, plan);
  return db;
}

let hash = 0;
export function addImport(db: Database, kind: 'fixes' | 'records', planId = 'P1', summary: Record<string, unknown> = {}, fileName = `${kind}.csv`): number {
  db.run(
    `INSERT INTO dosage_imports (kind, plan_id, file_name, content_hash, imported_at, rows_read, accepted, duplicates, rejected, summary)
     VALUES (?, ?, ?, ?, '2025-07-02T09:00:00Z', 1000, 990, 6, 4, ?)`,
    [kind, planId, fileName, `h${++hash}`, JSON.stringify(summary)],
  );
  return db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0] as number;
}

export function addVisit(db: Database, importId: number, device: string, hotspotId: string, startIso: string, minutes: number): void {
  const s = Date.parse(startIso);
  db.run('INSERT INTO device_visits (import_id, device, hotspot_id, start_utc, end_utc, fixes) VALUES (?, ?, ?, ?, ?, ?)',
    [importId, device, hotspotId, s, s + minutes * MIN, Math.round(minutes * 2)]);
}

export function addRecord(db: Database, importId: number, hotspotId: string, startIso: string, minutes: number, officers: number, outcomes: Record<string, number>): void {
  const s = Date.parse(startIso);
  db.run('INSERT INTO patrol_records (import_id, dedupe_key, hotspot_id, start_utc, end_utc, officers, outcomes) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [importId, `${hotspotId}|${s}|${Math.random()}`, hotspotId, s, s + minutes * MIN, officers, JSON.stringify(outcomes)]);
}

export function addDeviceDay(db: Database, importId: number, device: string, date: string, windowS: number, hotspotS: number): void {
  db.run('INSERT INTO device_days (import_id, device, local_date, window_seconds, hotspot_seconds) VALUES (?, ?, ?, ?, ?)', [importId, device, date, windowS, hotspotS]);
}

let crimeN = 0;
export function addCrime(db: Database, month: string, e: number, n: number, type = 'Violence and sexual offences'): void {
  db.run(`INSERT INTO crimes (import_id, dedupe_key, month, crime_type, easting, northing, placed_by) VALUES (1, ?, ?, ?, ?, ?, 'coordinates')`,
    [`c${++crimeN}`, month, type, e, n]);
}
