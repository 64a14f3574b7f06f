import { describe, expect, it } from 'vitest';
import { bufferRing, cellKey } from '../../../shared/evaluation/cellAreas';
import { evaluatePlan, evaluationCsv } from '../../../shared/evaluation/evaluatePlan';
import { localDate } from '../../../shared/evaluation/patrolledDays';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { savePlan } from '../../../shared/patrols/planStore';
import { makeDb, type TestCrime } from '../hotspots/testDb';
import { handPlan } from './planFixture';

/*
 * Hand-built project on 100 m BNG squares. Cells (col, row) and a point inside each:
 *   T  (4010, 4010) SQ100_E401000_N401000  point 401050, 401050  the plan's one hotspot
 *   D  (4011, 4010) SQ100_E401100_N401000  point 401150, 401050  east neighbour: in T's 100 m ring
 *   A  (4005, 4005) SQ100_E400500_N400500  point 400550, 400550  busiest cell outside T and its ring
 *   Ad (4004, 4005) SQ100_E400400_N400500  point 400450, 400550  west neighbour of A: in A's ring
 *   B  (4015, 4005) SQ100_E401500_N400500  point 401550, 400550  second outside T's ring
 *   E  (4015, 4015) SQ100_E401500_N401500  point 401550, 401550  few but harmful basis crimes
 * Basis (2024-03), all burglary (CCHI 246.39 days) except A's shoplifting (1 day):
 *   T 20, D 10, A 5, E 4, B 3 -> by count (plan P1) the next-ranked control (1 cell, as T has 1)
 *   is A (D is excluded as buffer); by CCHI harm (plan P3) it is E (4 x 246.39 = 985.56, vs B 739.17, A 5).
 * Before (2024-08): T 6, D 4, A 8, Ad 2; plus in T one record outside the force area and one
 *   without a location (both left out).
 * After (2024-10..12): T 4 (three dated, one undated), D 5, A 8, Ad 3.
 *
 * By hand (counts): Rb 6 Ra 4 Db 4 Da 5 Cb 8 Ca 8
 *   success = 4/8 - 6/8 = -0.25; buffer = 5/8 - 4/8 = 0.125; WDQ = 0.125 / -0.25 = -0.5
 *   TNE = [6 x 1 - 4] + [4 x 1 - 5] = 2 - 1 = 1
 *   WDD = (4 - 6) - (8 - 8) + (5 - 4) - (3 - 2) = -2 - 0 + 1 - 1 = -2
 *   variance = 6 + 4 + 8 + 8 + 4 + 5 + 2 + 3 = 40, SE = sqrt(40)
 * Treated % change = (4 - 6) / 6 x 100 = -33.33..%; control buffer (2 -> 3) +50%.
 *
 * Days: the plan patrols 2024-10-01..2024-12-31 = the after months: 92 local days.
 *   GPS visit starting 2024-10-26 23:30 UTC = 2024-10-27 00:30 BST (clocks go back at 01:00 UTC
 *   that night) -> patrolled day 2024-10-27, not the 26th.
 *   GPS visit 2024-11-05 09:00 UTC -> 2024-11-05; patrol record 2024-11-07 14:00 UTC -> 2024-11-07.
 *   A visit imported for another plan on 2024-10-26 is ignored.
 *   Patrolled days 3, unpatrolled 89. T's dated crimes: 2024-10-26 20:00 (unpatrolled),
 *   2024-10-27 12:00 (patrolled), 2024-11-05 10:00 (patrolled) -> 2 on patrolled days (2/3 a day),
 *   1 on unpatrolled days (1/89 a day); 1 undated record.
 */
const T = 'SQ100_E401000_N401000';
const at = (cell: [number, number], n: number, month: string, extra: Partial<TestCrime> = {}): TestCrime[] =>
  Array.from({ length: n }, () => ({ month, type: 'Burglary', e: cell[0], n: cell[1], ward: 'W', ...extra }));
const pT: [number, number] = [401050, 401050], pD: [number, number] = [401150, 401050];
const pA: [number, number] = [400550, 400550], pAd: [number, number] = [400450, 400550], pB: [number, number] = [401550, 400550];
const pE: [number, number] = [401550, 401550];

