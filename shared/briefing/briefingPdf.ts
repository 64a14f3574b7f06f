import { boxOfGeometries, type LonLatBox } from '../basemap/mapView';
import type { TileSource } from '../basemap/tileSource';
import type { PatrolPlan, PlanHotspot, Schedule, ScheduledVisit } from '../patrols/types';
import { guidanceLines, HANDLING_MARKING, longDate, NO_DISTRICT, periodText } from './briefingText';
import { drawMap, HOTSPOT_COLOUR } from './mapDraw';
import { newPdfDocument, pdfBytes } from './pdfDocument';

/**
 * The printed patrol briefing: per district, a map of its hotspots on the street basemap,
 * a street-level map of each hotspot, the hotspot table with its dosage, the schedule, the
 * guidance for officers and the plan's method lines. A4 landscape, so the maps are wide
 * enough to name streets. The same module runs in the CLI and in the app's worker.
 */
export async function renderBriefingPdf(input: {
  plan: PatrolPlan;
  schedule: Schedule;
  tiles: TileSource;
  /** districtName; null/undefined = one section per district, each starting on a new page. */
  district?: string | null;
  generatedAt?: string;
}): Promise<Uint8Array> {
  const { plan, schedule } = input;
  const tiles = memoTiles(input.tiles);
  const sections = districtSections(plan, input.district ?? null);
  const generatedAt = input.generatedAt ?? plan.createdAt;
  const created = new Date(generatedAt);
  if (Number.isNaN(created.getTime())) throw new Error(`Cannot date the briefing: "${generatedAt}" is not a date and time.`);

  const doc = newPdfDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: M.top, bottom: M.bottom, left: M.side, right: M.side },
    bufferPages: true,
    autoFirstPage: false,
    // Fixed dates make the file ID (a hash of the info) and so the bytes repeatable.
    info: {
      Title: `Patrol briefing: ${plan.name}${input.district ? ` (${input.district})` : ''}`,
      Author: 'Hotspot Planner',
      Subject: `Hotspot patrols ${periodText(plan)}. ${HANDLING_MARKING}`,
      Creator: 'Hotspot Planner',
      Producer: 'Hotspot Planner (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
    displayTitle: true,
    lang: 'en-GB',
  });
  const bytes = pdfBytes(doc);

  for (const s of sections) await writeSection(doc, plan, schedule, tiles, s, generatedAt);
  writeMarkings(doc);
  doc.end();
  return bytes;
}

/** Neighbouring hotspot maps share tiles: read each once per briefing. */
function memoTiles(src: TileSource): TileSource {
  const seen = new Map<string, Promise<Uint8Array | null>>();
  return {
    maxZoom: src.maxZoom,
    attribution: src.attribution,
    get(z, x, y) {
      const key = `${z}/${x}/${y}`;
      let p = seen.get(key);
      if (!p) {
        p = src.get(z, x, y);
        seen.set(key, p);
      }
      return p;
    },
  };
}

const PAGE = { w: 841.89, h: 595.28 };
const M = { top: 46, bottom: 46, side: 36 };
const CONTENT_W = PAGE.w - 2 * M.side;
const BOTTOM = PAGE.h - M.bottom;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#9a9a9a';

interface Section {
  district: string;
  hotspots: PlanHotspot[];
}

