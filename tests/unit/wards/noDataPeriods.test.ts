import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createHarmScheme } from '../../../shared/harm/harmSchemes';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { applicability, dataCoverage, periodCoverageLabel } from '../../../shared/wards/dataCoverage';
import { wardHarmTable } from '../../../shared/wards/wardHarmTable';
import { wardTableCsv, wardTableFileName } from '../../../shared/wards/wardTableCsv';
import { viewRows } from '../../../shared/wards/wardTableView';
import { makeDb, type TestCrime } from '../hotspots/testDb';

const wards = [
  { code: 'L1', name: 'Armley', district: 'Leeds', e0: 420000, n0: 435000, e1: 421000, n1: 436000 },
  { code: 'L2', name: 'Beeston', district: 'Leeds', e0: 421000, n0: 435000, e1: 422000, n1: 436000 },
  { code: 'B1', name: 'City', district: 'Bradford', e0: 420000, n0: 434000, e1: 421000, n1: 435000 },
];
const at = (ward: string, month: string, type: string, k: number): TestCrime[] =>
  Array.from({ length: k }, () => ({ month, type, ward, e: 420500, n: 435500 }));

// police.uk-like data for Aug-Nov 2014 (no flags, no offence codes), as in the demo.
// Armley: 2 robbery a month (365 each); Beeston: 1 drugs a month (3.46); City: 3 burglary in Nov only (246.39).
const crimes: TestCrime[] = ['2014-08', '2014-09', '2014-10', '2014-11'].flatMap((m) => [
  ...at('L1', m, 'Robbery', 2), ...at('L2', m, 'Drugs', 1),
]).concat(at('B1', '2014-11', 'Burglary', 3));

async function demoLike() {
  const db = await makeDb(wards, crimes);
  installDefaults(db);
  db.run(`INSERT INTO stop_searches(import_id, dedupe_key, occurred_at, month, ward_code, placed_by) VALUES (2, 's1', '2014-11-03T10:00:00Z', '2014-11', 'L1', 'point')`);
  db.run(`INSERT INTO ward_counts(import_id, dedupe_key, ward_code, period_from, period_to, crime_type, count) VALUES (3, 'w1', 'B1', '2013-04-01', '2013-06-30', 'Robbery', 5)`);
  return db;
}

const numericCols = (csv: string) => {
  const body = csv.split('\r\n').filter((l) => !l.startsWith('# ')).join('\n');
  const p = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true });
  return { rows: p.data, fields: p.meta.fields! };
};

describe('data coverage', () => {
  it('knows the months each source covers, overall and per district', async () => {
    const cov = dataCoverage(await demoLike());
    expect(cov.crimes.months).toEqual(['2014-08', '2014-09', '2014-10', '2014-11']);
    expect(cov.crimes.byDistrict).toEqual({ Bradford: ['2014-11'], Leeds: ['2014-08', '2014-09', '2014-10', '2014-11'] });
    expect(cov.stopSearches.months).toEqual(['2014-11']);
    expect(cov.wardCounts.months).toEqual(['2013-04', '2013-05', '2013-06']);
    expect(cov.crimeData.byDistrict['Bradford']).toEqual(['2013-04', '2013-05', '2013-06', '2014-11']);
    expect(cov.latest).toBe('2014-11');
    expect(cov.flagMonths).toEqual([]);
    expect(cov.offenceCodeMonths).toEqual([]);
  });

  it('sees a new import (or a re-placed record) at once, though it is cached', async () => {
    const db = await demoLike();
    expect(dataCoverage(db).crimes.months).toHaveLength(4);
    db.run(`INSERT INTO crimes(import_id, dedupe_key, month, crime_type, ward_code, placed_by, out_of_area) VALUES (5, 'new', '2014-12', 'Drugs', 'B1', 'point', 0)`);
    expect(dataCoverage(db).latest).toBe('2014-12');
    db.run(`UPDATE crimes SET ward_code = 'L1' WHERE dedupe_key = hp_key('new')`);
    expect(dataCoverage(db).crimes.byDistrict['Leeds']).toContain('2014-12');
    expect(dataCoverage(db).crimes.byDistrict['Bradford']).not.toContain('2014-12');
  });

  it('labels a period with the months that have data', () => {
    expect(periodCoverageLabel({ from: '2013-12', to: '2014-11' }, ['2014-08', '2014-09', '2014-10', '2014-11'])).toBe('Aug 2014 to Nov 2014; 4 of 12 months have data');
    expect(periodCoverageLabel({ from: '2024-03', to: '2025-02' }, ['2025-02'])).toBe('Feb 2025; 1 of 12 months has data');
    expect(periodCoverageLabel({ from: '2014-01', to: '2014-12' }, ['2014-02', '2014-03', '2014-07'])).toBe('Feb 2014 to Mar 2014, Jul 2014; 3 of 12 months have data');
    expect(periodCoverageLabel({ from: '2012-12', to: '2013-11' }, ['2014-08'])).toBe('Dec 2012 to Nov 2013: no data');
  });
});

