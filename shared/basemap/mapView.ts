import { bngToLonLat } from '../geo/bng';

/**
 * The page view of a printed map: Web Mercator scaled to points, y down (as pdfkit draws).
 * Mercator keeps streets' angles true, which is what an officer reading the map needs; areas
 * are stretched by 1/cos(latitude), the same everywhere on a one-district map.
 */
export type Pt = [number, number];

export interface LonLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface MapView {
  /** Frame size in points. */
  width: number;
  height: number;
  /** Points per unit of the Mercator world square [0, 1]. */
  scale: number;
  /** Mercator centre of the frame. */
  cx: number;
  cy: number;
  /** Equivalent web-map zoom of the page scale (256 points per tile at zoom z). */
  displayZoom: number;
  /** Metres on the ground per point on the page, at the frame's centre. */
  metresPerPoint: number;
  project(lon: number, lat: number): Pt;
}

const EARTH_CIRCUMFERENCE = 40075016.686;

export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
  const r = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
}

function latOfMercatorY(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/**
 * The view that fits `box` in a width x height frame with `margin` points clear on every side.
 * A box smaller than `minSpanMetres` (one 150 m cell, say) is widened to it, so a lone
 * hotspot still shows the streets around it.
 */
export function fitView(box: LonLatBox, width: number, height: number, margin = 24, minSpanMetres = 400): MapView {
  const x0 = mercatorX(box.west);
  const x1 = mercatorX(box.east);
  const y0 = mercatorY(box.north);
  const y1 = mercatorY(box.south);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const lat = latOfMercatorY(cy);
  const metresPerUnit = EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180);
  const minSpan = minSpanMetres / metresPerUnit;
  const dx = Math.max(x1 - x0, minSpan);
  const dy = Math.max(y1 - y0, minSpan);
  const scale = Math.min((width - 2 * margin) / dx, (height - 2 * margin) / dy);
  return {
    width,
    height,
    scale,
    cx,
    cy,
    displayZoom: Math.log2(scale / 256),
    metresPerPoint: metresPerUnit / scale,
    project(lon, lat) {
      return [(mercatorX(lon) - cx) * scale + width / 2, (mercatorY(lat) - cy) * scale + height / 2];
    },
  };
}

/** The WGS84 box around any number of GeoJSON polygon outlines. */
export function boxOfGeometries(geoms: (GeoJSON.Polygon | GeoJSON.MultiPolygon)[]): LonLatBox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const g of geoms) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys) {
      for (const ring of poly) {
        for (const [lon, lat] of ring) {
          if (lon === undefined || lat === undefined) continue;
          west = Math.min(west, lon);
          east = Math.max(east, lon);
          south = Math.min(south, lat);
          north = Math.max(north, lat);
        }
      }
    }
  }
  return Number.isFinite(west) ? { west, south, east, north } : null;
}

/** The WGS84 box around a BNG box (all four corners, since grid north is not true north). */
export function bngBoxToLonLat(box: { minE: number; minN: number; maxE: number; maxN: number }): LonLatBox {
  const corners = [
    bngToLonLat(box.minE, box.minN),
    bngToLonLat(box.maxE, box.minN),
    bngToLonLat(box.maxE, box.maxN),
    bngToLonLat(box.minE, box.maxN),
  ];
  return {
    west: Math.min(...corners.map((c) => c[0])),
    south: Math.min(...corners.map((c) => c[1])),
    east: Math.max(...corners.map((c) => c[0])),
    north: Math.max(...corners.map((c) => c[1])),
  };
}

/** Page coordinates to 0.01 pt: enough for print, and stable bytes across runs. */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
