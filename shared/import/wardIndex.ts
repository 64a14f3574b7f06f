import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';
import type { ProjectDb as Database } from '../repository/db';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { readAreaGeometries } from '../repository/areas';
import { DEFAULT_LAYER } from '../areas/areaLayer';

let indexSeq = 0;

/** One area of a layer, as the index is built from it. */
export interface WardArea {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

interface Part {
  ward: number;
  polygon: Polygon;
}

/** "St. John's & Ossett" and "st johns and ossett" are the same ward to an analyst. */
export function normaliseWardName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[-\u2013\u2014/]/g, ' ')
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function ringBbox(ring: Position[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of ring) {
    const x = p[0]!, y = p[1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Point-in-ward lookup for a project's area layer: a flatbush index over polygon bounding
 * boxes narrows each point to a few candidates, then an exact point-in-polygon test decides.
 * When a point lies on a shared boundary, the ward that sorts first by code wins, so the
 * answer never depends on index order.
 */
export class WardIndex {
  readonly codes: string[];
  private readonly parts: Part[];
  private readonly index: Flatbush | null;
  private readonly byCodeSet: Set<string>;
  private readonly byName = new Map<string, string>();
  private readonly hits: number[] = [];

  /** A number for this index, unique in this thread: a thread that has built the same index keeps it by this. */
  readonly id = ++indexSeq;

  /** @param wards the layer's areas, kept as given (`source`) so another thread can build the same index */
  constructor(readonly source: readonly WardArea[]) {
    const wards = source;
    const sorted = [...wards].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.codes = sorted.map((w) => w.code);
    this.byCodeSet = new Set(this.codes);
    this.parts = [];
    sorted.forEach((w, ward) => {
      this.byName.set(normaliseWardName(w.name), w.code);
      const polys = w.geometry.type === 'Polygon' ? [w.geometry.coordinates] : w.geometry.coordinates;
      for (const coordinates of polys) {
        const outer = coordinates[0];
        if (!outer || outer.length < 4) continue;
        const polygon: Polygon = { type: 'Polygon', coordinates, bbox: ringBbox(outer) };
        this.parts.push({ ward, polygon });
      }
    });
    if (this.parts.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(this.parts.length);
    for (const p of this.parts) {
      const [a, b, c, d] = p.polygon.bbox as [number, number, number, number];
      index.add(a, b, c, d);
    }
    index.finish();
    this.index = index;
  }

  /** Loads a layer (default: wards) from the project; an empty layer gives an index that finds nothing. */
  static fromDb(db: Database, layer = DEFAULT_LAYER): WardIndex {
    const rows = readAreaGeometries(db, layer);
    return new WardIndex(rows.map((r) => ({ code: r.code, name: r.name, geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon })));
  }

  get size(): number {
    return this.codes.length;
  }

  /** The ward code containing the point, or null when it is outside every ward. */
  wardAt(lon: number, lat: number): string | null {
    if (!this.index) return null;
    const hits = this.hits;
    hits.length = 0;
    this.index.search(lon, lat, lon, lat, (i) => {
      hits.push(i);
      return false;
    });
    // Parts are stored in ward-code order, so testing candidates in index order and stopping at
    // the first hit gives the lowest code among the wards that contain the point.
    if (hits.length > 1) hits.sort((a, b) => a - b);
    const pt = [lon, lat];
    for (const i of hits) {
      const part = this.parts[i]!;
      if (booleanPointInPolygon(pt, part.polygon)) return this.codes[part.ward]!;
    }
    return null;
  }

  hasCode(code: string): boolean {
    return this.byCodeSet.has(code);
  }

  /** Resolves a ward given by code or by name (case, punctuation and "&"/"and" ignored). */
  resolve(codeOrName: string): string | null {
    const t = codeOrName.trim();
    if (this.byCodeSet.has(t)) return t;
    if (this.byCodeSet.has(t.toUpperCase())) return t.toUpperCase();
    return this.byName.get(normaliseWardName(t)) ?? null;
  }
}
