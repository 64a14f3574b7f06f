import type { DeviceDayRow } from '../repository/dosage';
import type { PatrolWindow } from '../patrols/types';
import { civilFromDays, londonDay, wallToUtc } from './fixTime';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const EMPTY: number[] = [];

/**
 * One device's accepted fixes, in file order, in growable typed arrays: 12 bytes a fix
 * (time and the geofence set id, see HotspotFence). Positions are not kept: the geofence
 * answer is all that visits and device time need, and it is decided while streaming.
 */
export class FixTrack {
  t = new Float64Array(64);
  set = new Int32Array(64);
  n = 0;
  /** Indices of no-zone times in the repeated autumn hour (read as BST so far). */
  ambiguous: number[] = [];
  constructor(readonly device: string) {}

  push(t: number, set: number, ambiguous = false): void {
    if (this.n === this.t.length) {
      const size = this.n * 2;
      const t2 = new Float64Array(size); t2.set(this.t); this.t = t2;
      const s2 = new Int32Array(size); s2.set(this.set); this.set = s2;
    }
    if (ambiguous) this.ambiguous.push(this.n);
    this.t[this.n] = t;
    this.set[this.n++] = set;
  }
}

/**
 * A device whose fixes carry no-zone local times crosses the repeated autumn hour twice: its
 * times run 01:00..01:59 (BST), then go back to 01:00 (GMT). Read in file order, once a time in
 * that hour is more than 10 minutes earlier than the latest one seen there, the clock has gone
 * back and this and later ones are the second (GMT) occurrence: one hour later than first read.
 */
export function resolveAutumnHour(track: FixTrack): number {
  let latest = -Infinity, back = false, moved = 0;
  for (const i of track.ambiguous) {
    const t = track.t[i]!;
    if (!back && t < latest - 10 * 60_000) back = true;
    if (back) { track.t[i] = t + HOUR; moved++; }
    else latest = Math.max(latest, t);
  }
  return moved;
}

/**
 * Sorts a track by time in place (stable: of equal times the first in the file stays first).
 * Exports are nearly in order (a few rows swapped), so an insertion sort does it in about one
 * pass; a track that needs too many moves is sorted through an index instead.
 */
export function sortTrack(track: FixTrack): void {
  const { t, set, n } = track;
  let moves = 0;
  for (let i = 1; i < n; i++) {
    const ti = t[i]!;
    if (ti >= t[i - 1]!) continue;
    const si = set[i]!;
    let j = i - 1;
    while (j >= 0 && t[j]! > ti) { t[j + 1] = t[j]!; set[j + 1] = set[j]!; j--; moves++; }
    t[j + 1] = ti; set[j + 1] = si;
    if (moves > 4 * n + 1000) return sortByIndex(track);
  }
}

function sortByIndex(track: FixTrack): void {
  const { t, set, n } = track;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => t[a]! - t[b]! || a - b);
  const t2 = new Float64Array(n), s2 = new Int32Array(n);
  for (let i = 0; i < n; i++) { t2[i] = t[idx[i]!]!; s2[i] = set[idx[i]!]!; }
  track.t = t2;
  track.set = s2;
}

function hhmm(s: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) throw new Error(`Patrol window time "${s}" is not HH:MM.`);
  return Number(m[1]) * HOUR + Number(m[2]) * 60_000;
}

/** Local wall time on a day number (+ ms into it) as an instant; a time in the spring gap is the instant the clocks jumped. */
function localInstant(dayNo: number, ms: number): number {
  const wall = dayNo * DAY + ms;
  return wallToUtc(wall, civilFromDays(Math.floor(wall / DAY))[0]).utc;
}

/**
 * The plan's patrol windows between two instants as sorted, merged UTC intervals
 * [s0, e0, s1, e1, ...]. A window starts on its listed ISO weekdays at local `start`
 * and ends at local `end`, the next day when `end` <= `start` (equal = a full day).
 */
export function windowIntervals(windows: PatrolWindow[], fromUtc: number, toUtc: number): Float64Array {
  const raw: [number, number][] = [];
  const first = Math.floor(fromUtc / DAY) - 2, last = Math.floor(toUtc / DAY) + 1;
  for (const w of windows) {
    const s = hhmm(w.start), e = hhmm(w.end);
    for (let day = first; day <= last; day++) {
      const iso = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (ISO 4)
      if (!w.weekdays.includes(iso)) continue;
      const a = localInstant(day, s);
      const b = localInstant(e <= s ? day + 1 : day, e);
      if (b > fromUtc && a < toUtc) raw.push([a, b]);
    }
  }
  raw.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of raw) {
    if (out.length > 0 && a <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
    else out.push(a, b);
  }
  return Float64Array.from(out);
}

export interface VisitSettings {
  maxFixGapMinutes: number;
  minVisitMinutes: number;
}

export interface VisitRow {
  device: string;
  hotspotIndex: number;
  startUtc: number;
  endUtc: number;
  fixes: number;
}

