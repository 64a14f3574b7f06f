import { describe, expect, it } from 'vitest';
import { useApp, waitForMapIdle } from './browser';

/** The study-area choice and permutation inference, driven through the Hotspots tab. */
describe('study area and permutation inference', () => {
  const app = useApp();

  it('restricts Gi* to Leeds, says so, and finds fewer cells than over the force', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    const settings = page.getByRole('form', { name: 'Hotspot analysis settings' });
    const results = page.getByRole('region', { name: 'Hotspot results' });
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    await results.waitFor({ timeout: 60_000 });
    const cellsOf = async () => Number(/([\d,]+) cells,/.exec((await results.textContent())!)![1]!.replace(/,/g, ''));
    const forceCells = await cellsOf();
    await expect(results.textContent()).resolves.toContain('Study area: the whole force area');

    await settings.getByLabel('District Leeds').check();
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    await expect.poll(() => results.textContent(), { timeout: 60_000 }).toContain('Study area: district Leeds');
    const leedsCells = await cellsOf();
    expect(leedsCells).toBeGreaterThan(10_000);
    expect(leedsCells).toBeLessThan(forceCells / 2);
    const method = (await results.getByRole('list', { name: 'Method' }).allTextContents()).join('\n');
    expect(method).toContain('study area: district Leeds:');
    expect(method).toContain('mean and variance over these cells only');
    await waitForMapIdle(page);
    await page.screenshot({ path: 'tests/artifacts/study-area-leeds.png' });
  });

  it('runs conditional permutation inference with a seed and states it', async () => {
    const page = app.page;
    const settings = page.getByRole('form', { name: 'Hotspot analysis settings' });
    await settings.getByLabel('Inference').selectOption('permutation');
    await settings.getByLabel('Permutations').fill('499');
    await settings.getByLabel('Permutation seed').fill('7');
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    const results = page.getByRole('region', { name: 'Hotspot results' });
    await expect.poll(() => results.getByRole('list', { name: 'Method' }).textContent(), { timeout: 120_000 }).toContain('conditional permutation');
    const method = (await results.getByRole('list', { name: 'Method' }).allTextContents()).join('\n');
    expect(method).toContain('499 permutations, seed 7');
    expect(method).toContain('Benjamini-Hochberg');
  });

  it('raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
