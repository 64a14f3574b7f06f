import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countColour, hexToRgb, pixel, screenshotPng, waitForMapIdle, useApp } from './browser';

interface WardProps { WD25CD: string; WD25NM: string; LONG: number; LAT: number }
const wards = (JSON.parse(readFileSync('fixtures/wy_wards_2025_bgc.geojson', 'utf8')) as { features: { properties: WardProps }[] }).features.map((f) => f.properties);

const BACKGROUND = hexToRgb('#eef1f4');
const SELECTED = hexToRgb('#d6007a');

type Probe = { selectedWard(): string | null; project(lon: number, lat: number): { x: number; y: number } };

describe('first screen: West Yorkshire wards on the map and in the table', () => {
  const app = useApp();

  it('lists the 124 wards with district and count, in a table named "Wards"', async () => {
    const table = app.page.getByRole('table', { name: 'Wards', exact: true });
    await expect(table.locator('tr.ward-row').count()).resolves.toBe(124);
    // The demo (police.uk, Aug-Nov 2014) has 76,204 records placed in a ward (tests/golden/demo_ward_counts.py):
    // the counts in the table add up to that, and no ward is empty.
    const counts = (await table.locator('tr.ward-row td:nth-child(3)').allTextContents()).map((c) => Number(c.replace(/,/g, '')));
    expect(counts.reduce((s, c) => s + c, 0)).toBe(76204);
    expect(Math.min(...counts)).toBe(126);
    await expect(table.getByRole('row', { name: /Baildon\s+Bradford/ }).count()).resolves.toBe(1);
  });

  it('draws the wards: non-background pixels at ward centres inside the map region', async () => {
    const png = await screenshotPng(app.page, 'map-first-screen', 'section[aria-label="Map"]');
    const legend = (await app.page.getByRole('complementary', { name: 'Legend' }).boundingBox())!;
    const map = (await app.page.getByRole('region', { name: 'Map', exact: true }).boundingBox())!;
    let checked = 0;
    // A town name of the street basemap may sit on a ward centre; its anti-aliased letters can
    // come within 12 of the background, so a few centres are allowed to miss.
    const missed: string[] = [];
    for (const w of wards) {
      const p = await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.project(lon!, lat!), [w.LONG, w.LAT]);
      const inLegend = p.x + map.x >= legend.x - 4 && p.x + map.x <= legend.x + legend.width + 4 && p.y + map.y >= legend.y - 4 && p.y + map.y <= legend.y + legend.height + 4;
      if (inLegend || p.x < 0 || p.y < 0 || p.x >= png.width || p.y >= png.height) continue;
      const [r, g, b] = pixel(png, p.x, p.y);
      if (Math.abs(r - BACKGROUND[0]) + Math.abs(g - BACKGROUND[1]) + Math.abs(b - BACKGROUND[2]) <= 12) missed.push(`${w.WD25NM} at ${p.x},${p.y}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(missed.length, missed.join('; ')).toBeLessThanOrEqual(3);
    // And most of the map is ward-coloured, not background.
    const bg = countColour(png, BACKGROUND, 3);
    expect(bg / (png.width * png.height)).toBeLessThan(0.6);
  });

  it('clicking a table row highlights that ward on the map', async () => {
    const before = await screenshotPng(app.page, 'map-before-select', 'section[aria-label="Map"]');
    expect(countColour(before, SELECTED, 30)).toBe(0);
    const row = app.page.getByRole('table', { name: 'Wards', exact: true }).getByRole('row', { name: /Baildon/ });
    await row.click();
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    await expect.poll(() => app.page.getByRole('region', { name: 'Ward profile' }).getByRole('heading').first().textContent()).toBe('Baildon, Bradford');
    await app.page.waitForFunction(() => (window as unknown as { hotspotMap: Probe }).hotspotMap.selectedWard() === 'E05001341');
    await waitForMapIdle(app.page);
    const after = await screenshotPng(app.page, 'map-ward-selected', 'section[aria-label="Map"]');
    expect(countColour(after, SELECTED, 30)).toBeGreaterThan(200);
  });

  it('clicking a ward on the map selects its row in the table', async () => {
    const target = wards.find((w) => w.WD25NM === 'Shipley')!;
    await waitForMapIdle(app.page);
    const p = await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.project(lon!, lat!), [target.LONG, target.LAT]);
    await app.page.getByRole('region', { name: 'Map', exact: true }).click({ position: { x: p.x, y: p.y } });
    const row = app.page.getByRole('table', { name: 'Wards', exact: true }).locator(`tr[data-code="${target.WD25CD}"]`);
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { hotspotMap: Probe }).hotspotMap.selectedWard())).toBe(target.WD25CD);
  });

  it('About states the data licences and that nothing leaves the machine', async () => {
    await app.page.getByRole('button', { name: 'About' }).click();
    const about = app.page.getByRole('dialog', { name: 'About Hotspot Planner' });
    await expect(about.textContent()).resolves.toContain('makes no network requests and sends no telemetry');
    await expect(about.textContent()).resolves.toContain('Open Government Licence v3.0');
    await about.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => about.isVisible()).toBe(false);
  });

  it('made no external requests and raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