function districtSections(plan: PatrolPlan, only: string | null): Section[] {
  const groups = new Map<string, PlanHotspot[]>();
  for (const h of [...plan.hotspots].sort((a, b) => a.rank - b.rank)) {
    const key = h.districtName ?? NO_DISTRICT;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  const all = [...groups.entries()].map(([district, hotspots]) => ({ district, hotspots }));
  if (only === null) {
    if (all.length === 0) throw new Error(`Plan "${plan.name}" has no hotspots, so there is nothing to brief.`);
    return all;
  }
  const match = all.filter((s) => s.district === only);
  if (match.length === 0) {
    throw new Error(`Plan "${plan.name}" has no hotspots in district "${only}". Its districts are: ${all.map((s) => s.district).join(', ') || 'none'}.`);
  }
  return match;
}

async function writeSection(doc: PDFKit.PDFDocument, plan: PatrolPlan, schedule: Schedule, tiles: TileSource, s: Section, generatedAt: string): Promise<void> {
  const ids = new Set(s.hotspots.map((h) => h.id));
  const visits = schedule.visits
    .filter((v) => ids.has(v.hotspotId))
    .sort((a, b) => a.startUtc - b.startUtc || a.team.localeCompare(b.team) || a.hotspotId.localeCompare(b.hotspotId));

  // 1. District map.
  doc.addPage();
  let y = titleBlock(doc, plan, s, visits.length);
  const box = boxOfGeometries(s.hotspots.map((h) => h.geometry)) as LonLatBox;
  const mapH = BOTTOM - y - 14;
  await drawMap(doc, { x: M.side, y, w: CONTENT_W, h: mapH }, box, s.hotspots, tiles, { margin: 36, minSpanMetres: 800, badgeRadius: 8 });
  doc.font(FONT).fontSize(7.5).fillColor(MUTED);
  doc.text(
    `Red outlines: the ${s.hotspots.length} hotspot${s.hotspots.length === 1 ? '' : 's'} to patrol in ${s.district}, numbered by rank. Street-level maps of each hotspot follow.`,
    M.side, y + mapH + 4, { width: CONTENT_W, lineBreak: false },
  );

  // 2. Street-level map of each hotspot, four to a page.
  await hotspotMaps(doc, plan, s, tiles);

  // 3. Hotspot table, guidance, schedule, method.
  doc.addPage();
  y = heading(doc, `Hotspots in ${s.district}`, M.top);
  y = hotspotTable(doc, plan, schedule, s, visits, y);
  y = guidanceBox(doc, plan, y + 14);
  y = scheduleTable(doc, plan, schedule, s, visits, y + 16);
  methodBlock(doc, plan, tiles, generatedAt, y + 14);
}

function titleBlock(doc: PDFKit.PDFDocument, plan: PatrolPlan, s: Section, visitCount: number): number {
  let y = M.top;
  doc.font(BOLD).fontSize(18).fillColor(INK).text(`Patrol briefing: ${s.district}`, M.side, y, { width: CONTENT_W, lineBreak: false });
  y += 23;
  doc.font(FONT).fontSize(10).fillColor(INK);
  const d = plan.dosage;
  doc.text(
    `${plan.name}  |  Patrol period ${periodText(plan)}  |  ${s.hotspots.length} hotspot${s.hotspots.length === 1 ? '' : 's'}, ${d.visitsPerDay} visit${d.visitsPerDay === 1 ? '' : 's'} a day of about ${d.minutesPerVisit} minutes  |  ${visitCount} scheduled visit${visitCount === 1 ? '' : 's'}`,
    M.side, y, { width: CONTENT_W, lineBreak: false, ellipsis: true },
  );
  return y + 18;
}

function heading(doc: PDFKit.PDFDocument, text: string, y: number): number {
  doc.font(BOLD).fontSize(13).fillColor(INK).text(text, M.side, y, { width: CONTENT_W, lineBreak: false });
  return y + 20;
}

async function hotspotMaps(doc: PDFKit.PDFDocument, plan: PatrolPlan, s: Section, tiles: TileSource): Promise<void> {
  const cols = 2;
  const gap = 14;
  const cellW = (CONTENT_W - gap) / cols;
  const top = M.top;
  let cellH = 0;
  for (let i = 0; i < s.hotspots.length; i++) {
    const slot = i % 4;
    if (slot === 0) {
      doc.addPage();
      // One or two maps left get the full page height: bigger streets, same layout.
      cellH = s.hotspots.length - i <= 2 ? BOTTOM - top : (BOTTOM - top - gap) / 2;
    }
    const h = s.hotspots[i]!;
    const x = M.side + (slot % cols) * (cellW + gap);
    const y = top + Math.floor(slot / cols) * (cellH + gap);
    doc.circle(x + 8, y + 7, 8).fill(HOTSPOT_COLOUR);
    doc.font(BOLD).fontSize(9).fillColor('#ffffff');
    const label = String(h.rank);
    doc.text(label, x + 8 - doc.widthOfString(label) / 2, y + 3.6, { lineBreak: false });
    doc.font(BOLD).fontSize(10.5).fillColor(INK).text(h.name, x + 22, y + 1, { width: cellW - 22, lineBreak: false, ellipsis: true });
    doc.font(FONT).fontSize(7.5).fillColor(MUTED).text(
      `${h.wardName ?? 'Ward unknown'}  |  ${h.id}  |  grid ref ${Math.round(h.centre.e)} E, ${Math.round(h.centre.n)} N`,
      x + 22, y + 14, { width: cellW - 22, lineBreak: false, ellipsis: true },
    );
    const box = boxOfGeometries([h.geometry]) as LonLatBox;
    await drawMap(doc, { x, y: y + 26, w: cellW, h: cellH - 26 }, box, s.hotspots, tiles, { margin: 30, minSpanMetres: 420, badgeRadius: 7 });
  }
  void plan;
}

interface Column<T> {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  value: (row: T) => string;
  box?: boolean;
}

/** A ruled table that continues on new pages with its header repeated. */
function table<T>(doc: PDFKit.PDFDocument, cols: Column<T>[], rows: T[], y: number, opts: { size: number; rowH: number; continued: string; stripe?: (row: T, i: number) => boolean; ruleBefore?: (row: T, prev: T | undefined) => boolean }): number {
  const headH = opts.rowH + 4;
  const header = (yy: number) => {
    doc.rect(M.side, yy, CONTENT_W, headH).fill('#e6e6e6');
    let x = M.side;
    doc.font(BOLD).fontSize(opts.size).fillColor(INK);
    for (const c of cols) {
      doc.text(c.title, x + 4, yy + (headH - opts.size) / 2 + 0.5, cellText(c, opts.size));
      x += c.width;
    }
    doc.moveTo(M.side, yy + headH).lineTo(M.side + CONTENT_W, yy + headH).lineWidth(0.8).strokeColor(RULE).stroke();
    return yy + headH;
  };
  if (y + headH + opts.rowH > BOTTOM) {
    doc.addPage();
    y = M.top;
  }
  y = header(y);
  rows.forEach((row, i) => {
    if (y + opts.rowH > BOTTOM) {
      doc.addPage();
      doc.font(ITALIC).fontSize(8.5).fillColor(MUTED).text(opts.continued, M.side, M.top, { lineBreak: false });
      y = header(M.top + 14);
    }
    if (opts.stripe?.(row, i)) doc.rect(M.side, y, CONTENT_W, opts.rowH).fill('#f3f3f3');
    if (opts.ruleBefore?.(row, rows[i - 1]) && i > 0) doc.moveTo(M.side, y).lineTo(M.side + CONTENT_W, y).lineWidth(0.6).strokeColor(RULE).stroke();
    let x = M.side;
    doc.font(FONT).fontSize(opts.size).fillColor(INK);
    for (const c of cols) {
      if (c.box) {
        const side = opts.rowH - 6;
        doc.rect(x + (c.width - side) / 2, y + 3, side, side).lineWidth(0.7).strokeColor('#444444').stroke();
        doc.fillColor(INK);
      } else doc.text(c.value(row), x + 4, y + (opts.rowH - opts.size) / 2 + 0.5, cellText(c, opts.size));
      x += c.width;
    }
    y += opts.rowH;
  });
  doc.moveTo(M.side, y).lineTo(M.side + CONTENT_W, y).lineWidth(0.8).strokeColor(RULE).stroke();
  return y;
}

/** One line per cell: text too long for its column ends in an ellipsis instead of wrapping. */
function cellText<T>(c: Column<T>, size: number): PDFKit.Mixins.TextOptions {
  return { width: c.width - 8, height: size * 1.2, align: c.align ?? 'left', ellipsis: true };
}

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-GB');
}