export type { DeviceDayRow } from '../repository/dosage';

/** What all devices of one file add up to. */
export class VisitAccumulator {
  visits: VisitRow[] = [];
  days: DeviceDayRow[] = [];
  passThroughs = 0;
  duplicates = 0;
  accepted = 0;
  firstFixUtc: number | null = null;
  lastFixUtc: number | null = null;
  /** Intervals between a device's consecutive fixes, whole seconds; the last bin is ">= 3600 s". */
  intervalHistogram = new Uint32Array(3601);

  medianIntervalSeconds(): number | null {
    let total = 0;
    for (const c of this.intervalHistogram) total += c;
    if (total === 0) return null;
    const lo = Math.floor((total - 1) / 2), hi = Math.floor(total / 2);
    let seen = 0, a = -1;
    for (let s = 0; s < this.intervalHistogram.length; s++) {
      seen += this.intervalHistogram[s]!;
      if (a < 0 && seen > lo) a = s;
      if (seen > hi) return (a + s) / 2;
    }
    return null;
  }
}

/**
 * One device: sort by time, drop exact duplicates (same time), then
 * - visits: per hotspot, runs of consecutive in-hotspot fixes with no gap over maxFixGap, from
 *   first to last fix; runs shorter than minVisit are pass-throughs (counted, not kept);
 * - device days: each fix stands for the time to the next fix, capped at maxFixGap (the last
 *   fix for none); of that, the part inside the patrol windows, and of the part inside the
 *   windows, the part of fixes inside any hotspot, summed per local day of the fix.
 * `sets` maps a set id to hotspot indices (HotspotFence.sets); `windows` from windowIntervals.
 */
export function processTrack(track: FixTrack, sets: number[][], windows: Float64Array, s: VisitSettings, acc: VisitAccumulator): void {
  resolveAutumnHour(track);
  sortTrack(track);
  const { t, set, n, device } = track;
  if (n === 0) return;
  const gap = s.maxFixGapMinutes * 60_000;
  const minVisit = s.minVisitMinutes * 60_000;
  const H = sets.length;
  const openStart = new Float64Array(H), openLast = new Float64Array(H), openFixes = new Int32Array(H);
  const open: number[] = [];
  const close = (h: number) => {
    if (openLast[h]! - openStart[h]! >= minVisit) {
      acc.visits.push({ device, hotspotIndex: h, startUtc: openStart[h]!, endUtc: openLast[h]!, fixes: openFixes[h]! });
    } else {
      acc.passThroughs++;
    }
  };
  const isOpen = new Uint8Array(H);

  let day = londonDay(t[0]!);
  let winS = 0, hotS = 0, w = 0, prev = NaN;
  const flushDay = () => acc.days.push({ device, localDate: day.date, windowSeconds: winS / 1000, hotspotSeconds: hotS / 1000 });

  for (let i = 0; i < n; i++) {
    const ti = t[i]!;
    if (ti === prev) { acc.duplicates++; continue; }
    if (!Number.isNaN(prev)) {
      const sec = Math.round((ti - prev) / 1000);
      acc.intervalHistogram[Math.min(sec, 3600)]!++;
    }
    prev = ti;
    acc.accepted++;
    const sid = set[i]!;
    const members = sid < 0 ? EMPTY : sets[sid]!;
    // Close runs this fix does not continue.
    for (let k = open.length - 1; k >= 0; k--) {
      const h = open[k]!;
      if (!members.includes(h) || ti - openLast[h]! > gap) {
        close(h);
        isOpen[h] = 0;
        open.splice(k, 1);
      }
    }
    for (const h of members) {
      if (isOpen[h]) { openLast[h] = ti; openFixes[h]!++; }
      else { isOpen[h] = 1; open.push(h); openStart[h] = openLast[h] = ti; openFixes[h] = 1; }
    }

    // Device time: the fix stands for [ti, ti + d).
    if (ti >= day.endUtc || ti < day.startUtc) { flushDay(); day = londonDay(ti); winS = hotS = 0; }
    let j = i + 1;
    while (j < n && t[j] === ti) j++;
    const d = j < n ? Math.min(t[j]! - ti, gap) : 0;
    if (d > 0) {
      const end = ti + d;
      while (w < windows.length && windows[w + 1]! <= ti) w += 2;
      let inWin = 0;
      for (let k = w; k < windows.length && windows[k]! < end; k += 2) {
        inWin += Math.min(end, windows[k + 1]!) - Math.max(ti, windows[k]!);
      }
      if (inWin > 0) {
        winS += inWin;
        if (sid >= 0) hotS += inWin;
      }
    }
  }
  for (const h of open) close(h);
  flushDay();
  acc.firstFixUtc = acc.firstFixUtc === null ? t[0]! : Math.min(acc.firstFixUtc, t[0]!);
  acc.lastFixUtc = acc.lastFixUtc === null ? t[n - 1]! : Math.max(acc.lastFixUtc, t[n - 1]!);
}

