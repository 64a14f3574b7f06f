/**
 * The contract shared by plan building, scheduling, dosage, the quarterly return, evaluation,
 * exports, the CLI and the Patrols tab. Plain data only (structured-clone safe), so it crosses
 * the worker boundary unchanged. Times are UTC epoch milliseconds unless named `local`;
 * dates are local (Europe/London) 'YYYY-MM-DD'.
 */
import type { CellShape } from '../hotspots/lattice';

/** How hotspots are chosen for a plan (DOMAIN.md "Hotspot policing as the Home Office funds it"). */
export interface HotspotChoice {
  /** 'cell' = BNG grid cells (default), 'lsoa' = 2021 LSOAs. */
  unit: 'cell' | 'lsoa';
  /** How many hotspots in total (ignored per district when perDistrict is set as a fixed quota). */
  count: number;
  /** Only cells classed hot at >= this confidence (95 by default, FDR-corrected) are eligible; null = any cell. */
  minGiConfidence: 90 | 95 | 99 | null;
  /** Per-district quota: none, a fixed number each, or shares in proportion to district harm. */
  perDistrict: { mode: 'none' } | { mode: 'fixed'; each: number } | { mode: 'proportional' };
  /** Minimum centre-to-centre distance between chosen hotspots, metres (0 = none). */
  minSeparation: number;
  /** Merge chosen cells that touch (share an edge or corner) into one multi-cell hotspot. */
  mergeTouching: boolean;
  /** Unit ids (cell ids or LSOA codes) added by hand on the map, and ones removed by hand. */
  handAdded: string[];
  handRemoved: string[];
}

/** A daily patrol window in local time, e.g. Fri-Sat 18:00-02:00 (end may pass midnight). */
export interface PatrolWindow {
  /** ISO weekdays 1 = Monday .. 7 = Sunday on which the window starts. */
  weekdays: number[];
  /** 'HH:MM' local. */
  start: string;
  /** 'HH:MM' local; earlier than start = ends the next day. */
  end: string;
}

/** Dosage settings: every one has a DOMAIN.md default and is stated in every output. */
export interface DosageSettings {
  visitsPerDay: number; // default 1
  minutesPerVisit: number; // default 15 (Koper band 10-16)
  windows: PatrolWindow[];
  teams: string[]; // default ['Team 1']
  /** Minimum minutes between two visits at one hotspot on one day. Default 60. */
  minGapMinutes: number;
  /** Geofence buffer around hotspot polygons, metres. Default 0. */
  bufferMetres: number;
  /** Fix gap that ends a visit, minutes. Default 5. */
  maxFixGapMinutes: number;
  /** Visits shorter than this are pass-throughs, minutes. Default 2. */
  minVisitMinutes: number;
  /** Minutes a team needs between two of its visits (travel). Default 10 (DEFAULT_TRAVEL_MINUTES). */
  travelMinutes?: number;
}

export interface PlanHotspot {
  /** Stable id: the cell id for a single cell, the LSOA code for an LSOA, else 'HS_' + sorted cell ids hash. */
  id: string;
  rank: number;
  /** Officers' name: most frequent police.uk "On or near ..." location, else the ward. */
  name: string;
  cellIds: string[];
  wardCode: string | null;
  wardName: string | null;
  districtCode: string | null;
  districtName: string | null;
  /** Basis-period figures for the hotspot. */
  count: number;
  harm: number;
  /** Highest Gi* z among its cells (null for LSOAs or when not computed). */
  giZ: number | null;
  /** Outline in WGS84 [lon, lat] rings (Polygon or MultiPolygon coordinates). */
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  /** Outline in BNG metres, for geofencing. */
  bngGeometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  centre: { lon: number; lat: number; e: number; n: number };
  chosenBy: 'rank' | 'hand';
}

export interface PatrolPlan {
  id: string;
  name: string;
  createdAt: string;
  /** Patrol period, local dates inclusive. */
  from: string;
  to: string;
  /** Basis period for choosing hotspots, months inclusive. */
  basisFrom: string;
  basisTo: string;
  schemeId: string;
  schemeLabel: string;
  categorySetId: string | null;
  categorySetLabel: string | null;
  cellSize: number;
  cellShape: CellShape;
  choice: HotspotChoice;
  dosage: DosageSettings;
  seed: number;
  hotspots: PlanHotspot[];
  /** Method lines ("key: value") stating every setting; every export prints them. */
  method: string[];
  warnings: string[];
}

export interface ScheduledVisit {
  date: string; // local YYYY-MM-DD
  start: string; // local HH:MM
  startUtc: number;
  team: string;
  hotspotId: string;
  hotspotName: string;
  districtName: string | null;
  wardName: string | null;
  minutes: number;
}

export interface Schedule {
  visits: ScheduledVisit[];
  /** Plain sentences when the dosage asked for cannot fit the windows (never silent). */
  shortfalls: string[];
  target: { minutesPerHotspot: Record<string, number>; totalMinutes: number; totalHours: number; plannedVisits: number };
}

/** One device's time at one hotspot (a geofenced run of fixes), before merging across devices. */
export interface DeviceVisit {
  importId: number;
  device: string;
  hotspotId: string;
  startUtc: number;
  endUtc: number;
  fixes: number;
}

/** A manual patrol record (or one row of it). */
export interface PatrolRecord {
  importId: number;
  hotspotId: string;
  startUtc: number;
  endUtc: number;
  officers: number;
  outcomes: Record<string, number>; // arrests, stop_searches, weapons_seized, intel_submissions, + extra columns by name
}

/** Dosage for one hotspot on one local day (or aggregated over a period when `date` is null). */
export interface DosageRow {
  hotspotId: string;
  date: string | null;
  visits: number;
  visits10: number;
  visits15: number;
  officerMinutes: number;
  patrolMinutes: number;
  source: 'gps' | 'records' | 'gps+records' | 'none';
}
