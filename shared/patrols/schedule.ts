import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { londonParts, parseLondonTime } from '../hotspots/temporalProfile';
import { DEFAULT_TRAVEL_MINUTES, SCHEDULE_STEP_MINUTES } from './planDefaults';
import { describeWeekdays } from './planMethod';
import { hhmmToMinutes } from './planChecks';
import type { PatrolPlan, PatrolWindow, PlanHotspot, Schedule, ScheduledVisit } from './types';

const MIN = 60_000;
const DAY_MS = 86_400_000;
/** Fresh random draws per team and day before a shortfall is declared: packing is random, capacity may still allow it. */
const ATTEMPTS = 12;

interface Interval { s: number; e: number }
interface Placed { s: number; e: number; hotspot: string }

/** 'YYYY-MM-DD' + k days, on the calendar (no clock involved). */
export function addDays(date: string, k: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + k * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Local (Europe/London) date and HH:MM of an instant. */
export function londonDateTime(t: number): { date: string; time: string } {
  const local = new Date(t + londonParts(t).offsetMs).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * The instants a day's windows cover: each window that starts on that weekday, from its local
 * start to its local end (the next day when the end is earlier), merged where they overlap.
 * Real durations, so the night the clocks go back a 10:00-02:00 window lasts 17 hours.
 */
export function windowIntervals(date: string, windows: PatrolWindow[]): Interval[] {
  const wd = isoWeekday(date);
  const out: Interval[] = [];
  for (const w of windows) {
    if (!w.weekdays.includes(wd)) continue;
    const nextDay = hhmmToMinutes(w.end) <= hhmmToMinutes(w.start);
    const s = parseLondonTime(`${date}T${w.start}`);
    const e = parseLondonTime(`${nextDay ? addDays(date, 1) : date}T${w.end}`);
    if (e > s) out.push({ s, e });
  }
  out.sort((a, b) => a.s - b.s);
  const merged: Interval[] = [];
  for (const iv of out) {
    const last = merged[merged.length - 1];
    if (last && iv.s <= last.e) last.e = Math.max(last.e, iv.e);
    else merged.push({ ...iv });
  }
  return merged;
}

/** Hotspots per team: contiguous blocks by district then rank, so a team's hotspots sit together. */
export function assignTeams(hotspots: PlanHotspot[], teams: string[]): Map<string, PlanHotspot[]> {
  const sorted = [...hotspots].sort((a, b) => {
    const da = a.districtName ?? '\uffff', db = b.districtName ?? '\uffff';
    return da < db ? -1 : da > db ? 1 : a.rank - b.rank;
  });
  const out = new Map<string, PlanHotspot[]>(teams.map((t) => [t, []]));
  const base = Math.floor(sorted.length / teams.length), extra = sorted.length % teams.length;
  let k = 0;
  teams.forEach((t, i) => {
    const n = base + (i < extra ? 1 : 0);
    out.set(t, sorted.slice(k, k + n));
    k += n;
  });
  return out;
}

const minutes = (ms: number) => Math.round(ms / MIN);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The plan's visits (issue 7 item 1): per local day and team, each hotspot's visits at random
 * start times (on a 5-minute grid) inside the windows, in random order across hotspots; at
 * least minGapMinutes from the end of one visit to the start of the next at one hotspot; a
 * team's visits never overlap and leave travel time between them. Seeded with the plan seed
 * (pure-rand xoroshiro128plus), days and teams in a fixed order, so the same plan gives the
 * same schedule byte for byte. Whatever the windows cannot hold is stated in `shortfalls`.
 */
export function buildSchedule(plan: PatrolPlan): Schedule {
  const rng = xoroshiro128plus(plan.seed);
  const d = plan.dosage;
  const M = d.minutesPerVisit * MIN;
  const gap = d.minGapMinutes * MIN;
  const travel = (d.travelMinutes ?? DEFAULT_TRAVEL_MINUTES) * MIN;
  const step = SCHEDULE_STEP_MINUTES * MIN;
  const teams = assignTeams(plan.hotspots, d.teams);
  const visits: ScheduledVisit[] = [];
  const shortfalls = new Set<string>();
  const missing = new Map<string, { visits: number; dates: string[] }>();
  const previous = new Map<string, Placed[]>(d.teams.map((t) => [t, []]));
  const byId = new Map(plan.hotspots.map((h) => [h.id, h]));
  let askedVisits = 0;

  for (const [team, hs] of teams) {
    if (hs.length === 0 && plan.hotspots.length > 0) shortfalls.add(`${team} has no hotspot to patrol: there are more teams (${d.teams.length}) than hotspots (${plan.hotspots.length}).`);
  }

  for (let date = plan.from; date <= plan.to; date = addDays(date, 1)) {
    const ivs = windowIntervals(date, d.windows);
    if (ivs.length === 0) continue;
    const windowMin = ivs.reduce((s, iv) => s + minutes(iv.e - iv.s), 0);
    const longest = Math.max(...ivs.map((iv) => minutes(iv.e - iv.s)));
    const perHotspotNeed = d.visitsPerDay * d.minutesPerVisit + (d.visitsPerDay - 1) * d.minGapMinutes;
    const dayName = describeWeekdays([isoWeekday(date)]);
    if (perHotspotNeed > windowMin) {
      shortfalls.add(
        `${plural(d.visitsPerDay, 'visit')} of ${d.minutesPerVisit} minutes at least ${d.minGapMinutes} minutes apart need ` +
          `${perHotspotNeed} minutes at each hotspot, but the windows on ${dayName} give ${windowMin} minutes` +
          `${ivs.length === 1 ? '' : ` (the longest ${longest})`}.`,
      );
    }
    // Starts are stepped from each window's start, so local times stay on the 5-minute grid.
    const slots: number[] = [];
    for (const iv of ivs) for (let s = iv.s; s + M <= iv.e; s += step) slots.push(s);

    for (const team of d.teams) {
      const mine = teams.get(team)!;
      if (mine.length === 0) continue;
      const need = mine.length * d.visitsPerDay;
      askedVisits += need;
      const teamNeed = need * d.minutesPerVisit + (need - 1) * (d.travelMinutes ?? DEFAULT_TRAVEL_MINUTES);
      if (teamNeed > windowMin) {
        shortfalls.add(
          `${team} has ${plural(mine.length, 'hotspot')} x ${plural(d.visitsPerDay, 'visit')} of ${d.minutesPerVisit} minutes ` +
            `plus ${d.travelMinutes ?? DEFAULT_TRAVEL_MINUTES} minutes travel between visits: ${teamNeed} minutes a day, ` +
            `but the windows on ${dayName} give ${windowMin} minutes. Add a team, widen the windows or choose fewer hotspots.`,
        );
      }
      const carried = previous.get(team)!.filter((p) => p.e + Math.max(gap, travel) > (ivs[0]?.s ?? 0));
      // Start slots a placed visit rules out: for the team (travel) and for its hotspot (the gap).
      const block = (mask: Uint8Array, p: Placed, sep: number) => {
        for (let i = 0; i < slots.length; i++) if (slots[i]! + M + sep > p.s && slots[i]! < p.e + sep) mask[i] = 1;
      };
      // When the windows cannot hold the dosage, random draws cannot either: pack earliest-first at once.
      const cannotFit = teamNeed > windowMin || perHotspotNeed > windowMin;
      let best: Placed[] = [];
      for (let attempt = cannotFit ? ATTEMPTS - 1 : 0; attempt < ATTEMPTS && best.length < need; attempt++) {
        const order: string[] = [];
        for (const h of mine) for (let k = 0; k < d.visitsPerDay; k++) order.push(h.id);
        for (let k = order.length - 1; k > 0; k--) {
          const j = uniformInt(rng, 0, k);
          [order[k], order[j]] = [order[j]!, order[k]!];
        }
        const teamMask = new Uint8Array(slots.length);
        const hotspotMask = new Map<string, Uint8Array>(mine.map((h) => [h.id, new Uint8Array(slots.length)]));
        const place = (p: Placed) => {
          block(teamMask, p, travel);
          const hm = hotspotMask.get(p.hotspot);
          if (hm) block(hm, p, Math.max(gap, travel));
        };
        carried.forEach(place);
        const placed: Placed[] = [];
        for (const hid of order) {
          const hm = hotspotMask.get(hid)!;
          const ok: number[] = [];
          for (let i = 0; i < slots.length; i++) if (!teamMask[i] && !hm[i]) ok.push(slots[i]!);
          if (ok.length === 0) continue;
          // The last try packs earliest-first: it fits close to capacity where random draws fragment the windows.
          const s = attempt === ATTEMPTS - 1 ? ok[0]! : ok[uniformInt(rng, 0, ok.length - 1)]!;
          const p = { s, e: s + M, hotspot: hid };
          placed.push(p);
          place(p);
        }
        if (placed.length > best.length) best = placed;
      }
      previous.set(team, best);
      if (best.length < need) {
        const got = new Map<string, number>();
        for (const p of best) got.set(p.hotspot, (got.get(p.hotspot) ?? 0) + 1);
        for (const h of mine) {
          const short = d.visitsPerDay - (got.get(h.id) ?? 0);
          if (short <= 0) continue;
          const m = missing.get(h.id) ?? { visits: 0, dates: [] };
          m.visits += short;
          m.dates.push(date);
          missing.set(h.id, m);
        }
      }
      for (const p of best) {
        const h = byId.get(p.hotspot)!;
        const local = londonDateTime(p.s);
        visits.push({
          date: local.date, start: local.time, startUtc: p.s, team, hotspotId: h.id, hotspotName: h.name,
          districtName: h.districtName, wardName: h.wardName, minutes: d.minutesPerVisit,
        });
      }
    }
  }
  visits.sort((a, b) => a.startUtc - b.startUtc || (a.team < b.team ? -1 : a.team > b.team ? 1 : 0) || (a.hotspotId < b.hotspotId ? -1 : 1));

  if (missing.size > 0) {
    const total = [...missing.values()].reduce((s, m) => s + m.visits, 0);
    shortfalls.add(
      `${total} of the ${askedVisits} visits asked for could not be placed inside the windows with the gaps and travel time required, ` +
        `at ${plural(missing.size, 'hotspot')}.`,
    );
    for (const [id, m] of [...missing].sort((a, b) => byId.get(a[0])!.rank - byId.get(b[0])!.rank)) {
      const shown = m.dates.slice(0, 3).join(', ') + (m.dates.length > 3 ? ` and ${m.dates.length - 3} more days` : '');
      shortfalls.add(`${byId.get(id)!.name} (${id}): ${plural(m.visits, 'visit')} short, on ${shown}.`);
    }
  }
  if (askedVisits === 0 && plan.hotspots.length > 0) {
    shortfalls.add(`No patrol window falls on any day from ${plan.from} to ${plan.to} (windows: ${d.windows.map((w) => `${describeWeekdays(w.weekdays)} ${w.start}-${w.end}`).join('; ')}), so nothing is scheduled.`);
  }

  const minutesPerHotspot: Record<string, number> = {};
  for (const h of plan.hotspots) minutesPerHotspot[h.id] = 0;
  for (const v of visits) minutesPerHotspot[v.hotspotId] = (minutesPerHotspot[v.hotspotId] ?? 0) + v.minutes;
  const totalMinutes = visits.reduce((s, v) => s + v.minutes, 0);
  return {
    visits,
    shortfalls: [...shortfalls],
    target: { minutesPerHotspot, totalMinutes, totalHours: Math.round((totalMinutes / 60) * 100) / 100, plannedVisits: visits.length },
  };
}
