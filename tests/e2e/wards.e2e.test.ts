import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useApp } from './browser';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-wards-'));
const num = (s: string | null) => Number((s ?? '').replace(/,/g, ''));

describe('the Wards tab: order, keyboard, profile and exports', () => {
  const app = useApp();
  const table = () => app.page.getByRole('table', { name: 'Wards', exact: true });
  const header = (name: string) => table().locator('thead th').filter({ has: app.page.getByRole('button', { name: new RegExp(`^${name}`) }) });

  it('opens on harm, most first, labelled with the months that have data', async () => {
    const page = app.page;
    await expect(page.getByLabel('Ward table period').textContent()).resolves.toBe('Aug 2014 to Nov 2014; 4 of 12 months have data; compared with Dec 2012 to Nov 2013 (no data).');
    await expect(header('Harm').getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(header('Ward').getAttribute('aria-sort')).resolves.toBe('none');
    const harms = (await table().locator('tr.ward-row td:nth-child(4)').allTextContents()).map(num);
    expect(harms.length).toBe(124);
    expect(harms.every((h, k) => k === 0 || harms[k - 1]! >= h)).toBe(true);
    // The previous 12 months have no data: "no data", never 0 or "base is 0".
    const prev = await table().locator('tr.ward-row td:nth-child(7)').allTextContents();
    expect(new Set(prev)).toEqual(new Set(['no data']));
    await page.screenshot({ path: 'tests/artifacts/wards-default.png' });
  });

  it('sorts by any column when its header is clicked, with an arrow showing the direction', async () => {
    await header('Ward').getByRole('button').click();
    await expect(header('Ward').getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(header('Harm').getAttribute('aria-sort')).resolves.toBe('none');
    await expect(header('Ward').getByRole('button').textContent()).resolves.toBe('Ward▲');
    const names = await table().locator('tr.ward-row td:nth-child(1)').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await header('Ward').getByRole('button').click();
    await expect(header('Ward').getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(table().locator('tr.ward-row td:nth-child(1)').first().textContent()).resolves.toBe(names[names.length - 1]);
    await header('Count').getByRole('button').click();
    await expect(header('Count').getAttribute('aria-sort')).resolves.toBe('descending');
    const counts = (await table().locator('tr.ward-row td:nth-child(3)').allTextContents()).map(num);
    expect(counts.every((c, k) => k === 0 || counts[k - 1]! >= c)).toBe(true);
    await header('Share').getByRole('button').click();
    await expect(header('Share').getAttribute('aria-sort')).resolves.toBe('descending');
    await header('Harm').getByRole('button').click();
    await expect(header('Harm').getAttribute('aria-sort')).resolves.toBe('descending');
  });

  it('is one tab stop: arrow keys move between wards, Enter selects one', async () => {
    const page = app.page;
    const rows = table().locator('tr.ward-row');
    await expect(table().locator('tr.ward-row[tabindex="0"]').count()).resolves.toBe(1);
    await page.getByLabel('Filter wards').focus();
    await page.keyboard.press('Tab'); // "By district"
    await page.keyboard.press('Tab'); // first sortable heading
    // Tab past the headings: the next stop after the last heading is the table's one row stop.
    for (let k = 0; k < 12; k++) {
      const inRow = await page.evaluate(() => document.activeElement?.classList.contains('ward-row') ?? false);
      if (inRow) break;
      await page.keyboard.press('Tab');
    }
    const codes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-code'))).resolves.toBe(codes[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-code'))).resolves.toBe(codes[2]);
    await page.keyboard.press('ArrowUp');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-code'))).resolves.toBe(codes[1]);
    // Still one tab stop, now on the focused row.
    await expect(table().locator('tr.ward-row[tabindex="0"]').getAttribute('data-code')).resolves.toBe(codes[1]);
    await page.keyboard.press('Enter');
    await expect(rows.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    const name = await rows.nth(1).locator('td').first().textContent();
    await expect.poll(() => page.getByRole('region', { name: 'Ward profile' }).getByRole('heading', { level: 2 }).textContent()).toMatch(new RegExp(`^${name}, `));
    await page.keyboard.press('End');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-code'))).resolves.toBe(codes[codes.length - 1]);
    await page.keyboard.press('Home');
    await page.keyboard.press(' ');
    await expect(rows.nth(0).getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('profiles the ward: a sentence, a monthly trend with gaps for months without data, and its hotspots', async () => {
    const page = app.page;
    const profile = page.getByRole('region', { name: 'Ward profile' });
    await expect.poll(() => profile.locator('.ward-sentence').textContent()).toBe('No data for the previous period, Dec 2012 to Nov 2013, so no change can be given.');
    const chart = profile.getByRole('img', { name: /^Crimes per month, Dec 2013 to Nov 2014: 4 of 12 months have data$/ });
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.getAttribute('data-gaps')).resolves.toBe('8');
    await expect(chart.locator('circle.trend-point').count()).resolves.toBe(4);
    await expect(chart.locator('rect.no-data-gap').count()).resolves.toBe(8);
    await expect(profile.textContent()).resolves.toContain('No hotspot analysis has been run since the project was opened');
    await profile.screenshot({ path: 'tests/artifacts/wards-profile-12-months.png' });

    // One month against the month before: a real change, and what drove it.
    await page.getByLabel('Ward harm scheme').selectOption({ label: 'CCHI, derived category averages' });
    await page.getByLabel('Period from').fill('2014-11');
    await page.getByLabel('Period to').fill('2014-11');
    await expect.poll(() => page.getByLabel('Ward table period').textContent()).toMatch(/^Nov 2014 \(1 month, all with data\); compared with Oct 2014/);
    await expect.poll(() => profile.locator('.ward-sentence').textContent()).toMatch(/^Harm (up|down) \d+(\.\d)?% on the previous month, driven by [a-z]/);
    // The trend reaches back into the previous month: two months, both with data.
    await expect(profile.getByRole('img', { name: /^Harm per month, Oct 2014 to Nov 2014: 2 of 2 months have data$/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: 'tests/artifacts/wards-profile-month.png' });
  });

  it('warns, instead of showing zeros, when the category set cannot apply to police.uk data', async () => {
    const page = app.page;
    await page.getByLabel('Ward category set').selectOption({ label: 'Knife-enabled (flag)' });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Knife-enabled (flag)' }).textContent()).toMatch(/cannot be applied to this data: it matches by flags/);
    const counts = await table().locator('tr.ward-row td:nth-child(3)').allTextContents();
    expect(new Set(counts)).toEqual(new Set(['no data']));
    await page.screenshot({ path: 'tests/artifacts/wards-knife-warning.png' });
    await page.getByLabel('Ward category set').selectOption({ label: 'Serious violence' });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Knife-enabled' }).count()).toBe(0);
  });

  it('exports the table as shown to XLSX, named for scheme, set and period, with a Method sheet', async () => {
    const page = app.page;
    await page.getByLabel('Period from').fill('');
    await page.getByLabel('Period to').fill('');
    await expect.poll(() => page.getByLabel('Ward table period').textContent()).toMatch(/^Aug 2014 to Nov 2014; 4 of 12 months have data/);
    await page.getByLabel('Filter wards').fill('Leeds');
    const shown = await table().locator('tr.ward-row').evaluateAll((els) => els.map((e) => [e.children[0]!.textContent, e.children[2]!.textContent]));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export table XLSX' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('ward-harm_cchi_serious-violence_2013-12-to-2014-11.xlsx');
    const file = path.join(dir, d.suggestedFilename());
    await d.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Wards', 'Method']);
    const ws = wb.getWorksheet('Wards')!;
    const head = (ws.getRow(3).values as unknown[]).slice(1);
    const wardCol = head.indexOf('Ward') + 1, countCol = head.indexOf('Count') + 1, noteCol = head.indexOf('Previous note') + 1;
    // Same wards, same order, same numbers as the screen (numbers as numbers).
    const exported: [unknown, unknown][] = [];
    for (let r = 4; r < 4 + shown.length; r++) exported.push([ws.getRow(r).getCell(wardCol).value, ws.getRow(r).getCell(countCol).value]);
    expect(exported).toEqual(shown.map(([n, c]) => [n, num(c ?? null)]));
    expect(String(ws.getRow(4).getCell(noteCol).value)).toMatch(/^no data for Leeds in the previous period/);
    const method: string[] = [];
    wb.getWorksheet('Method')!.eachRow((r) => method.push(`${String(r.getCell(1).value)}: ${String(r.getCell(2).value)}`));
    expect(method).toContain('category set: Serious violence');
    expect(method.some((l) => l.startsWith('period: Aug 2014 to Nov 2014; 4 of 12 months have data'))).toBe(true);
    expect(method).toContain('rows: sorted by harm, descending; subtotals and force total after the wards; only wards whose ward or district name contains "Leeds" (and their districts\' subtotals)');
    await page.getByLabel('Filter wards').fill('');
  });

  it('lists the hot cells of the last run inside the selected ward', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    await page.getByRole('form', { name: 'Hotspot analysis settings' }).getByRole('button', { name: 'Find hotspots' }).click();
    await page.getByRole('region', { name: 'Hotspot results' }).waitFor({ timeout: 90_000 });
    const firstHot = await page.getByRole('table', { name: 'Hot cells' }).locator('tbody tr').first().locator('td').nth(1).textContent();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export cells XLSX' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^hotspot-cells_count_all-records_2014-08-to-2014-11\.xlsx$/);
    const file = path.join(dir, d.suggestedFilename());
    await d.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cells', 'Method']);
    expect(wb.getWorksheet('Cells')!.getRow(4).getCell(11).value).toMatch(/^hot /);

    await page.getByRole('tab', { name: 'Wards' }).click();
    await page.getByLabel('Filter wards').fill(firstHot!);
    await table().locator('tr.ward-row').filter({ has: page.getByRole('cell', { name: firstHot!, exact: true }) }).click();
    const profile = page.getByRole('region', { name: 'Ward profile' });
    await expect.poll(() => profile.getByRole('heading', { level: 2 }).textContent()).toMatch(new RegExp(`^${firstHot}, `));
    const hot = page.getByRole('table', { name: 'Hotspots in this ward' });
    await expect.poll(async () => (await hot.count()) ? hot.locator('tbody tr').count() : profile.textContent(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(hot.locator('caption').textContent()).resolves.toMatch(/^Gi\* hot cells of the last run/);
    await page.screenshot({ path: 'tests/artifacts/wards-profile-hotspots.png' });
    await page.getByLabel('Filter wards').fill('');
  });

  it('made no external requests and raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