async function project() {
  const crimes: TestCrime[] = [
    ...at(pT, 20, '2024-03'), ...at(pD, 10, '2024-03'), ...at(pA, 5, '2024-03', { type: 'Shoplifting' }), ...at(pB, 3, '2024-03'), ...at(pE, 4, '2024-03'),
    ...at(pT, 6, '2024-08'), ...at(pD, 4, '2024-08'), ...at(pA, 8, '2024-08'), ...at(pAd, 2, '2024-08'),
    ...at(pT, 1, '2024-08', { outOfArea: true }), { month: '2024-08', type: 'Burglary', ward: 'W' },
    ...at(pT, 1, '2024-10', { from: '2024-10-26T20:00' }), ...at(pT, 1, '2024-10', { from: '2024-10-27T12:00' }),
    ...at(pT, 1, '2024-11', { from: '2024-11-05T10:00' }), ...at(pT, 1, '2024-12'),
    ...at(pD, 5, '2024-11'), ...at(pA, 8, '2024-10'), ...at(pAd, 3, '2024-12'),
  ];
  const db = await makeDb([{ code: 'W', name: 'Ward', district: 'North', e0: 400000, n0: 400000, e1: 402000, n1: 402000 }], crimes);
  savePlan(db, handPlan('P1', [T]));
  savePlan(db, handPlan('P2', [T]));
  installDefaults(db);
  savePlan(db, handPlan('P3', [T], { schemeId: 'cchi-category', schemeLabel: 'CCHI, derived category averages' }));
  const imp = (id: number, kind: string, plan: string) =>
    db.run(
      `INSERT INTO dosage_imports (id, kind, plan_id, file_name, content_hash, imported_at, rows_read, accepted, duplicates, rejected, summary)
       VALUES (?, ?, ?, 'f.csv', ?, '2025-01-01', 1, 1, 0, 0, '{}')`,
      [id, kind, plan, `h${id}`],
    );
  imp(1, 'fixes', 'P1');
  imp(2, 'records', 'P1');
  imp(3, 'fixes', 'other');
  const visit = (importId: number, start: number) =>
    db.run('INSERT INTO device_visits (import_id, device, hotspot_id, start_utc, end_utc, fixes) VALUES (?, ?, ?, ?, ?, 10)', [importId, 'dev1', T, start, start + 900_000]);
  visit(1, Date.UTC(2024, 9, 26, 23, 30));
  visit(1, Date.UTC(2024, 10, 5, 9, 0));
  visit(3, Date.UTC(2024, 9, 26, 12, 0));
  db.run(
    `INSERT INTO patrol_records (import_id, dedupe_key, hotspot_id, start_utc, end_utc, officers, outcomes) VALUES (2, 'r1', ?, ?, ?, 2, '{}')`,
    [T, Date.UTC(2024, 10, 7, 14, 0), Date.UTC(2024, 10, 7, 14, 20)],
  );
  return db;
}

const req = { planId: 'P1', before: { from: '2024-07', to: '2024-09' }, after: { from: '2024-10', to: '2024-12' }, bufferMetres: 100 };

