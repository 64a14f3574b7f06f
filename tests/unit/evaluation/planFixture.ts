import type { PatrolPlan, PlanHotspot } from '../../../shared/patrols/types';
import { parseSquareCellId, squareRing } from '../../../shared/hotspots/bngGrid';
import { bngToLonLat } from '../../../shared/geo/bng';

/** A single-cell hotspot on a square grid, as the plan builder would store it. */
export function cellHotspot(cellId: string, rank: number, name = `Hotspot ${rank}`): PlanHotspot {
  const p = parseSquareCellId(cellId)!;
  const ring = squareRing(p.size, p.col, p.row);
  const [e, n] = [(p.col + 0.5) * p.size, (p.row + 0.5) * p.size];
  const [lon, lat] = bngToLonLat(e, n);
  return {
    id: cellId, rank, name, cellIds: [cellId], wardCode: null, wardName: null, districtCode: null, districtName: null,
    count: 0, harm: 0, giZ: null,
    geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => bngToLonLat(x, y))] },
    bngGeometry: { type: 'Polygon', coordinates: [ring] },
    centre: { lon, lat, e, n }, chosenBy: 'hand',
  };
}

/** A hand-built plan (no plan builder involved) with the given single-cell hotspots. */
export function handPlan(id: string, cellIds: string[], o: Partial<PatrolPlan> = {}): PatrolPlan {
  const size = parseSquareCellId(cellIds[0]!)!.size;
  return {
    id, name: `Plan ${id}`, createdAt: '2024-09-20T10:00:00Z', from: '2024-10-01', to: '2024-12-31',
    basisFrom: '2024-01', basisTo: '2024-06', schemeId: 'count', schemeLabel: 'Count', categorySetId: null, categorySetLabel: null,
    cellSize: size, cellShape: 'square',
    choice: { unit: 'cell', count: cellIds.length, minGiConfidence: null, perDistrict: { mode: 'none' }, minSeparation: 0, mergeTouching: false, handAdded: cellIds, handRemoved: [] },
    dosage: {
      visitsPerDay: 1, minutesPerVisit: 15, windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '18:00', end: '02:00' }], teams: ['Team 1'],
      minGapMinutes: 60, bufferMetres: 0, maxFixGapMinutes: 5, minVisitMinutes: 2,
    },
    seed: 1, hotspots: cellIds.map((c, k) => cellHotspot(c, k + 1)), method: ['hand-built plan for tests'], warnings: [],
    ...o,
  };
}
