import { describe, expect, it } from 'vitest';
import { bngToLonLat } from '../../shared/geo/bng';
import { screenshotPng, useApp, waitForMapIdle } from './browser';

type Probe = {
  jumpTo(lon: number, lat: number, zoom: number): void;
  hotCellCentre(): [number, number] | null;
  project(lon: number, lat: number): { x: number; y: number };
  selectedWard(): string | null;
  inspectedCell(): string | null;
  view(): { lon: number; lat: number; zoom: number };
};
type Page = import('playwright-core').Page;
const probe = <T,>(page: Page, f: (p: Probe) => T) => page.evaluate<T>(`(${f.toString()})(window.hotspotMap)`);

/** Number in a table cell as shown ("1,234.5", "< 0.001" -> 0.0005). */
const num = (s: string) => (s.startsWith('<') ? 0.0005 : Number(s.replace(/,/g, '')));

describe('inspect what you see: cell popup, hot-cell list, legends', () => {
  const app = useApp();

  it('runs hotspots and shows the hot-cell list with street names, not squashed', async () => {
    const page = app.page;
    // Without cells, a click on the map still selects the ward under it (Leeds city centre).
    await page.evaluate(() => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(-1.5465, 53.7965, 12));
    await waitForMapIdle(page);
    const canvas = (await page.locator('.map-canvas').boundingBox())!;
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await expect.poll(() => probe(page, (p) => p.selectedWard())).toMatch(/^E05\d{6}$/);
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    await page.getByRole('form', { name: 'Hotspot analysis settings' }).getByRole('button', { name: 'Find hotspots' }).click();
    const results = page.getByRole('region', { name: 'Hotspot results' });
    await results.waitFor({ timeout: 60_000 });
    const table = results.getByRole('table', { name: 'Hot cells' });
    await table.locator('tbody tr').first().waitFor();
    const box = (await page.locator('.hot-cells').boundingBox())!;
    expect(box.height).toBeGreaterThan(200);
    // Street names lead each row, the id beneath.
    const first = table.locator('tbody tr').first();
    await expect(first.locator('.cell-id').textContent()).resolves.toMatch(/^SQ150_E\d+_N\d+$/);
    const names = await table.locator('tbody tr .cell-name').allTextContents();
    expect(names.filter((n) => !n.startsWith('no ')).length).toBeGreaterThan(names.length * 0.9);
    // police.uk's "On or near" prefix is dropped: the street is what an officer reads.
    expect(names.some((n) => n.startsWith('On or near'))).toBe(false);
    await expect(table.getByRole('columnheader', { name: /Gi\* z/ }).getAttribute('aria-sort')).resolves.toBe('descending');
    await page.screenshot({ path: 'tests/artifacts/inspect-hot-cell-list.png' });
  });

  it('a click on a hot cell opens its popup (street, count, Gi* z, p, FDR p, class) and does not select the ward', async () => {
    const page = app.page;
    const centre = (await probe(page, (p) => p.hotCellCentre()))!;
    expect(centre).not.toBeNull();
    await page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(lon, lat, 15), centre);
    await waitForMapIdle(page);
    const at = await page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.project(lon, lat), centre);
    const canvas = (await page.locator('.map-canvas').boundingBox())!;
    const wardBefore = await probe(page, (p) => p.selectedWard());
    await page.mouse.click(canvas.x + at.x, canvas.y + at.y);
    const popup = page.getByRole('dialog', { name: /^Cell SQ150_E\d+_N\d+$/ });
    await popup.waitFor({ timeout: 30_000 });
    await expect.poll(() => popup.locator('.cell-popup-name').textContent(), { timeout: 30_000 }).not.toBe('Loading…');
    const name = (await popup.locator('.cell-popup-name').textContent())!;
    expect(name).not.toBe('No street named in its records');
    expect(name).not.toMatch(/^On or near/);
    expect(name.length).toBeGreaterThan(2);
    const figures = popup.getByRole('table', { name: 'Cell figures' });
    const shown = Object.fromEntries(
      await figures.locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent.trim(), tr.querySelector('td')!.textContent.trim()])),
    ) as Record<string, string>;
    const row = async (label: string) => shown[label]!;
    expect(num(await row('Records'))).toBeGreaterThan(0);
    expect(Number(await row('Gi* z'))).toBeGreaterThan(2.5);
    expect(num(await row('p (FDR)'))).toBeLessThan(0.01);
    expect(num(await row('p'))).toBeLessThan(0.01);
    expect(await row('Class')).toBe('Hot spot, 99%');
    await expect(popup.textContent()).resolves.toContain('most frequent police.uk location');
    const id = (await popup.getAttribute('aria-label'))!.replace('Cell ', '');
    await expect(probe(page, (p) => p.inspectedCell())).resolves.toBe(id);
    // The ward beneath is not selected by a click on a cell.
    await expect(probe(page, (p) => p.selectedWard())).resolves.toBe(wardBefore);
    await waitForMapIdle(page);
    await screenshotPng(page, 'inspect-cell-popup', 'section[aria-label="Map"]');
  });

  it('sorts the hot-cell list by any column, both ways', async () => {
    const table = app.page.getByRole('table', { name: 'Hot cells' });
    const column = async (k: number) => (await table.locator(`tbody tr td:nth-child(${k})`).allTextContents());
    const countHeader = table.getByRole('columnheader', { name: /^Count/ });
    await countHeader.getByRole('button').click();
    await expect(countHeader.getAttribute('aria-sort')).resolves.toBe('descending');
    const down = (await column(3)).map(num);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(down.at(-1)!);
    await countHeader.getByRole('button').click();
    await expect(countHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    const up = (await column(3)).map(num);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const streetHeader = table.getByRole('columnheader', { name: /^Street/ });
    await streetHeader.getByRole('button').click();
    await expect(streetHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(countHeader.getAttribute('aria-sort')).resolves.toBe('none');
    const streets = (await table.locator('tbody tr .cell-name').allTextContents()).filter((s) => !s.startsWith('no '));
    expect(streets).toEqual([...streets].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
    for (const [label, k] of [['Ward', 2], ['Harm', 4], ['Gi\\* z', 5], ['p \\(FDR\\)', 6], ['Class', 7]] as const) {
      const h = table.getByRole('columnheader', { name: new RegExp(`^${label}`) });
      await h.getByRole('button').click();
      await expect(h.getAttribute('aria-sort')).resolves.not.toBe('none');
      expect((await column(k)).length).toBeGreaterThan(0);
    }
  });

  it('a row takes the map to its cell and opens its popup', async () => {
    const page = app.page;
    const table = page.getByRole('table', { name: 'Hot cells' });
    await page.evaluate(() => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(-1.7, 53.75, 9));
    await waitForMapIdle(page);
    const row = table.locator('tbody tr').nth(4);
    const id = (await row.locator('.cell-id').textContent())!;
    const name = (await row.locator('.cell-name').textContent())!;
    await row.locator('td').nth(2).click();
    const popup = page.getByRole('dialog', { name: `Cell ${id}` });
    await popup.waitFor({ timeout: 30_000 });
    await expect.poll(() => popup.locator('.cell-popup-name').textContent(), { timeout: 30_000 }).toBe(name === 'no street named' ? 'No street named in its records' : name === 'no records here' ? 'No records in this cell' : name);
    await waitForMapIdle(page);
    const v = await probe(page, (p) => p.view());
    expect(v.zoom).toBeGreaterThanOrEqual(16);
    // The view is centred on the cell (a little low): SQ150_E{e}_N{n} is its south-west corner.
    const [, e, n] = /_E(\d+)_N(\d+)$/.exec(id)!.map(Number) as [unknown, number, number];
    const [lon, lat] = bngToLonLat(e + 75, n + 75);
    const at = await page.evaluate(([x, y]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.project(x!, y!), [lon, lat]);
    const canvas = (await page.locator('.map-canvas').boundingBox())!;
    expect(Math.abs(at.x - canvas.width / 2)).toBeLessThan(20);
    expect(Math.abs(at.y - (canvas.height / 2 + 100))).toBeLessThan(20); // 100 px below the middle, popup above
    // The whole popup, close button included, is on screen.
    const frame = (await page.locator('.cell-popup-frame').boundingBox())!;
    expect(frame.y).toBeGreaterThanOrEqual(canvas.y);
    await expect(probe(page, (p) => p.inspectedCell())).resolves.toBe(id);
    await screenshotPng(page, 'inspect-row-zoom', 'section[aria-label="Map"]');
  });

  it('gives the trend class in the popup once trends were run', async () => {
    const page = app.page;
    const trends = page.getByRole('region', { name: 'Hotspot trends' });
    await trends.getByLabel('Trend period length in months').fill('1');
    await trends.getByRole('button', { name: 'Classify trends' }).click();
    await trends.getByRole('table', { name: 'Trend classes' }).waitFor({ timeout: 60_000 });
    await page.getByRole('complementary', { name: 'Trend legend' }).waitFor();
    const row = page.getByRole('table', { name: 'Hot cells' }).locator('tbody tr').first();
    const id = (await row.locator('.cell-id').textContent())!;
    await row.locator('.cell-name').click();
    const popup = page.getByRole('dialog', { name: `Cell ${id}` });
    await popup.waitFor({ timeout: 30_000 });
    const trend = popup.getByRole('row', { name: /^Trend/ });
    // The strongest cell of four months is hot in every month: a persistent hotspot.
    await expect(trend.locator('td').textContent()).resolves.toBe('persistent hotspot');
    await expect(popup.textContent()).resolves.toContain('Trend: 4 periods, 2014-08 to 2014-11.');
    await waitForMapIdle(page);
    await screenshotPng(page, 'inspect-trend-popup', 'section[aria-label="Map"]');
    // Back to the Gi* layer for the KDE step.
    await page.getByRole('form', { name: 'Hotspot analysis settings' }).getByRole('button', { name: 'Find hotspots' }).click();
    await page.getByRole('complementary', { name: 'Hotspot legend' }).waitFor({ timeout: 60_000 });
  });

  it('shows the KDE surface with its own legend and the 300 m default bandwidth stated', async () => {
    const page = app.page;
    await page.evaluate(() => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(-1.55, 53.8, 11));
    const results = page.getByRole('region', { name: 'Hotspot results' });
    const method = (await results.getByRole('list', { name: 'Method' }).allTextContents()).join('\n');
    expect(method).toContain('bandwidth 300.0 m (default: 2 x the 150 m cell size, for micro-places; the rule of thumb (mean of MASS bandwidth.nrd');
    await results.getByLabel('Show KDE surface').check();
    const legend = page.getByRole('complementary', { name: 'KDE legend' });
    await legend.waitFor({ timeout: 30_000 });
    await expect(legend.textContent()).resolves.toContain('bandwidth 300 m (default: 2 x the 150 m cell)');
    await expect(legend.getByRole('img', { name: /^Colour ramp from 1% of the peak to the peak, [\d,.]+ per km²$/ }).count()).resolves.toBe(1);
    // Each visible layer has its legend: wards, Gi*, KDE.
    await expect(page.getByRole('complementary', { name: 'Legend', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('complementary', { name: 'Hotspot legend' }).isVisible()).resolves.toBe(true);
    await waitForMapIdle(page);
    await screenshotPng(page, 'inspect-kde-legend', 'section[aria-label="Map"]');
    await page.screenshot({ path: 'tests/artifacts/inspect-kde-full.png' });
  });

  it('raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
