import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildQuarterlyReturn, districtColumns, returnCsvs, returnXlsx } from '../../../shared/returns/quarterlyReturn';
import { addCrime, addImport, addRecord, addVisit, cellHotspot, dbWithPlan, handPlan } from './handBuilt';

const A = 'SQ150_E420000_N435000'; // Briggate, Leeds
const B = 'SQ150_E405000_N427500'; // Kirkgate, Bradford
const GEN = '2025-07-03T08:00:00.000Z';

async function q1Db() {
  const plan = handPlan();
  const db = await dbWithPlan(plan);
  const fx = addImport(db, 'fixes', 'P1', { medianFixIntervalSeconds: 30, devices: 2 }, 'radio_q1.csv');
  const rec = addImport(db, 'records', 'P1', {}, 'records_q1.csv');
  addVisit(db, fx, 'PC1', A, '2025-04-10T18:00:00Z', 20);
  addVisit(db, fx, 'PC2', A, '2025-04-10T18:10:00Z', 20); // with PC1: 1 visit, 30 patrol min, 40 officer min
  addVisit(db, fx, 'PC1', B, '2025-05-02T19:00:00Z', 12);
  addRecord(db, rec, A, '2025-04-10T18:05:00Z', 30, 2, { arrests: 1, stop_searches: 2, weapons_seized: 1, intel_submissions: 0 });
  addRecord(db, rec, B, '2025-06-20T19:00:00Z', 15, 1, { arrests: 0, stop_searches: 0, weapons_seized: 0, intel_submissions: 3 });
  // Crime only for April-June 2025: the year earlier has no crime data at all.
  addCrime(db, '2025-04', 420075, 435075);
  addCrime(db, '2025-04', 420010, 435140);
  addCrime(db, '2025-05', 405100, 427600);
  addCrime(db, '2025-06', 420300, 435075); // outside every hotspot
  db.run(`INSERT INTO stop_searches (import_id, dedupe_key, occurred_at, month, easting, northing, placed_by) VALUES
    (2, 's1', '2025-05-03T21:00:00+00:00', '2025-05', 405050, 427550, 'coordinates'),
    (2, 's2', '2025-05-03T21:30:00+00:00', '2025-05', 400000, 400000, 'coordinates'),
    (2, 's3', '2025-04-03T21:30:00+00:00', '2025-04', 400000, 400000, 'coordinates'),
    (2, 's4', '2025-06-03T21:30:00+00:00', '2025-06', 400000, 400000, 'coordinates')`);
  return { db, plan };
}

