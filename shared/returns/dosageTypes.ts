import type { DosageRow } from '../patrols/types';
import type { DosageImportInfo } from './imports';
import type { PlanTarget } from './target';

/** What computeDosage returns (shared/returns/dosage.ts): plain data for the return, the CLI and the dashboard. */
export type Source = DosageRow['source'];

/** The force's standing KPIs, in the order every table shows them; extra columns follow by name. */
export const STANDARD_OUTCOMES = ['arrests', 'stop_searches', 'weapons_seized', 'intel_submissions'] as const;
export const OUTCOME_LABELS: Record<string, string> = {
  arrests: 'Arrests', stop_searches: 'Stop and searches', weapons_seized: 'Weapons seized', intel_submissions: 'Intelligence submissions',
};

export interface DosageDayRow extends DosageRow {
  date: string;
  /** Outcomes from patrol records that started that day (empty when there are none). */
  outcomes: Record<string, number>;
  /** Koper-band patrols counted towards the plan that day: min(visits_10, visits per day) on a planned day, else 0. */
  deliveredVisits: number;
}

export interface HotspotDosage extends DosageRow {
  name: string;
  cellId: string | null;
  districtName: string | null;
  districtCode: string | null;
  wardName: string | null;
  targetMinutes: number;
  plannedVisits: number;
  deliveredVisits: number;
  /** patrol-minutes / target minutes x 100; null when the target is 0. */
  deliveredPct: number | null;
  outcomes: Record<string, number>;
}

export interface DosageTotals extends Omit<DosageRow, 'hotspotId' | 'date'> {
  hotspots: number;
  targetMinutes: number;
  plannedVisits: number;
  deliveredVisits: number;
  deliveredPct: number | null;
  outcomes: Record<string, number>;
}

export interface DistrictDosage extends DosageTotals {
  districtName: string;
  districtCode: string | null;
}

export interface DosageReport {
  planId: string;
  planName: string;
  from: string;
  to: string;
  byHotspotDay: DosageDayRow[];
  byHotspot: HotspotDosage[];
  byDistrict: DistrictDosage[];
  total: DosageTotals;
  compliance: {
    plannedVisits: number;
    deliveredVisits: number;
    visitShare: number | null;
    windowSeconds: number;
    hotspotSeconds: number;
    timeShare: number | null;
    sentence: string;
  };
  /** Whether any input covers the period: without one, zeros are not measurements. */
  measured: { gps: boolean; records: boolean };
  /** One line per input file: name, kind, row accounting, fix interval. */
  sources: string[];
  imports: DosageImportInfo[];
  medianFixIntervalSeconds: number | null;
  /** Outcome column names seen, standard ones first. */
  outcomeNames: string[];
  target: PlanTarget;
  notes: string[];
  method: string[];
}

