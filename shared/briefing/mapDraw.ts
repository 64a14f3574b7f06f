import { fitView, type LonLatBox, type MapView, type Pt } from '../basemap/mapView';
import type { TileSource } from '../basemap/tileSource';
import { buildVectorMap, type Box, type MapOp, type VectorMap } from '../basemap/vectorMap';
import { PLAN_COLOURS } from '../legend/classes';
import type { PlanHotspot } from '../patrols/types';

/** Strong, print-safe hotspot colour (and legible in greyscale as the darkest line); see PLAN_COLOURS. */
export const HOTSPOT_COLOUR = PLAN_COLOURS.printedHotspot;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

export interface DrawnMap {
  view: MapView;
  map: VectorMap;
}

/**
 * Draws one map into the page rectangle (x, y, w, h): the basemap, the hotspots' outlines with
 * their rank badges, a scale bar, a north arrow and the basemap attribution. `focus` is the
 * box the view must fit; every hotspot passed is drawn (neighbours show on detail maps too).
 */
export async function drawMap(
  doc: PDFKit.PDFDocument,
  rect: { x: number; y: number; w: number; h: number },
  focus: LonLatBox,
  hotspots: PlanHotspot[],
  tiles: TileSource,
  opts: { margin: number; minSpanMetres: number; badgeRadius: number },
): Promise<DrawnMap> {
  const view = fitView(focus, rect.w, rect.h, opts.margin, opts.minSpanMetres);
  const outlines = hotspots.map((h) => ({ h, rings: ringsOf(h.geometry).map((r) => r.map(([lon, lat]) => view.project(lon, lat))) }));
  const badges = placeBadges(outlines, view, opts.badgeRadius);
  const scale = scaleBar(view.metresPerPoint, Math.min(110, rect.w * 0.3));
  const attribution = tiles.attribution;
  doc.font(FONT).fontSize(6.5);
  const attrW = doc.widthOfString(attribution) + 8;
  const reserved: Box[] = [
    ...badges.map((b) => ({ x: b.x - b.r - 2, y: b.y - b.r - 2, w: 2 * b.r + 4, h: 2 * b.r + 4 })),
    { x: 0, y: rect.h - 26, w: scale.width + doc.fontSize(7).widthOfString(scale.label) + 24, h: 26 },
    { x: rect.w - attrW - 2, y: rect.h - 14, w: attrW + 2, h: 14 },
    { x: rect.w - 34, y: 0, w: 34, h: 44 },
  ];
  const measure = (text: string, size: number, bold: boolean) => doc.font(bold ? BOLD : FONT).fontSize(size).widthOfString(text);
  const map = await buildVectorMap({ tiles, view, measure, avoid: reserved });

  doc.save();
  doc.translate(rect.x, rect.y);
  doc.rect(0, 0, rect.w, rect.h).clip();
  doc.rect(0, 0, rect.w, rect.h).fill(map.background);
  drawOps(doc, map.ops.filter((o) => o.kind !== 'label'));

  // Outlines over the streets but under the names, with a pale tint so streets stay readable.
  for (const { rings } of outlines) {
    pathRings(doc, rings);
    doc.fillOpacity(0.14).fill(HOTSPOT_COLOUR).fillOpacity(1);
  }
  for (const { rings } of outlines) {
    const edges = outerEdges(rings);
    pathEdges(doc, edges);
    doc.lineWidth(2.6).lineJoin('round').lineCap('round').strokeColor('#ffffff').strokeOpacity(0.9).stroke().strokeOpacity(1);
    pathEdges(doc, edges);
    doc.lineWidth(1.6).strokeColor(HOTSPOT_COLOUR).stroke();
  }
  drawOps(doc, map.ops.filter((o) => o.kind === 'label'));
  for (const b of badges) {
    if (b.leader) {
      doc.moveTo(b.leader[0], b.leader[1]).lineTo(b.x, b.y).lineWidth(0.8).strokeColor(HOTSPOT_COLOUR).stroke();
    }
    doc.circle(b.x, b.y, b.r).lineWidth(1).fillColor(HOTSPOT_COLOUR).strokeColor('#ffffff').fillAndStroke();
    const size = b.r * 1.15;
    doc.font(BOLD).fontSize(size).fillColor('#ffffff');
    const tw = doc.widthOfString(b.label);
    doc.text(b.label, b.x - tw / 2, b.y - size * 0.36, { lineBreak: false });
  }
  drawScaleBar(doc, 8, rect.h - 10, scale);
  drawNorthArrow(doc, rect.w - 18, 8);
  doc.rect(rect.w - attrW, rect.h - 11, attrW, 11).fillOpacity(0.85).fill('#ffffff').fillOpacity(1);
  doc.font(FONT).fontSize(6.5).fillColor('#333333').text(attribution, rect.w - attrW + 4, rect.h - 8.5, { lineBreak: false });
  doc.restore();
  doc.rect(rect.x, rect.y, rect.w, rect.h).lineWidth(0.75).strokeColor('#555555').stroke();
  return { view, map };
}

