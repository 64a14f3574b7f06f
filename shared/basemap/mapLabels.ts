import type { MapView, Pt } from './mapView';
import type { Box, MapOp, TextMeasure } from './vectorMap';
import { round2 } from './mapView';

/**
 * Street and place names for the briefing map: where each fits along its road or at its
 * place without covering another label, the scale bar or the page edge.
 */

export const PLACE_SIZES: Record<string, { size: number; bold: boolean; minZoom: number }> = {
  city: { size: 11, bold: true, minZoom: 0 },
  town: { size: 10, bold: true, minZoom: 0 },
  suburb: { size: 8, bold: true, minZoom: 11 },
  village: { size: 8, bold: true, minZoom: 11 },
  quarter: { size: 7.5, bold: false, minZoom: 13 },
  neighbourhood: { size: 7, bold: false, minZoom: 14 },
  locality: { size: 7, bold: false, minZoom: 14 },
  hamlet: { size: 7, bold: false, minZoom: 14 },
};

export function polylineLength(line: Pt[]): number {
  let s = 0;
  for (let i = 1; i < line.length; i++) s += Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1]);
  return s;
}

// --- label placement -------------------------------------------------------------------

export type Quad = [Pt, Pt, Pt, Pt];

export function boxQuad(b: Box): Quad {
  return [[b.x, b.y], [b.x + b.w, b.y], [b.x + b.w, b.y + b.h], [b.x, b.y + b.h]];
}

