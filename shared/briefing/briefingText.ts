import { describeWindows } from '../patrols/planMethod';
import type { PatrolPlan } from '../patrols/types';

/** The handling marking printed at the foot (and head) of every page. */
export const HANDLING_MARKING = 'OFFICIAL-SENSITIVE: contains police patrol locations';

/** Title of the section for hotspots without a district. */
export const NO_DISTRICT = 'No district';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM-DD' -> 'Mon 1 Dec 2026', computed from the date alone (no time zone, no locale). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function periodText(plan: PatrolPlan): string {
  return `${longDate(plan.from)} to ${longDate(plan.to)}`;
}

/**
 * What officers are asked to do, in the words of the evidence (DOMAIN.md, Koper curve):
 * visible presence, about 15 minutes a visit, random order, unpredictable times.
 */
export function guidanceLines(plan: PatrolPlan): string[] {
  const d = plan.dosage;
  const visits = d.visitsPerDay === 1 ? 'one visit' : `${d.visitsPerDay} visits`;
  return [
    `Be visible: patrol on foot and in uniform inside the red outline, where people can see you: being seen is what deters.`,
    `Stay about ${d.minutesPerVisit} minutes at each visit (10 to 16 minutes works best; longer adds little), then move on to the next hotspot.`,
    `Visit the hotspots in a random order and not at predictable times: follow the times on the schedule, which were drawn at random within the patrol windows. Do not settle into a routine.`,
    `Each hotspot needs ${visits} a day${d.windows.length ? ` within the patrol windows (${describeWindows(d.windows)})` : ''}. If you cannot make a visit, record why; do not make it up later at a fixed time.`,
    `Your radio or device location is used to count minutes in each hotspot, so keep it switched on. Record arrests, stop and searches, weapons seized and intelligence submitted as usual.`,
  ];
}
