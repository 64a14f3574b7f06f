import { describe, expect, it } from 'vitest';
import { computeDosage, londonDate } from '../../../shared/returns/dosage';
import { dosageCsv } from '../../../shared/returns/dosageCsv';
import { financialQuarter } from '../../../shared/returns/periods';
import { planTarget } from '../../../shared/returns/target';
import { addDeviceDay, addImport, addRecord, addVisit, dbWithPlan, handPlan } from './handBuilt';

const A = 'SQ150_E420000_N435000'; // Briggate, Leeds
const B = 'SQ150_E405000_N427500'; // Kirkgate, Bradford

describe('dosage from device visits (DOMAIN.md definitions)', () => {
  it('two officers overlapping: one visit, officer-minutes 40, patrol-minutes 30', async () => {
    const db = await dbWithPlan();
    const imp = addImport(db, 'fixes', 'P1', { medianFixIntervalSeconds: 30 });
    // 19:00-19:20 and 19:10-19:30 BST (UTC+1): union 19:00-19:30.
    addVisit(db, imp, 'PC1', A, '2025-06-10T18:00:00Z', 20);
    addVisit(db, imp, 'PC2', A, '2025-06-10T18:10:00Z', 20);
    const r = computeDosage(db, handPlan(), '2025-06-10', '2025-06-10');
    expect(r.byHotspotDay).toEqual([expect.objectContaining({
      hotspotId: A, date: '2025-06-10', visits: 1, visits10: 1, visits15: 1, officerMinutes: 40, patrolMinutes: 30, source: 'gps',
    })]);
    expect(r.byHotspot.find((h) => h.hotspotId === B)).toMatchObject({ visits: 0, patrolMinutes: 0, source: 'none' });
    expect(r.medianFixIntervalSeconds).toBe(30);
  });

  it("a device's own overlapping visits (overlapping files) count once in officer-minutes", async () => {
    const db = await dbWithPlan();
    const i1 = addImport(db, 'fixes');
    const i2 = addImport(db, 'fixes');
    addVisit(db, i1, 'PC1', A, '2025-06-10T18:00:00Z', 20);
    addVisit(db, i2, 'PC1', A, '2025-06-10T18:10:00Z', 20);
    const r = computeDosage(db, handPlan(), '2025-06-10', '2025-06-10');
    expect(r.byHotspotDay[0]).toMatchObject({ visits: 1, officerMinutes: 30, patrolMinutes: 30 });
  });

  it('separate patrols stay separate; Koper counts >= 10 and >= 15 minutes', async () => {
    const db = await dbWithPlan();
    const imp = addImport(db, 'fixes');
    const mins = [9, 10, 14.9, 15, 20];
    mins.forEach((m, k) => addVisit(db, imp, `PC${k}`, A, `2025-06-10T${String(10 + k).padStart(2, '0')}:00:00Z`, m));
    const r = computeDosage(db, handPlan(), '2025-06-10', '2025-06-10');
    expect(r.byHotspotDay[0]).toMatchObject({ visits: 5, visits10: 4, visits15: 2, patrolMinutes: 68.9, officerMinutes: 68.9 });
  });

  it('a visit across local midnight belongs to the day it starts', async () => {
    const db = await dbWithPlan();
    const imp = addImport(db, 'fixes');
    // 23:50 BST on 10 June = 22:50Z, until 00:20 BST on 11 June.
    addVisit(db, imp, 'PC1', A, '2025-06-10T22:50:00Z', 30);
    expect(computeDosage(db, handPlan(), '2025-06-10', '2025-06-10').byHotspotDay).toEqual([
      expect.objectContaining({ date: '2025-06-10', visits: 1, patrolMinutes: 30 }),
    ]);
    expect(computeDosage(db, handPlan(), '2025-06-11', '2025-06-11').byHotspotDay).toEqual([]);
    // 00:30 BST on 11 June is 23:30Z on the 10th: local day 11 June, not the UTC date.
    addVisit(db, imp, 'PC2', A, '2025-06-10T23:30:00Z', 12);
    expect(computeDosage(db, handPlan(), '2025-06-11', '2025-06-11').byHotspotDay).toEqual([
      expect.objectContaining({ date: '2025-06-11', visits: 1, visits10: 1, visits15: 0, patrolMinutes: 12 }),
    ]);
  });

  it('a visit across the October clock change lasts its real length and belongs to its local start day', async () => {
    const db = await dbWithPlan();
    const imp = addImport(db, 'fixes');
    // 26 Oct 2025: 01:50 BST (00:50Z) to 01:20 GMT (01:20Z) = 30 real minutes, though the wall clock went back.
    addVisit(db, imp, 'PC1', A, '2025-10-26T00:50:00Z', 30);
    // 00:30 BST on 26 Oct is 23:30Z on the 25th.
    addVisit(db, imp, 'PC2', B, '2025-10-25T23:30:00Z', 16);
    // 23:30 GMT on 26 Oct is 23:30Z: still the 26th.
    addVisit(db, imp, 'PC3', B, '2025-10-26T23:30:00Z', 11);
    expect(londonDate(Date.parse('2025-10-26T00:50:00Z'))).toBe('2025-10-26');
    const r = computeDosage(db, handPlan(), '2025-10-25', '2025-10-27');
    const rows = r.byHotspotDay.map((d) => [d.hotspotId, d.date, d.visits, d.patrolMinutes]);
    expect(rows).toEqual([[A, '2025-10-26', 1, 30], [B, '2025-10-26', 2, 27]]);
  });

  it('day, month and quarter attribution: a patrol starting 30 June 23:50 is June and 2025-26 Q1', async () => {
    const db = await dbWithPlan();
    const imp = addImport(db, 'fixes');
    addVisit(db, imp, 'PC1', A, '2025-06-30T22:50:00Z', 40); // 23:50 BST 30 June to 00:30 BST 1 July
    addVisit(db, imp, 'PC2', A, '2025-06-30T23:10:00Z', 40); // merges into it (00:10-00:50 BST on 1 July)
    const q1 = financialQuarter('2025-26 Q1');
    const q2 = financialQuarter('2025-26 Q2');
    const r1 = computeDosage(db, handPlan(), q1.from, q1.to);
    expect(r1.byHotspotDay).toEqual([expect.objectContaining({ date: '2025-06-30', visits: 1, patrolMinutes: 60, officerMinutes: 80 })]);
    expect(computeDosage(db, handPlan(), q2.from, q2.to).total.visits).toBe(0);
    expect(computeDosage(db, handPlan(), '2025-07-01', '2025-07-31').total.visits).toBe(0);
  });

  it('target and % delivered: planned days x hotspots x visits per day, minutes per visit', async () => {
    // Windows on Fridays and Saturdays only: June 2025 has 4 of each = 8 planned days.
    const plan = handPlan({ dosage: { ...handPlan().dosage, windows: [{ weekdays: [5, 6], start: '20:00', end: '02:00' }] } });
    const t = planTarget(plan, '2025-06-01', '2025-06-30');
    expect(t.days).toEqual(['2025-06-06', '2025-06-07', '2025-06-13', '2025-06-14', '2025-06-20', '2025-06-21', '2025-06-27', '2025-06-28']);
    expect(t).toMatchObject({ plannedVisitsPerHotspot: 8, targetMinutesPerHotspot: 120, plannedVisits: 16, targetMinutes: 240, targetHours: 4 });
    // Clipped to the plan period: a plan ending 10 June has 2 planned days in June.
    expect(planTarget({ ...plan, to: '2025-06-10' }, '2025-06-01', '2025-06-30').plannedVisits).toBe(4);

    const db = await dbWithPlan(plan);
    const imp = addImport(db, 'fixes');
    addVisit(db, imp, 'PC1', A, '2025-06-06T20:00:00Z', 30); // Fri: delivered
    addVisit(db, imp, 'PC1', A, '2025-06-06T22:00:00Z', 15); // second that Friday: not counted towards the plan
    addVisit(db, imp, 'PC1', A, '2025-06-07T20:00:00Z', 9); // Sat: too short for the Koper band
    addVisit(db, imp, 'PC1', A, '2025-06-09T20:00:00Z', 15); // Mon: not a planned day
    addVisit(db, imp, 'PC2', B, '2025-06-13T20:00:00Z', 12); // Fri: delivered
    addDeviceDay(db, imp, 'PC1', '2025-06-06', 7200, 2700);
    addDeviceDay(db, imp, 'PC2', '2025-06-13', 3600, 720);
    addDeviceDay(db, imp, 'PC2', '2025-05-31', 3600, 3600); // outside the period
    const r = computeDosage(db, plan, '2025-06-01', '2025-06-30');
    const a = r.byHotspot.find((h) => h.hotspotId === A)!;
    expect(a).toMatchObject({ visits: 4, visits10: 3, patrolMinutes: 69, targetMinutes: 120, plannedVisits: 8, deliveredVisits: 1 });
    expect(a.deliveredPct).toBeCloseTo(57.5, 10);
    expect(r.total).toMatchObject({ patrolMinutes: 81, targetMinutes: 240, deliveredVisits: 2, plannedVisits: 16 });
    expect(r.total.deliveredPct).toBeCloseTo(33.75, 10);
    expect(r.compliance).toMatchObject({ plannedVisits: 16, deliveredVisits: 2, visitShare: 0.125, windowSeconds: 10800, hotspotSeconds: 3420 });
    expect(r.compliance.timeShare).toBeCloseTo(3420 / 10800, 12);
    expect(r.compliance.sentence).toBe(
      '2 of 16 planned visits (13%) were delivered as patrols of 10 minutes or more (at most 1 a hotspot a planned day). ' +
        'Devices spent 32% of their fix time inside the patrol windows in hotspots (1 of 3 hours).',
    );
  });

  it('zero denominators give sentences, not NaN', async () => {
    const plan = handPlan({ from: '2025-04-01', to: '2025-04-30' });
    const db = await dbWithPlan(plan);
    const r = computeDosage(db, plan, '2025-06-01', '2025-06-30');
    expect(r.compliance.visitShare).toBeNull();
    expect(r.compliance.timeShare).toBeNull();
    expect(r.byHotspot[0]!.deliveredPct).toBeNull();
    expect(r.compliance.sentence).toContain('No visits were planned');
    expect(r.compliance.sentence).toContain('cannot be given');
    expect(r.measured).toEqual({ gps: false, records: false });
    expect(r.notes.join(' ')).toContain('not measured');
    const csv = dosageCsv(r);
    expect(csv).not.toMatch(/NaN|Infinity/);
    // Unmeasured: dosage cells blank, not 0.
    expect(csv.split('\r\n').find((l) => l.startsWith(A))).toBe(`${A},${A},Briggate,Leeds,Little London & Woodhouse,,,,,,0,,0,,none`);
  });

  it('source labels: GPS, records, and both (GPS minutes, record outcomes)', async () => {
    const db = await dbWithPlan();
    const fx = addImport(db, 'fixes');
    const rec = addImport(db, 'records');
    addVisit(db, fx, 'PC1', A, '2025-06-10T18:00:00Z', 20); // 10 June A: GPS only
    addVisit(db, fx, 'PC1', A, '2025-06-11T18:00:00Z', 20); // 11 June A: GPS and a record
    addRecord(db, rec, A, '2025-06-11T18:05:00Z', 30, 2, { arrests: 1, stop_searches: 2, weapons_seized: 0, intel_submissions: 1, asb_warnings: 3 });
    addRecord(db, rec, B, '2025-06-11T19:00:00Z', 15, 2, { arrests: 0, stop_searches: 1 }); // 11 June B: records only
    addRecord(db, rec, B, '2025-06-11T19:10:00Z', 15, 1, { arrests: 1 }); // overlaps the one before
    const r = computeDosage(db, handPlan(), '2025-06-01', '2025-06-30');
    const rows = r.byHotspotDay.map((d) => [d.hotspotId, d.date, d.source, d.visits, d.officerMinutes, d.patrolMinutes]);
    expect(rows).toEqual([
      [A, '2025-06-10', 'gps', 1, 20, 20],
      [A, '2025-06-11', 'gps+records', 1, 20, 20],
      [B, '2025-06-11', 'records', 1, 45, 25], // 15 x 2 officers + 15 x 1; union 19:00-19:25
    ]);
    expect(r.byHotspot.map((h) => h.source)).toEqual(['gps+records', 'records']);
    expect(r.byHotspot[0]!.outcomes).toEqual({ arrests: 1, stop_searches: 2, weapons_seized: 0, intel_submissions: 1, asb_warnings: 3 });
    expect(r.total.outcomes).toEqual({ arrests: 2, stop_searches: 3, weapons_seized: 0, intel_submissions: 1, asb_warnings: 3 });
    expect(r.outcomeNames).toEqual(['arrests', 'stop_searches', 'weapons_seized', 'intel_submissions', 'asb_warnings']);
    expect(r.byDistrict.map((d) => [d.districtName, d.visits, d.patrolMinutes])).toEqual([['Bradford', 1, 25], ['Leeds', 2, 40]]);
  });

  it('imports of other plans and unknown hotspot ids are left out, and said so', async () => {
    const db = await dbWithPlan();
    const other = addImport(db, 'fixes', 'P2');
    const mine = addImport(db, 'fixes', 'P1', { medianFixIntervalSeconds: 15, devices: 3, visits: 2, passThroughs: 7, firstFixUtc: '2025-06-01T00:00:00Z', lastFixUtc: '2025-06-30T23:00:00Z' }, 'radio_june.csv');
    addVisit(db, other, 'PC1', A, '2025-06-10T18:00:00Z', 20);
    addVisit(db, mine, 'PC1', 'SQ150_E1_N1', '2025-06-10T18:00:00Z', 20);
    const r = computeDosage(db, handPlan(), '2025-06-01', '2025-06-30');
    expect(r.total.visits).toBe(0);
    expect(r.notes[0]).toContain('SQ150_E1_N1');
    expect(r.sources).toEqual([
      'GPS fixes file radio_june.csv (import 2, 2025-07-02T09:00:00Z); 1,000 rows read = 990 accepted + 6 duplicates + 4 rejected; 3 devices; 2 device visits; 7 pass-throughs dropped; median fix interval 15 s; fixes 2025-06-01T00:00:00.000Z to 2025-06-30T23:00:00.000Z',
    ]);
    expect(r.medianFixIntervalSeconds).toBe(15);
  });

  it('the CSV has the columns the brief names and method lines starting "# "', async () => {
    const db = await dbWithPlan();
    const imp = addImport(db, 'fixes');
    addVisit(db, imp, 'PC1', A, '2025-06-10T18:00:00Z', 20);
    addVisit(db, imp, 'PC2', A, '2025-06-10T18:10:00Z', 20);
    const csv = dosageCsv(computeDosage(db, handPlan(), '2025-06-10', '2025-06-10'));
    const lines = csv.split('\r\n');
    const header = lines.find((l) => !l.startsWith('# '))!;
    expect(header).toBe('hotspot_id,cell_id,name,district,ward,visits,visits_10,visits_15,officer_minutes,patrol_minutes,planned_visits,delivered_visits,target_minutes,delivered_pct,source');
    expect(lines.filter((l) => l.startsWith('# ')).length).toBeGreaterThan(10);
    expect(lines).toContain(`${A},${A},Briggate,Leeds,Little London & Woodhouse,1,1,1,40,30,1,1,15,200,gps`);
  });
});
