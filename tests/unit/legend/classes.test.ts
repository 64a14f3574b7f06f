import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HOTSPOT_COLOUR } from '../../../shared/briefing/mapDraw';
import { hotspotCellsCsv, hotspotCellsGeoJson } from '../../../shared/export/hotspotCells';
import { kdeRaster } from '../../../shared/export/kdeRaster';
import { trendCellsCsv, type TrendRun } from '../../../shared/export/trendCells';
import { classify, classLabel } from '../../../shared/hotspots/classify';
import type { HotspotResult } from '../../../shared/hotspots/runHotspotAnalysis';
import { TREND_LABELS as ANALYSIS_TREND_LABELS } from '../../../shared/hotspots/trends';
import {
  DELIVERY_BANDS, GI_CLASSES, GI_NOT_SIGNIFICANT, KDE_FLOOR, PLAN_CLASSES, PLAN_COLOURS, TREND_CLASSES, TREND_LABELS, WARD_RAMP, WARD_ZERO,
  deliveryColour, giClass, kdeCss, kdeRampColour, kdeShade, trendClass, trendClassByShort, withAlpha,
} from '../../../shared/legend/classes';
import { CLASS_NAMES } from '../../../renderer/map/CellPopup';
import { cellColourExpression, GI_COLOURS, TREND_COLOURS, wardColourExpression } from '../../../renderer/map/mapStyle';
import { GiLegend, KdeLegend, TrendLegend } from '../../../renderer/ui/GiLegend';
import { Legend } from '../../../renderer/ui/Legend';
import { BANDS, bandColour } from '../../../renderer/ui/patrols/DeliveryChart';

/** A maplibre `match` expression as a lookup: input value -> output, and the fallback. */
function matchTable(expr: unknown): { get(v: string | number): unknown } {
  const e = expr as unknown[];
  expect(e[0]).toBe('match');
  const pairs = new Map<unknown, unknown>();
  for (let i = 2; i < e.length - 1; i += 2) {
    expect(pairs.has(e[i])).toBe(false); // every key once
    pairs.set(e[i], e[i + 1]);
  }
  return { get: (v) => (pairs.has(v) ? pairs.get(v) : e[e.length - 1]) };
}

/** The legend's rows as [label, swatch colour], read from its markup. */
function legendRows(html: string): [string, string][] {
  return [...html.matchAll(/<li[^>]*><span class="swatch" style="background:([^"]+)"><\/span> ?(?:<!-- -->)?([^<]+)<\/li>/g)].map((m) => [m[2]!.trim(), m[1]!]);
}

/** Seven cells, one of each Gi* class code, as an analysis result the exports take. */
function everyGiClass(): HotspotResult {
  const codes = [3, 2, 1, 0, -1, -2, -3];
  const n = codes.length;
  const f = (v: number) => new Float64Array(n).fill(v);
  return {
    cells: {
      shape: 'square', size: 150, n, ids: codes.map((c) => `SQ150_E${420000 + 150 * (c + 3)}_N435000`),
      ci: Int32Array.from(codes, (c) => 2800 + c + 3), cj: new Int32Array(n).fill(2900),
      cx: Float64Array.from(codes, (c) => 420075 + 150 * (c + 3)), cy: f(435075), areaCode: codes.map(() => 'A'),
      count: f(1), harm: f(1), z: Float64Array.from(codes), p: f(0.001), pFdr: f(0.001), cls: Int8Array.from(codes), kde: null,
    },
    summary: {} as HotspotResult['summary'],
    method: {} as HotspotResult['method'],
    methodLines: ['scheme: count'],
    warnings: [],
    studyArea: { label: 'the force', districts: [], districtsWithData: [] },
  };
}