function ringsOf(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): [number, number][][] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.flat().map((ring) => ring.map((p) => [p[0] ?? 0, p[1] ?? 0] as [number, number]));
}

function pathRings(doc: PDFKit.PDFDocument, rings: Pt[][]): void {
  for (const ring of rings) {
    ring.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
    doc.closePath();
  }
}

/**
 * The edges of a multi-cell hotspot that are not shared by two of its cells: officers see one
 * area to patrol, not a grid. Cells made from the same lattice corners share exact vertices.
 */
export function outerEdges(rings: Pt[][]): [Pt, Pt][] {
  const key = (a: Pt, b: Pt) => (a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]) ? `${a[0]},${a[1]},${b[0]},${b[1]}` : `${b[0]},${b[1]},${a[0]},${a[1]}`);
  const count = new Map<string, number>();
  const edges: [Pt, Pt][] = [];
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const e: [Pt, Pt] = [ring[i - 1]!, ring[i]!];
      const k = key(...e);
      count.set(k, (count.get(k) ?? 0) + 1);
      edges.push(e);
    }
  }
  return edges.filter((e) => count.get(key(...e)) === 1);
}

function pathEdges(doc: PDFKit.PDFDocument, edges: [Pt, Pt][]): void {
  for (const [a, b] of edges) doc.moveTo(a[0], a[1]).lineTo(b[0], b[1]);
}

export function drawOps(doc: PDFKit.PDFDocument, ops: MapOp[]): void {
  for (const op of ops) {
    if (op.kind === 'area') {
      pathRings(doc, op.rings);
      doc.fillColor(op.fill).fill('even-odd');
    } else if (op.kind === 'line') {
      for (const line of op.lines) line.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
      doc.lineWidth(op.width).lineCap(op.dash ? 'butt' : 'round').lineJoin('round').strokeColor(op.color);
      if (op.dash) doc.dash(op.dash[0], { space: op.dash[1] });
      doc.stroke();
      if (op.dash) doc.undash();
    } else {
      doc.save();
      doc.font(op.bold ? BOLD : FONT).fontSize(op.size);
      const w = doc.widthOfString(op.text);
      doc.translate(op.x, op.y).rotate(op.angle);
      const tx = -w / 2;
      const ty = -op.size * 0.36;
      // A white halo keeps names legible over roads and outlines.
      doc.lineWidth(1.8).lineJoin('round').strokeColor(op.halo).fillColor(op.color);
      doc.text(op.text, tx, ty, { lineBreak: false, stroke: true, fill: false });
      doc.text(op.text, tx, ty, { lineBreak: false, stroke: false, fill: true });
      doc.restore();
    }
  }
}

interface Badge {
  label: string;
  x: number;
  y: number;
  r: number;
  leader: Pt | null;
}

