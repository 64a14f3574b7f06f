import type { DosageSettings, HotspotChoice, PatrolWindow } from './types';

/**
 * DOMAIN.md "Hotspot policing as the Home Office funds it": top-ranked small places, only
 * cells hot at 95% after the FDR correction (so one stray record never makes a hotspot), no
 * quota, separation or merging unless asked.
 */
export const DEFAULT_CHOICE: HotspotChoice = {
  unit: 'cell',
  count: 20,
  minGiConfidence: 95,
  perDistrict: { mode: 'none' },
  minSeparation: 0,
  mergeTouching: false,
  handAdded: [],
  handRemoved: [],
};

/**
 * DOMAIN.md gives no patrol window, only "repeated through the high-risk hours". Public-space
 * violence and anti-social behaviour build from late morning and peak in the evening and the
 * night-time economy, so the default covers every day 10:00 to 02:00 the next morning; it is
 * stated in every output, and extracts with times get a suggestion from their own profile.
 */
export const DEFAULT_WINDOW: PatrolWindow = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '10:00', end: '02:00' };

/** Minutes a team needs to get from one hotspot to the next, when the settings do not say. */
export const DEFAULT_TRAVEL_MINUTES = 10;

/** Koper: one visible visit of about 15 minutes (10-16) per hotspot per day; 60 minutes between visits. */
export const DEFAULT_DOSAGE: DosageSettings = {
  visitsPerDay: 1,
  minutesPerVisit: 15,
  windows: [DEFAULT_WINDOW],
  teams: ['Team 1'],
  minGapMinutes: 60,
  bufferMetres: 0,
  maxFixGapMinutes: 5,
  minVisitMinutes: 2,
};

/** Scheduled start times fall on this grid of local minutes (10:05, 10:10, ...), easy to read on a rota. */
export const SCHEDULE_STEP_MINUTES = 5;
