import type { MultiPolygon, Polygon } from 'geojson';
import { lonLatToBng } from './bng';

/** A WGS84 polygon's rings projected to BNG. */
export function projectRings(g: Polygon | MultiPolygon): Float64Array[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: Float64Array[] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      const flat = new Float64Array(ring.length * 2);
      ring.forEach((pt, k) => {
        const [e, n] = lonLatToBng(pt[0]!, pt[1]!);
        flat[2 * k] = e;
        flat[2 * k + 1] = n;
      });
      out.push(flat);
    }
  }
  return out;
}