function hotspotTable(doc: PDFKit.PDFDocument, plan: PatrolPlan, schedule: Schedule, s: Section, visits: ScheduledVisit[], y: number): number {
  const planned = new Map<string, number>();
  for (const v of visits) planned.set(v.hotspotId, (planned.get(v.hotspotId) ?? 0) + 1);
  const d = plan.dosage;
  const target = (h: PlanHotspot) => {
    const t = schedule.target.minutesPerHotspot[h.id];
    return t === undefined ? 'not set' : fmtInt(t);
  };
  const cols: Column<PlanHotspot>[] = [
    { title: 'Rank', width: 38, align: 'right', value: (h) => String(h.rank) },
    { title: 'Hotspot id', width: 150, value: (h) => h.id },
    { title: 'Name', width: 190, value: (h) => h.name },
    { title: 'Ward', width: 150, value: (h) => h.wardName ?? 'Ward unknown' },
    { title: 'Visits/day', width: 62, align: 'right', value: () => String(d.visitsPerDay) },
    { title: 'Min/visit', width: 62, align: 'right', value: () => String(d.minutesPerVisit) },
    { title: 'Planned', width: 58, align: 'right', value: (h) => fmtInt(planned.get(h.id) ?? 0) },
    { title: 'Target min', width: CONTENT_W - 710, align: 'right', value: target },
  ];
  const end = table(doc, cols, s.hotspots, y, { size: 9, rowH: 17, continued: `Hotspots in ${s.district} (continued)`, stripe: (_h, i) => i % 2 === 1 });
  doc.font(FONT).fontSize(7.5).fillColor(MUTED).text(
    `Target min: the patrol minutes asked for at each hotspot over the whole period (${periodText(plan)}), from the dosage settings and the patrol windows. Planned: the visits on the schedule below. Min/visit: the length of each visit.`,
    M.side, end + 4, { width: CONTENT_W },
  );
  return doc.y;
}

