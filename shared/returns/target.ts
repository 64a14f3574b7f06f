import type { PatrolPlan } from '../patrols/types';
import { datesOf, isoWeekday } from './periods';

/**
 * The plan's target over a period, worked out from its dosage settings alone (so the return
 * does not depend on how the schedule placed visits): a planned day is a date inside both the
 * period and the plan's patrol period on which at least one patrol window starts (every date
 * when the plan has no windows); planned visits = planned days x hotspots x visits per day;
 * target minutes = planned visits x minutes per visit.
 */
export interface PlanTarget {
  from: string;
  to: string;
  /** Planned days in the period, in order. */
  days: string[];
  visitsPerDay: number;
  minutesPerVisit: number;
  /** Per hotspot (every hotspot gets the same). */
  plannedVisitsPerHotspot: number;
  targetMinutesPerHotspot: number;
  plannedVisits: number;
  targetMinutes: number;
  targetHours: number;
  method: string;
}

export const TARGET_METHOD =
  'target: planned days (dates in both the period and the plan period on which a patrol window starts) x hotspots x visits per day = planned visits; x minutes per visit = target patrol minutes';

export function planTarget(plan: PatrolPlan, from: string, to: string): PlanTarget {
  const lo = from > plan.from ? from : plan.from;
  const hi = to < plan.to ? to : plan.to;
  const windowDays = new Set(plan.dosage.windows.flatMap((w) => w.weekdays));
  const days = lo <= hi ? datesOf(lo, hi).filter((d) => windowDays.size === 0 || windowDays.has(isoWeekday(d))) : [];
  const { visitsPerDay, minutesPerVisit } = plan.dosage;
  const perHotspot = days.length * visitsPerDay;
  const plannedVisits = perHotspot * plan.hotspots.length;
  const targetMinutes = plannedVisits * minutesPerVisit;
  return {
    from, to, days, visitsPerDay, minutesPerVisit,
    plannedVisitsPerHotspot: perHotspot,
    targetMinutesPerHotspot: perHotspot * minutesPerVisit,
    plannedVisits, targetMinutes, targetHours: targetMinutes / 60,
    method: TARGET_METHOD,
  };
}
