import { describe, expect, it } from 'vitest';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { runImport } from '../../../shared/import/runImport';
import { wardHarmTable } from '../../../shared/wards/wardHarmTable';
import { wardHarmByType } from '../../../shared/wards/wardProfile';
import { projectWithWards, textSource } from '../import/helpers';

// Hand-made performance-team table: two wards, two months, police.uk category names (one in lower case).
const COUNTS = `Ward code,Month,Crime type,Count
E05011397,2025-01,Burglary,4
E05011397,2025-02,Burglary,6
E05011397,2025-02,robbery,2
E05001380,2025-02,Violence and sexual offences,10
`;
// CCHI derived category averages (fixtures/cchi_weights_by_policeuk_category_west_yorkshire_cbl-realcrime.csv).
const W = { burglary: 246.39, robbery: 365.0, violence: 175.29 };

describe('a project holding only ward-level counts', () => {
  it('gives the ward table with harm from the scheme weights, previous-period comparison and the source stated', async () => {
    const db = await projectWithWards();
    installDefaults(db);
    await runImport(db, textSource('ward-counts.csv', COUNTS), { format: 'ward-counts' });
    const t = wardHarmTable(db, { schemeId: 'cchi-category', from: '2025-02', to: '2025-02' });
    const ward = (code: string) => t.rows.find((r) => r.kind === 'ward' && r.code === code)!;
    expect(ward('E05011397').count).toBe(8);
    expect(ward('E05011397').harm).toBeCloseTo(6 * W.burglary + 2 * W.robbery, 9);
    expect(ward('E05011397').previous.base).toEqual({ count: 4, harm: expect.closeTo(4 * W.burglary, 9) });
    expect(ward('E05001380').harm).toBeCloseTo(10 * W.violence, 9);
    expect(t.rows.find((r) => r.kind === 'force')!.count).toBe(18);
    expect(t.methodLines).toContain('source (current period): imported ward-level counts for 2025-02');
    expect(t.methodLines).toContain('source (previous period): imported ward-level counts for 2025-01');
    expect(t.method.excluded.current.unweighted.count).toBe(0);

    // With no period given it ends at the latest month of the counts.
    const d = wardHarmTable(db, { schemeId: 'count' });
    expect(d.method.periods.current).toEqual({ from: '2024-03', to: '2025-02' });
    expect(d.rows.find((r) => r.kind === 'force')!.count).toBe(22);

    const p = wardHarmByType(db, 'E05011397', { schemeId: 'cchi-category', from: '2025-02', to: '2025-02' });
    expect(p.byType).toEqual([
      { type: 'Burglary', count: 6, harm: expect.closeTo(6 * W.burglary, 9) },
      { type: 'Robbery', count: 2, harm: expect.closeTo(2 * W.robbery, 9) },
    ]);
    expect(p.source.countMonths).toEqual(['2025-02']);
  });

  it('uses records, not counts, for a month both cover, and says so', async () => {
    const db = await projectWithWards();
    installDefaults(db);
    await runImport(db, textSource('ward-counts.csv', COUNTS), { format: 'ward-counts' });
    const header = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
    await runImport(db, textSource('2025-02-street.csv', `${header}\nid1,2025-02,WYP,WYP,-1.7650,53.8500,On or near Browgate,,,Burglary,,\n`), { format: 'police-uk' });
    const t = wardHarmTable(db, { schemeId: 'count', from: '2025-01', to: '2025-02' });
    // January from the counts (4), February from the one record, never both.
    expect(t.rows.find((r) => r.kind === 'force')!.count).toBe(5);
    expect(t.methodLines).toContain(
      'source (current period): crime records for 2025-02; imported ward-level counts for 2025-01; counts and records both cover 2025-02: records used, those counts left out',
    );
    expect(t.warnings).toContain('Ward counts and crime records both cover 2025-02: the table uses the records for those months.');
  });
});