/** Rectangle of a label of width w and height h centred at (x, y), rotated by `deg`. */
export function labelQuad(x: number, y: number, w: number, h: number, deg: number): Quad {
  const a = (deg * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const corner = (dx: number, dy: number): Pt => [x + dx * c - dy * s, y + dx * s + dy * c];
  return [corner(-w / 2, -h / 2), corner(w / 2, -h / 2), corner(w / 2, h / 2), corner(-w / 2, h / 2)];
}

/** Separating-axis test for two convex quadrilaterals. */
export function quadsOverlap(a: Quad, b: Quad): boolean {
  for (const q of [a, b]) {
    for (let i = 0; i < 4; i++) {
      const p1 = q[i]!;
      const p2 = q[(i + 1) % 4]!;
      const nx = p2[1] - p1[1];
      const ny = p1[0] - p2[0];
      let minA = Infinity, maxA = -Infinity, minB = Infinity, maxB = -Infinity;
      for (const p of a) {
        const d = p[0] * nx + p[1] * ny;
        minA = Math.min(minA, d);
        maxA = Math.max(maxA, d);
      }
      for (const p of b) {
        const d = p[0] * nx + p[1] * ny;
        minB = Math.min(minB, d);
        maxB = Math.max(maxB, d);
      }
      if (maxA < minB || maxB < minA) return false;
    }
  }
  return true;
}

function fits(q: Quad, view: MapView, placed: Quad[], edge = 3): boolean {
  for (const [x, y] of q) if (x < edge || y < edge || x > view.width - edge || y > view.height - edge) return false;
  return !placed.some((p) => quadsOverlap(p, q));
}

function streetLabelSize(rank: number, displayZoom: number): number {
  const base = displayZoom >= 15.5 ? 6.5 : displayZoom >= 14.5 ? 6 : 5.5;
  return rank >= 6 ? base + 0.5 : base;
}

/**
 * Straight labels along the straightest stretch of each named road long enough for the text,
 * most important roads first. A name repeats only far from its last placement, so a long
 * road is named more than once but a short one never stutters.
 */
export function placeStreetNames(
  candidates: { text: string; rank: number; cls: string; line: Pt[]; length: number }[],
  view: MapView,
  z: number,
  measure: TextMeasure,
  placed: Quad[],
  out: MapOp[],
): void {
  const minRank = view.displayZoom >= 14.5 ? 3 : view.displayZoom >= 13 ? 5 : 6;
  const byName = new Map<string, Pt[]>();
  const sorted = candidates
    .filter((c) => c.rank >= minRank)
    .sort((a, b) => b.rank - a.rank || b.length - a.length || a.text.localeCompare(b.text));
  const repeatGap = Math.max(160, Math.min(view.width, view.height) * 0.45);
  for (const c of sorted) {
    const size = streetLabelSize(c.rank, view.displayZoom);
    const bold = false;
    const w = measure(c.text, size, bold) + 4;
    const h = size * 1.25;
    if (c.length < w) continue;
    for (const spot of labelSpots(c.line, w)) {
      const prev = byName.get(c.text) ?? [];
      if (prev.some(([px, py]) => Math.hypot(px - spot.x, py - spot.y) < repeatGap)) break;
      const q = labelQuad(spot.x, spot.y, w, h, spot.angle);
      if (!fits(q, view, placed)) continue;
      placed.push(q);
      byName.set(c.text, [...prev, [spot.x, spot.y]]);
      out.push({ kind: 'label', layer: 'street', cls: c.cls, text: c.text, x: round2(spot.x), y: round2(spot.y), angle: round2(spot.angle), size, bold, color: '#3a3a3a', halo: '#ffffff' });
      break;
    }
  }
  void z;
}

/** Candidate positions along a line for a label `w` long, nearest the middle of the line first. */
function labelSpots(line: Pt[], w: number): { x: number; y: number; angle: number }[] {
  const spots: { x: number; y: number; angle: number; score: number }[] = [];
  const cum: number[] = [0];
  for (let i = 1; i < line.length; i++) cum.push(cum[i - 1]! + Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1]));
  const total = cum[cum.length - 1] ?? 0;
  for (let i = 0; i < line.length - 1; i++) {
    let j = i + 1;
    while (j < line.length - 1 && cum[j]! - cum[i]! < w) j++;
    if (cum[j]! - cum[i]! < w) break;
    const a = line[i]!;
    const b = line[j]!;
    const chord = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (chord < w * 0.92) continue; // too bendy for straight text
    let maxDev = 0;
    for (let k = i + 1; k < j; k++) {
      const p = line[k]!;
      maxDev = Math.max(maxDev, Math.abs((b[0] - a[0]) * (a[1] - p[1]) - (a[0] - p[0]) * (b[1] - a[1])) / chord);
    }
    if (maxDev > 2) continue;
    let angle = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    const mid = (cum[i]! + cum[j]!) / 2;
    spots.push({ x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2, angle, score: Math.abs(mid - total / 2) });
  }
  return spots.sort((p, q) => p.score - q.score);
}

export function placePlaceNames(places: { text: string; cls: string; x: number; y: number }[], view: MapView, z: number, measure: TextMeasure, placed: Quad[], out: MapOp[]): void {
  const order = Object.keys(PLACE_SIZES);
  const seen = new Set<string>();
  const sorted = [...places].sort((a, b) => order.indexOf(a.cls) - order.indexOf(b.cls) || a.text.localeCompare(b.text) || a.x - b.x);
  for (const p of sorted) {
    if (seen.has(p.text)) continue;
    const spec = PLACE_SIZES[p.cls]!;
    // Wider views show only the bigger places; street-level views show neighbourhoods too.
    if (view.displayZoom < spec.minZoom - 1) continue;
    const text = spec.bold ? p.text.toUpperCase() : p.text;
    const w = measure(text, spec.size, spec.bold) + 4;
    const q = labelQuad(p.x, p.y, w, spec.size * 1.3, 0);
    if (!fits(q, view, placed)) continue;
    placed.push(q);
    seen.add(p.text);
    out.push({ kind: 'label', layer: 'place', cls: p.cls, text, x: round2(p.x), y: round2(p.y), angle: 0, size: spec.size, bold: spec.bold, color: '#6b6b6b', halo: '#ffffff' });
  }
  void z;
}

/** Mercator position of a lon/lat (exported for tests that check what a map covers). */
