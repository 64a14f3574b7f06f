import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskTileSource } from '../../../cli/diskTiles';
import { writePlanPdf } from '../../../cli/planPdf';
import { renderBriefingPdf } from '../../../shared/briefing/briefingPdf';
import { pageCount, pdfText } from './pdfText';
import { testPlan, testSchedule } from './testPlan';

const generatedAt = '2026-11-30T09:00:00Z';

describe('renderBriefingPdf', () => {
  it('gives each district its maps, hotspot table, schedule, guidance and method, marked on every page', async () => {
    const plan = testPlan();
    const pdf = await renderBriefingPdf({ plan, schedule: testSchedule(plan), tiles: diskTileSource(), generatedAt });
    // Leeds: district map, one page of 3 hotspot maps, table + guidance + schedule (21 visits) over 2 pages = 4.
    // Bradford: district map, hotspot maps, table + guidance + 14 visits and method on 2 pages = 4.
    expect(pageCount(pdf)).toBe(8);
    const text = pdfText(pdf);
    for (const name of ['Briggate', 'Call Lane', 'Harehills Lane', 'Centenary Square', 'Manningham Lane']) expect(text).toContain(name);
    expect(text).toContain('Patrol briefing: Leeds');
    expect(text).toContain('Patrol briefing: Bradford');
    expect(text).toContain('Patrol period Tue 1 Dec 2026 to Mon 7 Dec 2026');
    expect(text).toContain('Be visible');
    expect(text).toContain('Stay about 15 minutes at each visit');
    expect(text).toContain('random order and not at predictable times');
    expect(text).toContain('© OpenStreetMap contributors, © OpenMapTiles');
    expect(text.match(/OFFICIAL-SENSITIVE: contains police patrol locations/g)?.length).toBe(16);
    for (let p = 1; p <= 8; p++) expect(text).toContain(`Page ${p} of 8`);
    for (const line of plan.method) expect(text).toContain(line);
    // The schedule: a visit as it reads on paper.
    expect(text).toContain('Tue 1 Dec 2026');
    expect(text).toContain('Schedule: Leeds (continued)');
    // Street names drawn on the maps come from the basemap.
    expect(text).toContain('Boar Lane');
  });

  it('briefs one district when asked, and says which districts exist when the name is wrong', async () => {
    const plan = testPlan();
    const schedule = testSchedule(plan);
    const pdf = await renderBriefingPdf({ plan, schedule, tiles: diskTileSource(), district: 'Bradford', generatedAt });
    const text = pdfText(pdf);
    expect(text).toContain('Manningham Lane');
    expect(text).not.toContain('Harehills Lane');
    expect(text).toContain(`Page 1 of ${pageCount(pdf)}`);
    await expect(renderBriefingPdf({ plan, schedule, tiles: diskTileSource(), district: 'Wakefield', generatedAt })).rejects.toThrow(
      'Plan "Winter violence hotspots 2026-27" has no hotspots in district "Wakefield". Its districts are: Leeds, Bradford.',
    );
  });

  it('makes the same bytes from the same inputs', async () => {
    const plan = testPlan();
    const schedule = testSchedule(plan);
    const a = await renderBriefingPdf({ plan, schedule, tiles: diskTileSource(), district: 'Leeds', generatedAt });
    const b = await renderBriefingPdf({ plan, schedule, tiles: diskTileSource(), district: 'Leeds', generatedAt });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('says so in words when the schedule has no visits for a district', async () => {
    const plan = testPlan();
    const schedule = { ...testSchedule(plan), visits: [], shortfalls: ['Only 2 of 35 visits fit the windows.'] };
    const text = pdfText(await renderBriefingPdf({ plan, schedule, tiles: diskTileSource(), district: 'Leeds', generatedAt }));
    expect(text).toContain('No visits are scheduled in Leeds for Tue 1 Dec 2026 to Mon 7 Dec 2026.');
    expect(text).toContain('Only 2 of 35 visits fit the windows.');
  });
});

describe('writePlanPdf (CLI)', () => {
  it('writes the briefing atomically, dated by the plan', async () => {
    const plan = testPlan();
    const schedule = testSchedule(plan);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hp-planpdf-'));
    const out = path.join(dir, 'briefing.pdf');
    await writePlanPdf(plan, schedule, out);
    const written = new Uint8Array(await fs.readFile(out));
    const expected = await renderBriefingPdf({ plan, schedule, tiles: diskTileSource(), generatedAt: plan.createdAt });
    expect(Buffer.from(written).equals(Buffer.from(expected))).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['briefing.pdf']);
    await fs.rm(dir, { recursive: true });
  });
});