describe('evaluatePlan on a hand-built project', async () => {
  const db = await project();

  it('finds the buffer ring by cell centres within the distance of the treated edge', () => {
    const core = new Set([cellKey(4010, 4010)]);
    // 100 m: the 4 edge neighbours (centres 50 m away) and 4 diagonal ones (70.7 m to the corner).
    expect(bufferRing({ shape: 'square', size: 100 }, core, 100).size).toBe(8);
    // 250 m: offsets (a, b) with centre distance <= 250: 12 in line (1..3 each way), 4 at (1,1),
    // 8 at (1,2)/(2,1) (sqrt(50^2 + 150^2) = 158), 4 at (2,2) (212); (1,3) is 255 m: out.
    expect(bufferRing({ shape: 'square', size: 100 }, core, 250).size).toBe(28);
    // Hexes of 100 m: the 6 neighbours' centres are 100 - 50 (apothem) = 50 m from the edge; the
    // next ring is 200 - 50 = 150 m (in line) or 173.2 - 57.7 (corner radius) = 115.5 m away.
    expect(bufferRing({ shape: 'hex', size: 100 }, core, 100).size).toBe(6);
    expect(bufferRing({ shape: 'hex', size: 100 }, core, 120).size).toBe(12);
    expect(bufferRing({ shape: 'hex', size: 100 }, core, 150).size).toBe(18);
  });

  it('counts treated, buffer, control and control-buffer cells as worked by hand', () => {
    const ev = evaluatePlan(db, req);
    const { treated, buffer, control, controlBuffer } = ev.areas;
    expect(treated.cellIds).toEqual([T]);
    expect(buffer.cellIds).toHaveLength(8);
    expect(buffer.cellIds).toContain('SQ100_E401100_N401000');
    expect(control.cellIds).toEqual(['SQ100_E400500_N400500']);
    expect(controlBuffer.cellIds).toHaveLength(8);
    expect([treated.before.count, treated.after.count, buffer.before.count, buffer.after.count]).toEqual([6, 4, 4, 5]);
    expect([control.before.count, control.after.count, controlBuffer.before.count, controlBuffer.after.count]).toEqual([8, 8, 2, 3]);
    expect(treated.change.count).toBe(-2);
    expect(Math.abs(treated.change.countPct! - -100 / 3)).toBeLessThan(1e-9);
    expect(controlBuffer.change.countPct).toBe(50);
    expect(Math.abs(ev.wdq.successMeasure! - -0.25)).toBeLessThan(1e-9);
    expect(Math.abs(ev.wdq.value! - -0.5)).toBeLessThan(1e-9);
    expect(Math.abs(ev.wdq.tne! - 1)).toBeLessThan(1e-9);
    expect(ev.wdd.wdd).toBe(-2);
    expect(Math.abs(ev.wdd.se! - Math.sqrt(40))).toBeLessThan(1e-9);
    expect(ev.wdd.notes.join(' ')).toMatch(/Small counts \(Ta, Db, Cdb, Cda below 5\)/);
    expect(ev.hotspots[0]!.before.count).toBe(6);
    expect(ev.method.some((l) => l.startsWith('buffer: cells of the same grid whose centres lie within 100 m'))).toBe(true);
    expect(ev.method.some((l) => l.startsWith('control: the 1 next-ranked cell by harm'))).toBe(true);
  });

  it('weighs harm with the chosen scheme but ranks the control with the plan\'s own', () => {
    // Evaluating P1 (ranked by count) in CCHI: control stays A. All before/after crimes are
    // burglary, so every harm = 246.39 x count: treated before 6 x 246.39 = 1478.34, WDQ on harm
    // = WDQ on counts = -0.5, TNE on harm = 246.39 x 1.
    const ev = evaluatePlan(db, { ...req, schemeId: 'cchi-category' });
    expect(ev.areas.control.cellIds).toEqual(['SQ100_E400500_N400500']);
    expect(Math.abs(ev.areas.treated.before.harm - 1478.34)).toBeLessThan(1e-9);
    expect(Math.abs(ev.wdqHarm.value! - -0.5)).toBeLessThan(1e-9);
    expect(Math.abs(ev.wdqHarm.tne! - 246.39)).toBeLessThan(1e-9);
    expect(ev.wdd.wdd).toBe(-2);
    expect(evaluationCsv(ev)).toContain('# result (harm, CCHI, derived category averages): WDQ -0.5; success measure -0.25; total net effect 246.39');
    // Plan P3 chose its hotspots by CCHI harm, so its control is the most harmful cell left: E.
    const p3 = evaluatePlan(db, { ...req, planId: 'P3' });
    expect(p3.areas.control.cellIds).toEqual(['SQ100_E401500_N401500']);
    expect(p3.scheme.id).toBe('cchi-category');
  });

  it('compares crime on patrolled and unpatrolled local days', () => {
    expect(localDate(Date.UTC(2024, 9, 26, 23, 30))).toBe('2024-10-27');
    expect(localDate(Date.UTC(2024, 9, 27, 23, 30))).toBe('2024-10-27');
    const d = evaluatePlan(db, req).hotspots[0]!.days!;
    expect(d.from).toBe('2024-10-01');
    expect(d.to).toBe('2024-12-31');
    expect(d.patrolled).toEqual({ days: 3, count: 2, harm: 2, countPerDay: 2 / 3, harmPerDay: 2 / 3 });
    expect(d.unpatrolled).toEqual({ days: 89, count: 1, harm: 1, countPerDay: 1 / 89, harmPerDay: 1 / 89 });
    expect(d.undated).toBe(1);
    expect(d.reading).toBe('0.6667 crimes per patrolled day vs 0.0112 per unpatrolled day.');
  });

  it('says plainly when dosage is missing or crimes have no dates', () => {
    const none = evaluatePlan(db, { ...req, planId: 'P2' });
    expect(none.hotspots[0]!.days).toBeNull();
    expect(none.dayNotes).toEqual(['No GPS visits or patrol records are imported for plan P2, so crime on patrolled and unpatrolled days cannot be compared.']);
    const dec = evaluatePlan(db, { ...req, after: { from: '2024-12', to: '2024-12' } });
    expect(dec.hotspots[0]!.days!.reading).toMatch(/have only a month, no day, as police.uk data does: the day-level comparison needs force extracts with dates/);
    expect(dec.warnings.join(' ')).toMatch(/before period has 3 months and the after period 1/);
  });

  it('takes a given control, and rejects one that overlaps the hotspots or their buffer', () => {
    const ev = evaluatePlan(db, { ...req, control: ['SQ100_E401500_N400500'] });
    expect(ev.control).toBe('given');
    expect(ev.areas.control.before.count).toBe(0);
    expect(ev.wdq.value).toBeNull();
    expect(ev.wdq.reading).toMatch(/^The control area has no crimes before and after/);
    expect(() => evaluatePlan(db, { ...req, control: [T] })).toThrow(/one of the plan's hotspot cells/);
    expect(() => evaluatePlan(db, { ...req, control: ['SQ100_E401100_N401000'] })).toThrow(/lies in the 100 m buffer/);
    expect(() => evaluatePlan(db, { ...req, control: ['SQ150_E400500_N400500'] })).toThrow(/not a square cell of 100 m/);
    expect(() => evaluatePlan(db, { ...req, planId: 'nope' })).toThrow(/No patrol plan "nope"/);
    expect(() => evaluatePlan(db, { ...req, before: { from: '2024-9', to: '2024-10' } })).toThrow(/YYYY-MM/);
  });

  it('writes a CSV with method and result lines, then one row per area and hotspot', () => {
    const csv = evaluationCsv(evaluatePlan(db, req));
    const lines = csv.trim().split('\r\n');
    const comments = lines.filter((l) => l.startsWith('# '));
    expect(comments).toContain('# result (counts): WDQ -0.5; success measure -0.25; total net effect 1');
    expect(comments.some((l) => l.startsWith('# result WDD (counts): -2 (local -2, displacement 0); SE 6.3246;'))).toBe(true);
    expect(comments.some((l) => l.startsWith('# WDQ (Bowers & Johnson 2003)'))).toBe(true);
    const rows = lines.slice(comments.length);
    expect(rows[0]!.split(',').slice(0, 4)).toEqual(['row_type', 'id', 'name', 'cells']);
    expect(rows[1]).toMatch(/^area,treated,Treated \(patrolled hotspots\),1,6,4,-2,-33\.333333,6,4,-2,-33\.333333,/);
    expect(rows[4]).toMatch(/^area,controlBuffer,/);
    expect(rows[5]).toBe(
      `hotspot,${T},Hotspot 1,1,6,4,-2,-33.333333,6,4,-2,-33.333333,3,89,2,1,0.666667,0.011236,2,1,1,0.6667 crimes per patrolled day vs 0.0112 per unpatrolled day.`,
    );
    expect(csv).not.toMatch(/NaN|Infinity/);
  });
});
