import { describe, expect, it } from 'vitest';
import { diskTileSource } from '../../../cli/diskTiles';
import { bngBoxToLonLat, boxOfGeometries, fitView, mercatorX, mercatorY } from '../../../shared/basemap/mapView';
import { urlTileSource } from '../../../shared/basemap/tileSource';
import { buildVectorMap, chooseZoom, labelQuad, quadsOverlap, type MapOp } from '../../../shared/basemap/vectorMap';
import { outerEdges, scaleBar } from '../../../shared/briefing/mapDraw';
import { testPlan } from './testPlan';

type Label = Extract<MapOp, { kind: 'label' }>;
type Line = Extract<MapOp, { kind: 'line' }>;
const measure = (text: string, size: number, bold: boolean) => text.length * size * (bold ? 0.6 : 0.5);

describe('vector basemap for print', () => {
  it('draws the streets around the Briggate hotspot from the bundled tiles, with their names', async () => {
    const briggate = testPlan().hotspots[0]!;
    const view = fitView(boxOfGeometries([briggate.geometry])!, 380, 240, 30, 420);
    const map = await buildVectorMap({ tiles: diskTileSource(), view, measure });
    expect(map.zoom).toBe(14);
    expect(map.tilesRead).toBeGreaterThan(0);
    expect(map.tilesMissing).toBe(0);
    const roads = map.ops.filter((o): o is Line => o.kind === 'line' && o.layer === 'road');
    expect(roads.map((r) => r.cls)).toEqual(expect.arrayContaining(['trunk', 'tertiary', 'minor', 'pedestrian']));
    // Major roads are drawn wider than minor ones.
    const width = (cls: string) => roads.find((r) => r.cls === cls)!.width;
    expect(width('trunk')).toBeGreaterThan(width('minor'));
    const streets = map.ops.filter((o): o is Label => o.kind === 'label' && o.layer === 'street').map((l) => l.text);
    expect(streets).toEqual(expect.arrayContaining(['Briggate', 'Boar Lane', 'Vicar Lane']));
    expect(map.ops.some((o) => o.kind === 'area' && o.layer === 'building')).toBe(true);
  });

  it('never lets two names overlap, and keeps them off the reserved boxes and inside the frame', async () => {
    const plan = testPlan();
    const leeds = plan.hotspots.filter((h) => h.districtName === 'Leeds');
    const view = fitView(boxOfGeometries(leeds.map((h) => h.geometry))!, 770, 440, 36, 800);
    const reserved = { x: 0, y: 400, w: 200, h: 40 };
    const map = await buildVectorMap({ tiles: diskTileSource(), view, measure, avoid: [reserved] });
    const labels = map.ops.filter((o): o is Label => o.kind === 'label');
    expect(labels.length).toBeGreaterThan(20);
    const quads = labels.map((l) => labelQuad(l.x, l.y, measure(l.text, l.size, l.bold) + 4, l.size * (l.layer === 'place' ? 1.3 : 1.25), l.angle));
    for (let i = 0; i < quads.length; i++) {
      for (let j = i + 1; j < quads.length; j++) expect(quadsOverlap(quads[i]!, quads[j]!), `${labels[i]!.text} / ${labels[j]!.text}`).toBe(false);
      expect(quadsOverlap(quads[i]!, labelQuad(100, 420, 200, 40, 0))).toBe(false);
      for (const [x, y] of quads[i]!) expect(x >= 0 && x <= 770 && y >= 0 && y <= 440).toBe(true);
    }
    // Labels always read left to right.
    expect(labels.every((l) => l.angle >= -90 && l.angle <= 90)).toBe(true);
  });

  it('projects a hotspot to the middle of a view fitted to it, and picks coarser tiles for wider views', () => {
    const h = testPlan().hotspots[2]!;
    const view = fitView(boxOfGeometries([h.geometry])!, 400, 300, 20, 400);
    const [x, y] = view.project(h.centre.lon, h.centre.lat);
    expect(x).toBeCloseTo(200, 0);
    expect(y).toBeCloseTo(150, 0);
    // 400 m across 360 points: about 1.11 m a point at the frame's centre (the narrower side, 260 points, sets the scale).
    expect(view.metresPerPoint).toBeCloseTo(400 / 260, 1);
    expect(chooseZoom(view, 14)).toBe(14);
    const wide = fitView({ west: -1.8, south: 53.7, east: -1.4, north: 53.9 }, 770, 440);
    expect(chooseZoom(wide, 14)).toBeLessThan(13);
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
  });

  it('turns a BNG box into the WGS84 box around it', () => {
    const h = testPlan().hotspots[1]!; // one 150 m cell
    const box = bngBoxToLonLat({ minE: h.centre.e - 75, minN: h.centre.n - 75, maxE: h.centre.e + 75, maxN: h.centre.n + 75 });
    expect(box.west).toBeLessThan(h.centre.lon);
    expect(box.east).toBeGreaterThan(h.centre.lon);
    expect(box.south).toBeLessThan(h.centre.lat);
    expect(box.north).toBeGreaterThan(h.centre.lat);
    // 150 m is about 0.00135 degrees of latitude.
    expect(box.north - box.south).toBeCloseTo(0.00135, 4);
  });

  it('outlines two touching cells as one area (the shared edge is not drawn)', () => {
    const a: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const b: [number, number][] = [[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]];
    const edges = outerEdges([a, b]);
    expect(edges).toHaveLength(6);
    expect(edges.some(([p, q]) => p[0] === 10 && q[0] === 10)).toBe(false);
  });

  it('scale bars use a round length that fits', () => {
    expect(scaleBar(2, 110)).toEqual({ metres: 200, width: 100, label: '200 m' });
    expect(scaleBar(30, 110)).toEqual({ metres: 2500, width: 2500 / 30, label: '2.5 km' });
  });
});

describe('urlTileSource', () => {
  it('reads tiles beside the page, treats 404 as no tile and any other failure as an error', async () => {
    const asked: string[] = [];
    const fake = (async (url: string) => {
      asked.push(url);
      if (url.endsWith('/14/1/2.pbf')) return new Response(new Uint8Array([1, 2, 3]));
      if (url.endsWith('/14/9/9.pbf')) return new Response('', { status: 500 });
      return new Response('', { status: 404 });
    }) as unknown as typeof fetch;
    const src = urlTileSource('basemap/tiles/', fake);
    expect(src.attribution).toBe('© OpenStreetMap contributors, © OpenMapTiles');
    expect(src.maxZoom).toBe(14);
    expect(await src.get(14, 1, 2)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await src.get(14, 5, 5)).toBeNull();
    await expect(src.get(14, 9, 9)).rejects.toThrow('Cannot read basemap tile 14/9/9 from basemap/tiles/14/9/9.pbf: HTTP 500.');
    expect(asked[0]).toBe('basemap/tiles/14/1/2.pbf');
  });
});
