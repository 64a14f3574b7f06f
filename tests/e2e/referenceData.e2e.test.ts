import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lonLatToBng } from '../../shared/geo/bng';
import { useApp, wardTableTotal } from './browser';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-ref-'));
type Ring = number[][];
const wards = JSON.parse(readFileSync('fixtures/wy_wards_2025_bgc.geojson', 'utf8')) as { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };

describe('reference data: another boundary layer and a population table', () => {
  const app = useApp();
  beforeAll(async () => {
    await app.page.getByRole('tab', { name: 'Imports' }).click();
  });

  it('loads population per ward and shows harm per 1,000 residents', async () => {
    const rows = ['WD25CD,Population', ...wards.features.map((f, i) => `${String(f.properties.WD25CD)},${10000 + i}`), 'E05999999,5000'];
    const file = path.join(dir, 'population.csv');
    writeFileSync(file, rows.join('\n'));
    await app.page.getByLabel('Population CSV').setInputFiles(file);
    const report = app.page.getByRole('status', { name: 'Population report' });
    await expect.poll(() => report.textContent()).toContain('124 wards updated; 0 wards without a figure; 1 codes not in the ward layer');
    await app.page.getByRole('tab', { name: 'Wards' }).click();
    // Headers carry a sort arrow after their name.
    await expect.poll(async () => (await app.page.getByRole('table', { name: 'Wards', exact: true }).getByRole('columnheader').allTextContents()).some((h) => h.startsWith('Per 1,000'))).toBe(true);
    await app.page.getByRole('tab', { name: 'Imports' }).click();
  });

  it('loads a ward layer given in British National Grid, reporting the invalid feature by index', async () => {
    const picked = wards.features.filter((f) => f.geometry.type === 'Polygon').slice(0, 3);
    const toBng = (ring: Ring) => ring.map(([lon, lat]) => lonLatToBng(lon!, lat!).map((v) => Math.round(v * 10) / 10));
    const features = picked.map((f) => ({
      type: 'Feature',
      properties: { WD25CD: f.properties.WD25CD, WD25NM: f.properties.WD25NM, LAD25CD: f.properties.LAD25CD, LAD25NM: f.properties.LAD25NM },
      geometry: { type: 'Polygon', coordinates: (f.geometry.coordinates as Ring[]).map(toBng) },
    }));
    // A bow-tie: self-intersecting, so not a valid polygon.
    features.push({ type: 'Feature', properties: { WD25CD: 'E05999998', WD25NM: 'Broken', LAD25CD: 'X', LAD25NM: 'X' }, geometry: { type: 'Polygon', coordinates: [[[410000, 430000], [411000, 431000], [411000, 430000], [410000, 431000], [410000, 430000]]] } });
    const file = path.join(dir, 'wards-bng.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    await app.page.getByLabel('Boundaries GeoJSON').setInputFiles(file);
    const report = app.page.getByRole('status', { name: 'Boundaries report' });
    await expect.poll(() => report.textContent()).toContain('3 of 4 areas loaded');
    await expect(report.textContent()).resolves.toContain('British National Grid');
    await expect(report.locator('li').first().textContent()).resolves.toMatch(/^feature 3 \(E05999998\): /);
    const text = (await report.textContent())!;
    const m = /(\d+) records re-placed in the new areas: (\d+) changed ward, (\d+) now outside every area/.exec(text);
    // Every stored record is looked at: the demo's 77,500 crimes and 1,312 stop and searches.
    expect(m?.[1]).toBe('78812');
    await app.page.getByRole('tab', { name: 'Wards' }).click();
    await expect.poll(() => app.page.getByRole('table', { name: 'Wards', exact: true }).locator('tr.ward-row').count()).toBe(3);
    // Every crime is in one of the three wards, counted as outside, or has no location (1,271 in the demo):
    // none is lost or double counted.
    const legend = app.page.getByRole('complementary', { name: 'Legend' });
    await expect.poll(async () => {
      const ex = /excluded: (\d+) outside the force area, (\d+) with no ward/.exec((await legend.textContent()) ?? '');
      return ex ? (await wardTableTotal(app.page)) + Number(ex[1]) + Number(ex[2]) : null;
    }).toBe(77500);
    await expect.poll(async () => /excluded: \d+ outside the force area, (\d+) with no ward/.exec((await legend.textContent()) ?? '')?.[1]).toBe('1271');
  });

  it('raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
