/**
 * Synthetic GPS/radio fixes for the dosage benchmark: N fixes from ~N/50,000 devices over
 * central Leeds, against 40 hotspots (150 m BNG cells). Each device
 *   - reports every 15-60 s (its own mean, jittered +-20%),
 *   - drives at ~10 m/s along a street grid (east-west, then north-south legs) to its next
 *     destination, or walks at ~1.4 m/s when it is under 1 km away,
 *   - goes to a hotspot 40% of the time and lingers 10-20 minutes there, walking about
 *     inside the cell, else to a random point in an 8 km square.
 * Rows are written in time order across devices (as a radio system exports them), with
 * ~0.5% duplicated rows and ~1% of rows swapped with the next one (out of order).
 * Columns: device_id,timestamp,latitude,longitude (ISO UTC, 6 decimal places).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { bngToLonLat } from '../shared/geo/bng';
import type { PatrolPlan, PlanHotspot } from '../shared/patrols/types';
import { rng } from './rng';

const CELL = 150;
const CENTRE = { e: 430000, n: 433500 };
const HALF = 4000;

/** 40 distinct 150 m cells snapped to the BNG grid within 3 km of the centre. */
export function syntheticHotspots(count = 40, seed = 40): PlanHotspot[] {
  const rand = rng(seed);
  const seen = new Set<string>();
  const out: PlanHotspot[] = [];
  while (out.length < count) {
    const e = Math.floor((CENTRE.e - 3000 + rand() * 6000) / CELL) * CELL;
    const n = Math.floor((CENTRE.n - 3000 + rand() * 6000) / CELL) * CELL;
    const id = `${e}_${n}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const ring = [[e, n], [e + CELL, n], [e + CELL, n + CELL], [e, n + CELL], [e, n]];
    const [lon, lat] = bngToLonLat(e + CELL / 2, n + CELL / 2);
    out.push({
      id, rank: out.length + 1, name: `Synthetic ${id}`, cellIds: [id], wardCode: null, wardName: null, districtCode: null, districtName: null,
      count: 0, harm: 0, giZ: null, geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => bngToLonLat(x!, y!))] },
      bngGeometry: { type: 'Polygon', coordinates: [ring] }, centre: { lon, lat, e: e + CELL / 2, n: n + CELL / 2 }, chosenBy: 'rank',
    });
  }
  return out;
}

export function syntheticPlan(): PatrolPlan {
  return {
    id: 'BENCH', name: 'Benchmark plan', createdAt: '2025-03-01T00:00:00Z', from: '2025-04-01', to: '2025-06-30',
    basisFrom: '2024-04', basisTo: '2025-03', schemeId: 'count', schemeLabel: 'Count', categorySetId: null, categorySetLabel: null,
    cellSize: CELL, cellShape: 'square',
    choice: { unit: 'cell', count: 40, minGiConfidence: null, perDistrict: { mode: 'none' }, minSeparation: 0, mergeTouching: false, handAdded: [], handRemoved: [] },
    dosage: {
      visitsPerDay: 1, minutesPerVisit: 15, teams: ['Team 1'], minGapMinutes: 60, bufferMetres: 0, maxFixGapMinutes: 5, minVisitMinutes: 2,
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '16:00' }, { weekdays: [5, 6], start: '18:00', end: '02:00' }],
    },
    seed: 1, hotspots: syntheticHotspots(), method: [], warnings: [],
  };
}

interface Device {
  id: string;
  e: number;
  n: number;
  meanInterval: number;
  nextT: number;
  /** Destination; lingerUntil > 0 while lingering in the hotspot at (he, hn). */
  te: number;
  tn: number;
  speed: number;
  hotspot: PlanHotspot | null;
  lingerUntil: number;
}

const pad2 = (v: number) => (v < 10 ? '0' : '') + v;

export async function generateFixes(file: string, fixes: number, seed = 20250401): Promise<{ bytes: number; devices: number; days: number }> {
  const rand = rng(seed);
  const hotspots = syntheticHotspots();
  const start = Date.parse('2025-04-01T00:00:00Z');
  const deviceCount = Math.max(20, Math.round(fixes / 50_000));
  const pickDestination = (d: Device, now: number) => {
    if (rand() < 0.4) {
      const h = hotspots[Math.floor(rand() * hotspots.length)]!;
      d.hotspot = h; d.te = h.centre.e; d.tn = h.centre.n;
    } else {
      d.hotspot = null; d.te = CENTRE.e - HALF + rand() * 2 * HALF; d.tn = CENTRE.n - HALF + rand() * 2 * HALF;
    }
    const far = Math.abs(d.te - d.e) + Math.abs(d.tn - d.n) > 1000;
    d.speed = far ? 8 + rand() * 4 : 1.2 + rand() * 0.4;
    d.lingerUntil = 0;
    void now;
  };
  const devices: Device[] = [];
  for (let i = 0; i < deviceCount; i++) {
    const d: Device = {
      id: `WY${String(1000 + i)}`, e: CENTRE.e - HALF + rand() * 2 * HALF, n: CENTRE.n - HALF + rand() * 2 * HALF,
      meanInterval: 15 + rand() * 45, nextT: start + rand() * 60_000, te: 0, tn: 0, speed: 10, hotspot: null, lingerUntil: 0,
    };
    pickDestination(d, start);
    devices.push(d);
  }
  const out = createWriteStream(file);
  let buf = 'device_id,timestamp,latitude,longitude\n';
  let bytes = 0, written = 0, held = null as string | null; // assigned in the closure: no narrowing to null
  let dayKey = -1, dayPrefix = '';
  const emit = (line: string) => {
    if (held !== null) { buf += line; buf += held; held = null; written += 2; return; }
    if (rand() < 0.01 && written < fixes - 2) { held = line; return; }
    buf += line; written++;
    if (rand() < 0.005 && written < fixes) { buf += line; written++; }
  };
  let stepEnd = start;
  while (written < fixes) {
    stepEnd += 60_000;
    for (const d of devices) {
      while (d.nextT < stepEnd && written < fixes) {
        const t = d.nextT;
        const dtSec = d.meanInterval * (0.8 + rand() * 0.4);
        d.nextT = t + Math.round(dtSec) * 1000;
        // Move for the time since the last fix.
        if (d.lingerUntil > 0) {
          const h = d.hotspot!;
          d.e = h.centre.e + (rand() - 0.5) * (CELL - 20);
          d.n = h.centre.n + (rand() - 0.5) * (CELL - 20);
          if (t >= d.lingerUntil) pickDestination(d, t);
        } else {
          let step = d.speed * dtSec;
          const dx = d.te - d.e;
          if (dx !== 0) { const m = Math.min(Math.abs(dx), step); d.e += Math.sign(dx) * m; step -= m; }
          const dy = d.tn - d.n;
          if (step > 0 && dy !== 0) { const m = Math.min(Math.abs(dy), step); d.n += Math.sign(dy) * m; }
          if (d.e === d.te && d.n === d.tn) {
            if (d.hotspot) d.lingerUntil = t + (10 + rand() * 10) * 60_000;
            else pickDestination(d, t);
          }
        }
        const [lon, lat] = bngToLonLat(d.e + (rand() - 0.5) * 6, d.n + (rand() - 0.5) * 6);
        const sec = Math.floor(t / 1000);
        const day = Math.floor(sec / 86400);
        if (day !== dayKey) { dayKey = day; dayPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11); }
        const s = sec - day * 86400;
        emit(`${d.id},${dayPrefix}${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}Z,${lat.toFixed(6)},${lon.toFixed(6)}\n`);
      }
    }
    if (buf.length > 1 << 20) {
      bytes += buf.length;
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  if (held !== null) { buf += held; written++; }
  bytes += buf.length;
  out.end(buf);
  await once(out, 'finish');
  return { bytes, devices: deviceCount, days: Math.ceil((stepEnd - start) / 86_400_000) };
}
