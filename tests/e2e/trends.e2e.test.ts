import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp, wardTableTotal } from './browser';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-trends-'));

/** The real May 2018 sample repeated for each month of 2018 (new Crime IDs), so its places recur. */
function yearFile(): string {
  const [header, ...rows] = readFileSync('fixtures/west-yorkshire-street_2018-05_sample_saf98_normalised.csv', 'utf8').trim().split(/\r?\n/);
  const out = [header!];
  for (let m = 1; m <= 12; m++) {
    const month = `2018-${String(m).padStart(2, '0')}`;
    for (const r of rows) {
      const i1 = r.indexOf(',');
      const id = r.slice(0, i1);
      // Rows without a Crime ID (ASB) keep none; the rest get a new ID per month.
      out.push(`${id ? id.slice(0, 8) + month : ''},${month}${r.slice(r.indexOf(',', i1 + 1))}`);
    }
  }
  const file = path.join(dir, 'year.csv');
  writeFileSync(file, out.join('\n'));
  return file;
}

describe('hotspot trends across periods', () => {
  const app = useApp();

  it('classifies persistent hot spots over four quarters and exports the classes', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => page.getByLabel('Project name').textContent()).toContain('Untitled');
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('dialog', { name: 'Import crimes' }).getByLabel('CSV files or zip').setInputFiles(yearFile());
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => wardTableTotal(page)).toBe(1605 * 12);

    await page.getByRole('tab', { name: 'Hotspots' }).click();
    const trends = page.getByRole('region', { name: 'Hotspot trends' });
    await trends.getByLabel('Trend period length in months').fill('3');
    await trends.getByRole('button', { name: 'Classify trends' }).click();
    const tally = trends.getByRole('table', { name: 'Trend classes' });
    await tally.waitFor({ timeout: 60_000 });
    const persistent = Number((await tally.getByRole('row', { name: /persistent hotspot/ }).locator('td').textContent())!.replace(/,/g, ''));
    expect(persistent).toBeGreaterThan(0);
    // Identical quarters: nothing can be emerging or former.
    await expect(tally.getByRole('row', { name: /emerging hotspot/ }).locator('td').textContent()).resolves.toBe('0');
    await expect(tally.getByRole('row', { name: /former hotspot/ }).locator('td').textContent()).resolves.toBe('0');
    await expect(trends.getByRole('list', { name: 'Trend method' }).textContent()).resolves.toContain('periods: 2018-01..2018-03, 2018-04..2018-06, 2018-07..2018-09, 2018-10..2018-12');
    await expect(page.getByRole('complementary', { name: 'Trend legend' }).count()).resolves.toBe(1);
    await page.screenshot({ path: 'tests/artifacts/trends.png' });

    const download = page.waitForEvent('download');
    await trends.getByRole('button', { name: 'Export trends CSV' }).click();
    const file = path.join(dir, 'trends.csv');
    await (await download).saveAs(file);
    const data = readFileSync(file, 'utf8').split('\r\n').filter((l) => l && !l.startsWith('#'));
    expect(data[0]).toBe('cell_id,trend,hot_periods,cold_periods');
    expect(data.filter((l) => l.includes(',persistent hotspot,4,0')).length).toBe(persistent);
  });

  it('raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