describe('ward table without data for a period', () => {
  it('defaults to the 12 months to the latest month, labelled with the months that have data', async () => {
    const t = wardHarmTable(await demoLike(), { schemeId: 'cchi-category' });
    expect(t.method.periods.current).toEqual({ from: '2013-12', to: '2014-11' });
    expect(t.method.periodLabels.current).toBe('Aug 2014 to Nov 2014; 4 of 12 months have data');
    expect(t.methodLines[2]).toBe('period: Aug 2014 to Nov 2014; 4 of 12 months have data (window Dec 2013 to Nov 2014 (12 months))');
  });

  it('shows a comparison period before the data as "no data", blank in numeric CSV columns with the reason in a note', async () => {
    const t = wardHarmTable(await demoLike(), { schemeId: 'cchi-category' });
    const armley = t.rows.find((r) => r.code === 'L1')!;
    expect(armley.count).toBe(8);
    expect(armley.harm).toBeCloseTo(2920, 9); // 8 x 365
    expect(armley.previous.base).toBeNull(); // Dec 2012 - Nov 2013: nothing for Leeds
    expect(armley.previous.harmPct.text).toBe('no data');
    expect(armley.previous.note).toBe('no data for Leeds in the previous period, Dec 2012 to Nov 2013 (12 months)');
    // Bradford has ward counts for Apr-Jun 2013 (3 months) and records for Nov 2014 (1 month): not like for like.
    const city = t.rows.find((r) => r.code === 'B1')!;
    expect(city.previous.base).toEqual({ count: 5, harm: 365 * 5 });
    expect(city.previous.harmChange).toBeNull();
    expect(city.previous.note).toMatch(/not like for like: the previous period has data for Bradford for 3 of 12 months, the current period for 1/);
    const { rows, fields } = numericCols(wardTableCsv(t));
    const a = rows.find((r) => r['ward_code'] === 'L1')!;
    expect(a['previous_count']).toBe('');
    expect(a['harm_pct_change_vs_previous']).toBe('');
    expect(a['previous_note']).toMatch(/^no data for Leeds in the previous period/);
    expect(a['harm']).toBe('2920');
    expect(fields).toContain('note');
  });

  it('writes only numbers (or nothing) in numeric CSV columns, even for "n/a: base is 0"', async () => {
    const db = await demoLike();
    const t = wardHarmTable(db, { schemeId: 'cchi-category', from: '2014-11', to: '2014-11' });
    const beeston = t.rows.find((r) => r.code === 'L2')!;
    expect(beeston.previous.base).toEqual({ count: 1, harm: 3.46 });
    const city = t.rows.find((r) => r.code === 'B1')!;
    expect(city.previous.note).toMatch(/no data for Bradford in the previous period/); // Oct 2014: Bradford has nothing
    const { rows, fields } = numericCols(wardTableCsv(t));
    const textCols = new Set(['row_type', 'ward_code', 'ward_name', 'district', 'note', 'previous_note']);
    for (const f of fields.filter((f) => !textCols.has(f))) {
      for (const r of rows) expect(r[f] === '' || Number.isFinite(Number(r[f])), `${f} = "${r[f]}"`).toBe(true);
    }
  });

  it('refuses a period with no data at all, naming the months that have data', async () => {
    const db = await demoLike();
    expect(() => wardHarmTable(db, { from: '2010-01', to: '2010-12' })).toThrow('No crime data in Jan 2010 to Dec 2010 (12 months): the project has data for Apr 2013 to Jun 2013, Aug 2014 to Nov 2014.');
  });
});