/**
 * A numbered badge per hotspot: on the outline's centre when the outline is big enough to hold
 * it, else beside it (first free spot of eight) with a short leader line, so close hotspots
 * on a district map keep separate, readable numbers.
 */
function placeBadges(outlines: { h: PlanHotspot; rings: Pt[][] }[], view: MapView, r: number): Badge[] {
  const out: Badge[] = [];
  const sorted = [...outlines].sort((a, b) => a.h.rank - b.h.rank);
  for (const { h, rings } of sorted) {
    const [cx, cy] = view.project(h.centre.lon, h.centre.lat);
    const xs = rings.flat().map((p) => p[0]);
    const ys = rings.flat().map((p) => p[1]);
    const size = Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const label = String(h.rank);
    const free = (x: number, y: number) =>
      x > r + 2 && y > r + 2 && x < view.width - r - 2 && y < view.height - r - 30 && out.every((b) => Math.hypot(b.x - x, b.y - y) > b.r + r + 1);
    if (size > 4 * r && free(cx, cy)) {
      out.push({ label, x: cx, y: cy, r, leader: null });
      continue;
    }
    const dist = size / 2 + r + 4;
    let done = false;
    for (const step of [1, 1.8, 2.6, 3.4]) {
      for (let k = 0; k < 8 && !done; k++) {
        const a = (-45 + k * 45) * (Math.PI / 180);
        const x = cx + Math.cos(a) * dist * step;
        const y = cy + Math.sin(a) * dist * step;
        if (free(x, y)) {
          out.push({ label, x, y, r, leader: [cx, cy] });
          done = true;
        }
      }
      if (done) break;
    }
    if (!done) out.push({ label, x: cx, y: cy, r, leader: null });
  }
  return out;
}

interface ScaleBar {
  metres: number;
  width: number;
  label: string;
}

/** The longest round distance (1, 2, 2.5 or 5 x 10^k metres) that fits in `maxWidth` points. */
export function scaleBar(metresPerPoint: number, maxWidth: number): ScaleBar {
  const maxMetres = metresPerPoint * maxWidth;
  let best = 10;
  for (let p = 1; p <= 6; p++) {
    for (const m of [1, 2, 2.5, 5]) {
      const v = m * 10 ** p;
      if (v <= maxMetres) best = v;
    }
  }
  const label = best >= 1000 ? `${best / 1000} km` : `${best} m`;
  return { metres: best, width: best / metresPerPoint, label };
}

function drawScaleBar(doc: PDFKit.PDFDocument, x: number, baseline: number, s: ScaleBar): void {
  doc.font(FONT).fontSize(7);
  const lw = doc.widthOfString(s.label);
  doc.rect(x - 4, baseline - 13, s.width + lw + 16, 17).fillOpacity(0.85).fill('#ffffff').fillOpacity(1);
  doc.rect(x, baseline - 3, s.width / 2, 3).fill('#222222');
  doc.rect(x + s.width / 2, baseline - 3, s.width / 2, 3).fill('#ffffff');
  doc.rect(x, baseline - 3, s.width, 3).lineWidth(0.6).strokeColor('#222222').stroke();
  doc.fillColor('#222222').text('0', x - 1.5, baseline - 11.5, { lineBreak: false });
  doc.text(s.label, x + s.width + 4, baseline - 6, { lineBreak: false });
}

function drawNorthArrow(doc: PDFKit.PDFDocument, cx: number, top: number): void {
  doc.rect(cx - 11, top - 4, 22, 36).fillOpacity(0.85).fill('#ffffff').fillOpacity(1);
  doc.polygon([cx, top + 10], [cx - 6, top + 28], [cx, top + 23]).fill('#222222');
  doc.polygon([cx, top + 10], [cx + 6, top + 28], [cx, top + 23]).lineWidth(0.6).fillColor('#ffffff').strokeColor('#222222').fillAndStroke();
  doc.font(BOLD).fontSize(8).fillColor('#222222');
  doc.text('N', cx - doc.widthOfString('N') / 2, top - 1, { lineBreak: false });
}
