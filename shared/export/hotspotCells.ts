import { bngToLonLat } from '../geo/bng';
import { squareRing } from '../hotspots/bngGrid';
import { classLabel } from '../hotspots/classify';
import { hexRing } from '../hotspots/hexGrid';
import type { HotspotResult } from '../hotspots/runHotspotAnalysis';
import { toCsv } from '../csv/csvWrite';

const HEADER = ['cell_id', 'easting', 'northing', 'ward_code', 'count', 'harm', 'gi_z', 'p', 'p_fdr', 'class', 'kde_density'];

const num = (x: number, digits: number) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
/** p-values by significant digits: a 1e-12 p must not print as 0 (it would read as "certain"). */
const sig = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);

/**
 * One row per study-area cell (zeros included), led by `# ` lines stating scheme, period,
 * cell size, neighbourhood and correction so the file explains itself in a spreadsheet.
 */
export function hotspotCellsCsv(r: HotspotResult): string {
  const c = r.cells;
  const rows = [];
  for (let k = 0; k < c.n; k++) {
    rows.push([
      c.ids[k]!, num(c.cx[k]!, 1), num(c.cy[k]!, 1), c.areaCode[k]!, c.count[k]!, num(c.harm[k]!, 4),
      num(c.z[k]!, 6), sig(c.p[k]!), sig(c.pFdr[k]!), classLabel(c.cls[k]!), c.kde ? num(c.kde[k]!, 4) : null,
    ]);
  }
  return toCsv(HEADER, rows, r.methodLines);
}

/** Cell polygons in WGS84 with the same fields; the method goes in a top-level `metadata` member. */
export function hotspotCellsGeoJson(r: HotspotResult): string {
  const c = r.cells;
  const features = [];
  for (let k = 0; k < c.n; k++) {
    const ring = c.shape === 'square' ? squareRing(c.size, c.ci[k]!, c.cj[k]!) : hexRing(c.size, c.ci[k]!, c.cj[k]!);
    features.push({
      type: 'Feature',
      id: c.ids[k]!,
      properties: {
        cell_id: c.ids[k]!, easting: num(c.cx[k]!, 1), northing: num(c.cy[k]!, 1), ward_code: c.areaCode[k]!,
        count: c.count[k]!, harm: num(c.harm[k]!, 4), gi_z: num(c.z[k]!, 6), p: sig(c.p[k]!), p_fdr: sig(c.pFdr[k]!),
        class: classLabel(c.cls[k]!), kde_density: c.kde ? num(c.kde[k]!, 4) : null,
      },
      geometry: { type: 'Polygon', coordinates: [ring.map(([e, n]) => bngToLonLat(e, n).map((v) => Number(v.toFixed(7))))] },
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', metadata: { method: r.method, methodLines: r.methodLines, warnings: r.warnings }, features });
}