describe('one source for class keys, labels and colours', () => {
  it('Gi*: the map style, the legend, the popup, the CSV and the GeoJSON agree on every class', () => {
    const style = matchTable(cellColourExpression());
    const legend = legendRows(renderToStaticMarkup(createElement(GiLegend, { method: 'm' })));
    expect(legend).toEqual(GI_CLASSES.map((c) => [c.label, c.colour]));
    const r = everyGiClass();
    const csvRows = hotspotCellsCsv(r).split('\r\n').filter((l) => l.startsWith('SQ150'));
    const features = (JSON.parse(hotspotCellsGeoJson(r)) as { features: { properties: { class: string } }[] }).features;
    [3, 2, 1, 0, -1, -2, -3].forEach((code, k) => {
      const c = giClass(code);
      expect(c.code).toBe(code);
      expect(csvRows[k]!.split(',')[9]).toBe(c.short);
      expect(features[k]!.properties.class).toBe(c.short);
      expect(classLabel(code)).toBe(c.short);
      expect(CLASS_NAMES[code]).toBe(c.label);
      expect(style.get(c.key)).toBe(c.colour);
      if (code !== 0) expect(GI_COLOURS[c.key]).toBe(c.colour);
    });
    // Not significant is never drawn; the hand-made words are the ones analysts already read.
    expect(style.get(GI_NOT_SIGNIFICANT.key)).toBe('rgba(0,0,0,0)');
    expect(GI_CLASSES.map((c) => c.short)).toEqual(['hot 99%', 'hot 95%', 'hot 90%', 'cold 90%', 'cold 95%', 'cold 99%']);
    expect(GI_CLASSES.map((c) => c.colour)).toEqual(['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac']);
  });

  it('Gi*: the explanation of each class is the rule classify applies', () => {
    // z = +/-2 with p just under each cut-off lands in the class whose explanation names that cut-off.
    for (const c of GI_CLASSES) {
      const cut = Number(/p < ([\d.]+)/.exec(c.explanation)![1]);
      const got = classify(Float64Array.of(c.code > 0 ? 2 : -2), Float64Array.of(cut * 0.99))[0];
      expect(got).toBe(c.code);
      expect(classify(Float64Array.of(c.code > 0 ? 2 : -2), Float64Array.of(cut))[0]).not.toBe(c.code);
    }
  });

  it('trends: the map style, the legend, the tally swatches and the CSV agree on every class', () => {
    const style = matchTable(cellColourExpression());
    const legend = legendRows(renderToStaticMarkup(createElement(TrendLegend, { method: 'm' })));
    expect(legend).toEqual(TREND_CLASSES.map((c) => [c.label, c.colour]));
    expect(ANALYSIS_TREND_LABELS).toBe(TREND_LABELS);
    const codes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const run = {
      ids: codes.map((c) => `T${c}`), category: Uint8Array.from(codes), hotPeriods: new Uint16Array(10), coldPeriods: new Uint16Array(10),
      periods: [{ from: '2024-01', to: '2024-01' }], studyArea: 'the force', method: 'rules',
    } as unknown as TrendRun;
    const rows = trendCellsCsv(run, []).split('\r\n').filter((l) => l.startsWith('T'));
    codes.forEach((code, k) => {
      const c = trendClass(code);
      expect(c.code).toBe(code);
      expect(TREND_LABELS[code]).toBe(c.short);
      expect(rows[k]!.split(',')[1]).toBe(c.short);
      if (code === 0) return;
      expect(style.get(c.key)).toBe(c.colour);
      expect(TREND_COLOURS[c.key]).toBe(c.colour);
      // The tally table finds its swatch by the exported label.
      expect(trendClassByShort(c.short)).toBe(c);
    });
    // Gi* and trend classes share the cell layer: their keys must not collide.
    const keys = [...GI_CLASSES, ...TREND_CLASSES].map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('KDE: the raster and the legend use the same ramp', () => {
    // One cell at the peak and one at a quarter of it: ramp positions 1 and 0.5.
    const f = (a: number[]) => Float64Array.from(a);
    const r = kdeRaster({
      shape: 'square', size: 150, n: 2, ids: ['a', 'b'], ci: Int32Array.of(0, 1), cj: Int32Array.of(0, 0),
      cx: f([0, 0]), cy: f([0, 0]), areaCode: ['', ''], count: f([0, 0]), harm: f([0, 0]), z: f([0, 0]), p: f([0, 0]), pFdr: f([0, 0]),
      cls: Int8Array.of(0, 0), kde: f([4, 1]),
    })!;
    expect(Array.from(r.rgba.slice(0, 3))).toEqual(kdeRampColour(kdeShade(1)));
    expect(Array.from(r.rgba.slice(4, 7))).toEqual(kdeRampColour(kdeShade(0.25)));
    const html = renderToStaticMarkup(createElement(KdeLegend, { max: 4, method: 'm' }));
    // The gradient runs from the faintest drawn share to the peak, in the raster's colours and opacity.
    expect(html).toContain(`${kdeCss(kdeShade(KDE_FLOOR))} 0%`);
    expect(html).toContain(`${kdeCss(1)} 100%`);
    expect(kdeCss(1)).toBe(`rgba(84, 39, 143, ${(r.rgba[3]! / 255).toFixed(2)})`);
  });

  it('wards: the map style and the legend use the same ramp and zero colour', () => {
    const style = matchTable(wardColourExpression());
    expect(style.get(WARD_ZERO.code)).toBe(WARD_ZERO.colour);
    WARD_RAMP.forEach((colour, i) => expect(style.get(i)).toBe(colour));
    const html = renderToStaticMarkup(createElement(Legend, { title: 't', breaks: [1, 2, 3, 4, 5], method: 'm' }));
    const swatches = [...html.matchAll(/background:([^"]+)"/g)].map((m) => m[1]);
    expect(swatches).toEqual([WARD_ZERO.colour, ...WARD_RAMP]);
  });

  it('patrol plans and delivery: the map, the briefing and the chart read the same colours', () => {
    expect(PLAN_COLOURS.candidate).toBe(giClass(3).colour);
    expect(HOTSPOT_COLOUR).toBe(PLAN_COLOURS.printedHotspot);
    expect(PLAN_CLASSES.map((c) => c.muted)).toEqual(['rgba(59,59,214,0.35)', 'rgba(178,24,43,0.18)']);
    expect(withAlpha('#b2182b', 0.18)).toBe('rgba(178,24,43,0.18)');
    expect(BANDS).toEqual(DELIVERY_BANDS.map((b) => [b.below, b.colour, b.label]));
    for (const [pct, want] of [[0, '#d73027'], [49.9, '#d73027'], [50, '#fdae61'], [89.9, '#fdae61'], [90, '#1a9850'], [150, '#1a9850']] as const) {
      expect(bandColour(pct)).toBe(want);
      expect(deliveryColour(pct)).toBe(want);
    }
    expect(bandColour(null)).toBe('#9aa5b1');
  });
});
