import { toCsv, type Cell } from '../csv/csvWrite';
import type { DosageReport } from './dosage';

export const DOSAGE_CSV_HEADER = [
  'hotspot_id', 'cell_id', 'name', 'district', 'ward', 'visits', 'visits_10', 'visits_15', 'officer_minutes',
  'patrol_minutes', 'planned_visits', 'delivered_visits', 'target_minutes', 'delivered_pct', 'source',
];

/**
 * One row per plan hotspot over the report's period, method lines first. When no input covers
 * the period the dosage cells are left blank: an unmeasured period is not a zero.
 */
export function dosageCsv(report: DosageReport): string {
  const measured = report.measured.gps || report.measured.records;
  const rows: Cell[][] = report.byHotspot.map((h) => {
    const m = (v: number): Cell => (measured ? v : null);
    return [
      h.hotspotId, h.cellId, h.name, h.districtName, h.wardName, m(h.visits), m(h.visits10), m(h.visits15),
      m(h.officerMinutes), m(h.patrolMinutes), h.plannedVisits, m(h.deliveredVisits), h.targetMinutes,
      measured && h.deliveredPct !== null ? Math.round(h.deliveredPct * 10) / 10 : null, measured ? h.source : 'none',
    ];
  });
  const lines = [
    ...report.method,
    `compliance: ${report.compliance.sentence}`,
    ...report.sources.map((s) => `input: ${s}`),
    ...report.notes.map((n) => `note: ${n}`),
    'columns: delivered_pct is blank when the target is 0; source says where visits and minutes came from (gps, records, gps+records, none)',
  ];
  return toCsv(DOSAGE_CSV_HEADER, rows, lines);
}
