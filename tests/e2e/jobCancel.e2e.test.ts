import { describe, expect, it } from 'vitest';
import { screenshotPng, useApp } from './browser';

/** Long jobs run in the worker as jobs: the busy line shows progress and its Cancel stops the job there. */
describe('cancelling long jobs from the UI', () => {
  const app = useApp();

  it('cancels a permutation run in the worker, then the next run works', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    const settings = page.getByRole('form', { name: 'Hotspot analysis settings' });
    await settings.getByLabel('Inference').selectOption('permutation');
    // The most the form allows: on a quiet machine 999 permutations of the demo can finish
    // between the Cancel button appearing and the click, and then there is nothing to cancel.
    await settings.getByLabel('Permutations').fill('99999');
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    const busy = page.getByRole('status').filter({ hasText: /Permutations|Computing Gi\*/ });
    await busy.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: 30_000 });
    await screenshotPng(page, 'job-busy-permutations');
    await busy.getByRole('button', { name: 'Cancel' }).click({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'cancelled' }).textContent(), { timeout: 30_000 })
      .toBe('Computing Gi* on the grid: cancelled, nothing of it was kept.');
    await screenshotPng(page, 'job-cancelled');
    const results = page.getByRole('region', { name: 'Hotspot results' });
    expect(await results.count()).toBe(0);

    await settings.getByLabel('Inference').selectOption('normal');
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    await results.waitFor({ timeout: 60_000 });
    await expect(results.getByRole('list', { name: 'Method' }).textContent()).resolves.toContain('Benjamini-Hochberg');
  });

  it('cancels the PDF briefing while it draws its maps; the next export completes', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Patrols' }).click();
    const form = page.getByRole('form', { name: 'Plan settings' });
    await form.getByLabel('Number of hotspots').fill('10');
    await form.getByRole('button', { name: 'Build plan' }).click();
    const plan = page.getByRole('region', { name: 'Plan' });
    await expect.poll(() => plan.getByRole('table', { name: 'Plan hotspots' }).locator('tbody tr').count(), { timeout: 60_000 }).toBe(10);
    await page.getByRole('tab', { name: 'Exports' }).click();
    const ex = page.getByRole('region', { name: 'Plan exports' });
    await ex.getByRole('button', { name: 'PDF briefing' }).click();
    await ex.getByRole('status').getByRole('button', { name: 'Cancel' }).click({ timeout: 30_000 });
    await expect.poll(() => ex.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Drawing the briefing over the offline street map: cancelled, nothing of it was kept.');
    await expect(ex.getByRole('alert').count()).resolves.toBe(0);

    const download = page.waitForEvent('download', { timeout: 90_000 });
    await ex.getByRole('button', { name: 'PDF briefing' }).click();
    expect((await download).suggestedFilename()).toMatch(/briefing\.pdf$/);
  });
});
