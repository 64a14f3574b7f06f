import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../cli/fixtures';
import { loadSqlJs } from '../../../cli/sqlNode';
import { flagKey, makeMatcher } from '../../../shared/harm/categorySets';
import { runImport } from '../../../shared/import/runImport';
import { buildBaseProject } from '../../../shared/project/demoProject';
import { wardHarmTable } from '../../../shared/wards/wardHarmTable';

describe('flags from force extracts meet the category sets that name them', () => {
  it('treats case, spaces, hyphens and underscores in flag names alike', () => {
    expect(['Knife Enabled', 'knife-enabled', 'knife_enabled', ' KNIFE--ENABLED '].map(flagKey)).toEqual(Array(4).fill('knife_enabled'));
    const m = makeMatcher({ flags: ['knife-enabled'] });
    expect(m(null, null, '{"knife_enabled":true}')).toBe(true);
    expect(m(null, null, '{"knife_enabled":false}')).toBe(false);
    expect(m(null, null, '["Knife Enabled"]')).toBe(true);
  });

  it('selects the knife-enabled and OCG-linked rows of the fixture extract through the default sets', async () => {
    const db = buildBaseProject(await loadSqlJs(), readFileSync('fixtures/wy_wards_2025_bgc.geojson', 'utf8'), 'flags');
    const mapping = JSON.parse(readFileSync('fixtures/import/force-extract.mapping.json', 'utf8')) as unknown;
    const report = await runImport(db, await fileSource('fixtures/import/force-extract.csv'), { format: 'extract', mapping });
    // 6 rows: WY/1004 has "Maybe" as a flag and WY/1005 no date at all (both rejected); WY/1001 appears twice.
    expect([report.rowsRead, report.imported, report.duplicates, report.rejected]).toEqual([6, 3, 1, 2]);
    const total = (setId: string) => wardHarmTable(db, { from: '2025-02', to: '2025-02', categorySetId: setId }).rows.find((r) => r.kind === 'force')!;
    // Knife Enabled = Y (WY/1001) and Yes (WY/1002); WY/1002 is placed by its ward name.
    expect(total('knife-enabled').count).toBe(2);
    // OCG Linked = Y only on WY/1001 (offence 8/1 is not a SOC code).
    expect(total('soc-related').count).toBe(1);
  });
});