describe('sets and schemes that cannot apply', () => {
  it('warns instead of giving every ward 0 for "Knife-enabled (flag)" on police.uk data', async () => {
    const t = wardHarmTable(await demoLike(), { schemeId: 'count', categorySetId: 'knife-enabled' });
    expect(t.method.applies).toBe(false);
    expect(t.warnings[0]).toMatch(/^The category set "Knife-enabled \(flag\)" cannot be applied to this data: it matches by flags \(knife-enabled, knife\), but no record in the period comes from a file with flag columns \(police.uk files have none\)/);
    expect(t.rows.every((r) => r.noData !== null)).toBe(true);
    const { rows } = numericCols(wardTableCsv(t));
    expect(rows.every((r) => r['count'] === '' && r['harm'] === '')).toBe(true);
  });

  it('applies a flag set to extract records that carry the flag column', async () => {
    const db = await demoLike();
    db.run(`INSERT INTO imports(id, file_name, format, imported_at, rows_read, imported, duplicates, rejected, out_of_area, mapping)
      VALUES (9, 'x.csv', 'extract', '2025-01-01', 1, 1, 0, 0, 0, '{"flags":{"knife_enabled":"Knife"}}')`);
    db.run(`INSERT INTO crimes(import_id, dedupe_key, month, crime_type, ward_code, placed_by, out_of_area, flags) VALUES (9, 'x1', '2014-11', 'Robbery', 'L1', 'point', 0, '{"knife_enabled":true}')`);
    const t = wardHarmTable(db, { schemeId: 'count', categorySetId: 'knife-enabled' });
    expect(t.method.applies).toBe(true);
    expect(t.rows.find((r) => r.code === 'L1')!.count).toBe(1);
  });

  it('uses only the categories of a mixed set on police.uk data, and says so in the method', async () => {
    const t = wardHarmTable(await demoLike(), { schemeId: 'count', categorySetId: 'serious-violence' });
    expect(t.method.applies).toBe(true);
    expect(t.rows.find((r) => r.code === 'L1')!.count).toBe(8);
    expect(t.methodLines.find((l) => l.startsWith('set: '))).toBe('set: "Serious violence" is applied by its categories only: no record in the period has flags and offence codes (police.uk files have none)');
  });

  it('warns when an offence-code scheme meets data without codes', async () => {
    const db = await demoLike();
    createHarmScheme(db, { id: 'css', label: 'ONS CSS', keyKind: 'offence_code', description: '', source: 't', weights: { '34B': 1500 } });
    const t = wardHarmTable(db, { schemeId: 'css' });
    expect(t.method.applies).toBe(false);
    expect(t.warnings[0]).toMatch(/weighs Home Office offence codes, but no record in the period carries one/);
    const cov = dataCoverage(db);
    expect(applicability(cov, { from: '2014-08', to: '2014-11' }, null, { id: 'count', label: 'Count', keyKind: 'count', description: '', source: '', weights: {} }).applies).toBe(true);
  });
});

describe('exports follow the view', () => {
  it('sorts by harm descending by default, filters, and names the file after scheme, set and period', async () => {
    const t = wardHarmTable(await demoLike(), { schemeId: 'cchi-category', categorySetId: 'serious-violence' });
    expect(viewRows(t).body.map((r) => r.name)).toEqual(['Armley', 'Beeston', 'City']);
    const csv = wardTableCsv(t, { filter: 'bee', sort: { key: 'name', desc: false } });
    const { rows } = numericCols(csv);
    expect(rows.map((r) => r['ward_name'])).toEqual(['Beeston', 'Leeds total', 'Force total']);
    expect(csv).toContain('# rows: sorted by ward, ascending; subtotals and force total after the wards; only wards whose ward or district name contains "bee" (and their districts\' subtotals)');
    expect(wardTableFileName(t, 'xlsx')).toBe('ward-harm_cchi_serious-violence_2013-12-to-2014-11.xlsx');
  });
});
