import { kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Why a feature cannot be an area, or null when it can. Checks what breaks point-in-polygon
 * and area sums later: non-polygons, non-numeric or unclosed rings, rings too short to enclose
 * anything, and self-intersections (bow-ties), which make "inside" ambiguous.
 */
const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6);

/** Positions in messages are in the file's own coordinates, so the user can find them there. */
export function polygonProblem(f: Feature | null | undefined): string | null {
  const g = f?.geometry;
  if (!g) return 'has no geometry';
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return `is a ${g.type}, not a Polygon or MultiPolygon`;
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polys) || polys.length === 0) return 'has no coordinates';
  for (let p = 0; p < polys.length; p++) {
    const rings = polys[p]!;
    const where = g.type === 'MultiPolygon' ? `polygon ${p + 1}, ` : '';
    if (!Array.isArray(rings) || rings.length === 0) return `${where}has no rings`;
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r]!;
      const name = `${where}${r === 0 ? 'outer ring' : `hole ${r}`}`;
      if (!Array.isArray(ring) || ring.length < 4) return `${name} has ${Array.isArray(ring) ? ring.length : 0} positions; a closed ring needs at least 4`;
      for (const pos of ring) {
        if (!Array.isArray(pos) || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1])) return `${name} has a non-numeric position`;
      }
      const a = ring[0]!, b = ring[ring.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) return `${name} is not closed (first position ${a[0]},${a[1]} differs from last ${b[0]},${b[1]})`;
    }
    const k = kinks({ type: 'Polygon', coordinates: rings });
    const first = k.features[0]?.geometry.coordinates;
    if (first) return `${where}self-intersects near ${fmt(first[0]!)},${fmt(first[1]!)}`;
  }
  return null;
}

export function isAreaGeometry(g: unknown): g is Polygon | MultiPolygon {
  const t = (g as { type?: string } | null)?.type;
  return t === 'Polygon' || t === 'MultiPolygon';
}