function guidanceBox(doc: PDFKit.PDFDocument, plan: PatrolPlan, y: number): number {
  const lines = guidanceLines(plan);
  const pad = 10;
  const textW = CONTENT_W - 2 * pad - 14;
  doc.font(FONT).fontSize(9.5);
  const heights = lines.map((l) => doc.heightOfString(l, { width: textW }) + 3);
  const h = pad * 2 + 16 + heights.reduce((a, b) => a + b, 0);
  if (y + h > BOTTOM) {
    doc.addPage();
    y = M.top;
  }
  doc.rect(M.side, y, CONTENT_W, h).fill('#fbf1f1');
  doc.rect(M.side, y, 4, h).fill(HOTSPOT_COLOUR);
  doc.font(BOLD).fontSize(11).fillColor(INK).text('How to patrol a hotspot', M.side + pad + 4, y + pad, { lineBreak: false });
  let ty = y + pad + 16;
  lines.forEach((l, i) => {
    doc.font(BOLD).fontSize(9.5).fillColor(HOTSPOT_COLOUR).text(`${i + 1}`, M.side + pad + 4, ty, { lineBreak: false });
    doc.font(FONT).fontSize(9.5).fillColor(INK).text(l, M.side + pad + 18, ty, { width: textW });
    ty += heights[i]!;
  });
  return y + h;
}