describe('quarterly return', () => {
  it('Summary: delivered vs target, outcomes, crime, and "no data" for a year earlier without crime data', async () => {
    const { db, plan } = await q1Db();
    const ret = buildQuarterlyReturn(db, plan, '2025-04-01', '2025-06-30', { generatedAt: GEN, softwareVersion: '0.1.0', periodLabel: '2025-26 Q1' });
    expect(ret.sheets.map((s) => s.name)).toEqual(['Summary', 'By district', 'By hotspot and month', 'Outcomes', 'Notes']);
    const rows = new Map(ret.sheets[0]!.rows.map((r) => [r[0] as string, r.slice(1, 4)]));
    expect(rows.get('Hotspots')).toEqual([2, '', '']);
    // 91 days x 2 hotspots x 1 visit; 2,730 minutes = 45.5 h.
    expect(rows.get('Planned visits')![0]).toBe(182);
    expect(rows.get('Patrol hours target')![0]).toBe(45.5);
    expect(rows.get('Visits (merged patrols)')![0]).toBe(3); // A 10 Apr (GPS), B 2 May (GPS), B 20 June (record)
    expect(rows.get('Koper-band visits (>= 10 min)')![0]).toBe(3);
    expect(rows.get('Visits >= 15 min')![0]).toBe(2);
    expect(rows.get('Patrol hours delivered')![0]).toBe(0.95); // (30 + 12 + 15) / 60
    expect(rows.get('Officer hours in hotspots')![0]).toBe(1.12); // (40 + 12 + 15) / 60 = 1.1167
    expect(rows.get('Arrests (patrol records)')![0]).toBe(1);
    expect(rows.get('Intelligence submissions (patrol records)')![0]).toBe(3);
    expect(rows.get('Crimes in hotspots')).toEqual([3, 'no data', 'no data']);
    expect(rows.get('Harm (Count) in hotspots')).toEqual([3, 'no data', 'no data']);
    expect(rows.get('Stop and searches in hotspots (police.uk stop-and-search data)')).toEqual([1, 'no data', 'no data']);
    expect(rows.get('Median GPS fix interval (s)')![0]).toBe(30);
  });

  it('stop-and-search data missing for a month of the period is "no data", not a count', async () => {
    const { db, plan } = await q1Db();
    db.run("DELETE FROM stop_searches WHERE month = '2025-06'");
    const ret = buildQuarterlyReturn(db, plan, '2025-04-01', '2025-06-30', { generatedAt: GEN });
    expect(ret.sheets[0]!.rows.find((r) => String(r[0]).startsWith('Stop and searches in hotspots'))![1]).toBe('no data');
  });

  it('a year earlier with crime data gives counts and the change', async () => {
    const { db, plan } = await q1Db();
    for (const m of ['2024-04', '2024-05', '2024-06']) addCrime(db, m, 420075, 435075);
    addCrime(db, '2024-05', 420080, 435080);
    const ret = buildQuarterlyReturn(db, plan, '2025-04-01', '2025-06-30', { generatedAt: GEN });
    const row = ret.sheets[0]!.rows.find((r) => r[0] === 'Crimes in hotspots')!;
    expect(row.slice(1, 4)).toEqual([3, 4, -25]);
  });

  it('By district: BD, CD, KD, LD, WD columns and a force total', async () => {
    const { db, plan } = await q1Db();
    const ret = buildQuarterlyReturn(db, plan, '2025-04-01', '2025-06-30', { generatedAt: GEN });
    const s = ret.sheets[1]!;
    expect(s.columns.map((c) => c.header)).toEqual(['Measure', 'BD', 'CD', 'KD', 'LD', 'WD', 'Force']);
    const get = (label: string) => s.rows.find((r) => r[0] === label)!.slice(1);
    expect(get('Hotspots')).toEqual([1, 0, 0, 1, 0, 2]);
    expect(get('Visits (merged patrols)')).toEqual([2, 0, 0, 1, 0, 3]);
    expect(get('Patrol hours delivered')).toEqual([0.45, 0, 0, 0.5, 0, 0.95]);
    expect(get('Delivered vs target (%)')).toEqual([2, 'no target', 'no target', 2.2, 'no target', 2.1]);
    expect(get('Crimes in hotspots')).toEqual([1, 0, 0, 2, 0, 3]);
    expect(get('Crimes a year earlier')).toEqual(['no data', 'no data', 'no data', 'no data', 'no data', 'no data']);
    // Other forces: their own district names, in order.
    expect(districtColumns(['Southend', 'Basildon']).map((d) => d.label)).toEqual(['Basildon', 'Southend']);
    expect(districtColumns(['Leeds', 'Kirklees']).map((d) => d.label)).toEqual(['BD', 'CD', 'KD', 'LD', 'WD']);
  });

  it('By hotspot and month and Outcomes carry the figures per month with sources', async () => {
    const { db, plan } = await q1Db();
    const ret = buildQuarterlyReturn(db, plan, '2025-04-01', '2025-06-30', { generatedAt: GEN });
    const hm = ret.sheets[2]!;
    const keys = hm.columns.map((c) => c.key);
    const row = (id: string, month: string) => Object.fromEntries(hm.rows.find((r) => r[0] === id && r[4] === month)!.map((v, i) => [keys[i], v]));
    expect(row(A, '2025-04')).toMatchObject({ name: 'Briggate', district: 'Leeds', source: 'gps+records', visits: 1, officer_minutes: 40, patrol_hours: 0.5, target_hours: 7.5, delivered_pct: 6.7, arrests: 1, crimes: 2, harm: 2 });
    expect(row(B, '2025-06')).toMatchObject({ source: 'records', visits: 1, patrol_hours: 0.25, intel_submissions: 3, crimes: 0 });
    expect(row(A, '2025-05')).toMatchObject({ source: 'none', visits: 0 });
    const out = ret.sheets[3]!;
    expect(out.columns.at(-1)!.header).toBe('Stop and searches recorded in hotspot (stop-and-search data)');
    expect(out.rows.at(-1)).toEqual(['Total', '', '', '', 1, 2, 1, 3, 1]);
    const notes = ret.sheets[4]!.rows.map((r) => `${r[0]}: ${r[1]}`);
    expect(notes).toContain('Plan seed: 42');
    expect(notes).toContain(`Generated at: ${GEN}`);
    expect(notes.some((n) => n.startsWith('Input file: GPS fixes file radio_q1.csv') && n.includes('1,000 rows read = 990 accepted + 6 duplicates + 4 rejected'))).toBe(true);
    expect(notes.some((n) => n.startsWith('Definition: patrol-minutes') || n.includes('officer-minutes'))).toBe(true);
  });

  it('a month no input reaches is "no data" in By hotspot and month, not zero patrols', async () => {
    const plan = handPlan();
    const db = await dbWithPlan(plan);
    // GPS fixes for 1-30 April only: May and June are unmeasured.
    const fx = addImport(db, 'fixes', 'P1', { firstFixUtc: Date.parse('2025-04-01T08:00:00Z'), lastFixUtc: Date.parse('2025-04-30T20:00:00Z') }, 'april.csv');
    addVisit(db, fx, 'PC1', A, '2025-04-10T18:00:00Z', 20);
    const ret = buildQuarterlyReturn(db, plan, '2025-04-01', '2025-06-30', { generatedAt: GEN });
    const hm = ret.sheets[2]!;
    const keys = hm.columns.map((c) => c.key);
    const row = (id: string, month: string) => Object.fromEntries(hm.rows.find((r) => r[0] === id && r[4] === month)!.map((v, i) => [keys[i], v]));
    expect(row(A, '2025-04')).toMatchObject({ source: 'gps', visits: 1 });
    expect(row(B, '2025-04')).toMatchObject({ source: 'none', visits: 0 });
    expect(row(A, '2025-05')).toMatchObject({ source: 'no data', visits: 'no data', patrol_hours: 'no data', delivered_pct: 'no data' });
    const notes = ret.sheets[4]!.rows.map((r) => String(r[1]));
    expect(notes.some((n) => n.startsWith('No GPS fixes or patrol records reach 2025-05, 2025-06'))).toBe(true);
  });

  it('CSVs: one per sheet, method lines first', async () => {
    const { db, plan } = await q1Db();
    const csvs = returnCsvs(buildQuarterlyReturn(db, plan, '2025-04-01', '2025-06-30', { generatedAt: GEN }));
    expect(Object.keys(csvs)).toEqual(['summary.csv', 'by_district.csv', 'by_hotspot_month.csv', 'outcomes.csv', 'notes.csv']);
    const lines = csvs['by_district.csv']!.split('\r\n');
    expect(lines[0]!.startsWith('# ')).toBe(true);
    expect(lines.find((l) => !l.startsWith('# '))).toBe('measure,BD,CD,KD,LD,WD,force');
    expect(csvs['summary.csv']).toContain('Crimes in hotspots,3,no data,no data');
    for (const t of Object.values(csvs)) expect(t).not.toMatch(/NaN|Infinity/);
  });

  it('XLSX reads back with exceljs, and regenerating after reopening gives the same bytes', async () => {
    const { db, plan } = await q1Db();
    const opts = { generatedAt: GEN, softwareVersion: '0.1.0', periodLabel: '2025-26 Q1' };
    const bytes1 = await returnXlsx(buildQuarterlyReturn(db, plan, '2025-04-01', '2025-06-30', opts));
    // Reopen: export the project and open the bytes again, as after saving and reopening the file.
    const { loadSqlJs } = await import('../../../cli/sqlNode');
    const { openProjectDb } = await import('../../../shared/project/projectDb');
    const { loadPlan } = await import('../../../shared/patrols/planStore');
    const db2 = openProjectDb(await loadSqlJs(), db.export(), 'reopened.hotspot');
    await new Promise((r) => setTimeout(r, 1100)); // a different second on the clock
    const bytes2 = await returnXlsx(buildQuarterlyReturn(db2, loadPlan(db2, 'P1')!, '2025-04-01', '2025-06-30', opts));
    expect(Buffer.from(bytes2).equals(Buffer.from(bytes1))).toBe(true);
    const bytes3 = await returnXlsx(buildQuarterlyReturn(db2, loadPlan(db2, 'P1')!, '2025-04-01', '2025-06-30', { ...opts, generatedAt: '2025-07-04T08:00:00.000Z' }));
    expect(Buffer.from(bytes3).equals(Buffer.from(bytes1))).toBe(false);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes1) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'By district', 'By hotspot and month', 'Outcomes', 'Notes']);
    expect(wb.created.toISOString()).toBe(GEN);
    const summary = wb.getWorksheet('Summary')!;
    expect(String(summary.getCell('A1').value)).toBe('Test force: hotspot patrol return, 2025-26 Q1');
    expect(summary.getCell('A3').value).toBe('Measure');
    expect(summary.getCell('A3').font?.bold).toBe(true);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const find = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((r) => { if (r.getCell(1).value === label) found = r; });
      return found!;
    };
    expect(find('Patrol hours delivered').getCell(2).value).toBe(0.95);
    expect(find('Patrol hours delivered').getCell(2).numFmt).toBe('#,##0.0');
    expect(find('Patrol hours delivered vs target (%)').getCell(2).numFmt).toBe('0"%"');
    expect(find('Crimes in hotspots').getCell(3).value).toBe('no data');
    const dist = wb.getWorksheet('By district')!;
    expect(dist.getRow(3).values).toEqual([undefined, 'Measure', 'BD', 'CD', 'KD', 'LD', 'WD', 'Force']);
  });

  it('hotspots without a district and other forces use district names', async () => {
    const plan = handPlan({ hotspots: [cellHotspot(10, 10, 1, 'High St', 'Southend-on-Sea', null), cellHotspot(20, 20, 2, 'Station Rd', null, null)] });
    const db = await dbWithPlan(plan);
    const ret = buildQuarterlyReturn(db, plan, '2025-04-01', '2025-06-30', { generatedAt: GEN });
    expect(ret.sheets[1]!.columns.map((c) => c.header)).toEqual(['Measure', 'No district', 'Southend-on-Sea', 'Force']);
    // No inputs at all: dosage is "no data", the target still shows.
    const rows = new Map(ret.sheets[0]!.rows.map((r) => [r[0] as string, r[1]]));
    expect(rows.get('Visits (merged patrols)')).toBe('no data');
    expect(rows.get('Patrol hours target')).toBe(45.5);
    expect(rows.get('Crimes in hotspots')).toBe('no data');
  });
});