function scheduleTable(doc: PDFKit.PDFDocument, plan: PatrolPlan, schedule: Schedule, s: Section, visits: ScheduledVisit[], y: number): number {
  if (y + 80 > BOTTOM) {
    doc.addPage();
    y = M.top;
  }
  y = heading(doc, `Schedule: ${s.district}`, y);
  const rank = new Map(s.hotspots.map((h) => [h.id, h.rank]));
  if (visits.length === 0) {
    doc.font(FONT).fontSize(9.5).fillColor(INK).text(`No visits are scheduled in ${s.district} for ${periodText(plan)}.`, M.side, y, { width: CONTENT_W });
    y = doc.y;
  } else {
    const dayIndex = new Map<string, number>();
    for (const v of visits) if (!dayIndex.has(v.date)) dayIndex.set(v.date, dayIndex.size);
    const cols: Column<ScheduledVisit>[] = [
      { title: 'Date', width: 110, value: (v) => longDate(v.date) },
      { title: 'Start', width: 56, value: (v) => v.start },
      { title: 'Team', width: 110, value: (v) => v.team },
      { title: 'Hotspot', width: 52, align: 'right', value: (v) => String(rank.get(v.hotspotId) ?? '') },
      { title: 'Name', width: 190, value: (v) => v.hotspotName },
      { title: 'Ward', width: 150, value: (v) => v.wardName ?? '' },
      { title: 'Minutes', width: 56, align: 'right', value: (v) => String(v.minutes) },
      // An empty box for the officer to tick on the printed copy.
      { title: 'Done', width: CONTENT_W - 724, align: 'center', value: () => '', box: true },
    ];
    y = table(doc, cols, visits, y, {
      size: 9,
      rowH: 15,
      continued: `Schedule: ${s.district} (continued)`,
      // Days alternate in shade so each day's visits read as a block.
      stripe: (v) => (dayIndex.get(v.date) ?? 0) % 2 === 1,
      ruleBefore: (v, prev) => prev !== undefined && prev.date !== v.date,
    });
  }
  const shortfalls = schedule.shortfalls;
  if (shortfalls.length) {
    y += 8;
    doc.font(BOLD).fontSize(9).fillColor(HOTSPOT_COLOUR).text('The schedule cannot give every visit asked for:', M.side, y, { width: CONTENT_W });
    doc.font(FONT).fontSize(8.5).fillColor(INK);
    for (const f of shortfalls) doc.text(`- ${f}`, M.side, doc.y + 1, { width: CONTENT_W });
    y = doc.y;
  }
  return y;
}

function methodBlock(doc: PDFKit.PDFDocument, plan: PatrolPlan, tiles: TileSource, generatedAt: string, y: number): void {
  const lines = [
    ...plan.method,
    ...plan.warnings.map((w) => `warning: ${w}`),
    `briefing dated: ${generatedAt}`,
    `basemap: ${tiles.attribution} (OpenStreetMap data, Open Database Licence)`,
  ];
  doc.font(FONT).fontSize(6.5);
  const h = 12 + lines.reduce((s, l) => s + doc.heightOfString(l, { width: CONTENT_W }) + 0.5, 0);
  if (y + Math.min(h, 26) > BOTTOM) {
    doc.addPage();
    y = M.top;
  }
  doc.moveTo(M.side, y).lineTo(M.side + CONTENT_W, y).lineWidth(0.4).strokeColor(RULE).stroke();
  doc.font(BOLD).fontSize(7).fillColor(MUTED).text('How this plan was made', M.side, y + 3, { lineBreak: false });
  doc.font(FONT).fontSize(6.5).fillColor(MUTED);
  doc.y = y + 12;
  for (const l of lines) {
    if (doc.y + 8 > BOTTOM) {
      doc.addPage();
      doc.y = M.top;
    }
    doc.text(l, M.side, doc.y, { width: CONTENT_W, lineGap: 0.5 });
  }
}

/** The handling marking at the head and foot of every page, and "Page n of m". */
function writeMarkings(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(BOLD).fontSize(8).fillColor(INK);
    const markW = doc.widthOfString(HANDLING_MARKING);
    doc.text(HANDLING_MARKING, (PAGE.w - markW) / 2, 20, { lineBreak: false });
    doc.text(HANDLING_MARKING, M.side, PAGE.h - 28, { lineBreak: false });
    doc.font(FONT).fontSize(8).fillColor(INK);
    const page = `Page ${i + 1 - range.start} of ${range.count}`;
    doc.text(page, PAGE.w - M.side - doc.widthOfString(page), PAGE.h - 28, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
