import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPatrolRecords } from '../../../shared/dosage/importPatrolRecords';
import { queryAll } from '../../../shared/project/projectDb';
import { count, projectWithPlan, testPlan, textSource } from './helpers';

const sample = readFileSync(path.resolve(__dirname, '../../../fixtures/dosage/patrol_records_sample.csv'), 'utf8');

describe('importPatrolRecords', () => {
  it('keeps standard and extra outcome columns, rejects bad rows with line and reason, and drops duplicates', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const r = await importPatrolRecords(db, plan, textSource('patrol_records_sample.csv', sample));
    expect(r).toMatchObject({ kind: 'records', rowsRead: 8, accepted: 3, duplicates: 1, rejected: 4, alreadyImported: false });
    expect(r.rejections.map((x) => [x.line, x.column])).toEqual([[5, 'Hotspot ID'], [6, 'End'], [7, 'Arrests'], [8, 'Drugs Seizures']]);
    expect(r.rejections[0]!.reason).toBe('hotspot "C" is not in plan P1');
    expect(r.rejections[1]!.reason).toMatch(/ends \(2024-06-03 11:50\) before it starts/);
    expect(r.rejections[2]!.reason).toBe('arrests "lots" is not a count (a number of 0 or more)');
    const rows = queryAll<{ hotspot_id: string; start_utc: number; end_utc: number; officers: number; outcomes: string }>(
      db, 'SELECT hotspot_id, start_utc, end_utc, officers, outcomes FROM patrol_records ORDER BY start_utc',
    );
    expect(rows.map((x) => ({ ...x, outcomes: JSON.parse(x.outcomes) as unknown }))).toEqual([
      // B's times carry Z; A's are UK local (BST): 10:00 local = 09:00Z.
      { hotspot_id: 'A', start_utc: Date.parse('2024-06-03T09:00:00Z'), end_utc: Date.parse('2024-06-03T09:15:00Z'), officers: 2,
        outcomes: { arrests: 1, stop_searches: 0, weapons_seized: 0, intel_submissions: 1, 'Drugs Seizures': 2 } },
      { hotspot_id: 'B', start_utc: Date.parse('2024-06-03T09:00:00Z'), end_utc: Date.parse('2024-06-03T09:12:00Z'), officers: 1,
        outcomes: { arrests: 0, weapons_seized: 0, intel_submissions: 3, 'Drugs Seizures': 1 } },
      { hotspot_id: 'A', start_utc: Date.parse('2024-06-03T17:00:00Z'), end_utc: Date.parse('2024-06-03T17:20:00Z'), officers: 1,
        outcomes: { arrests: 0, stop_searches: 2, weapons_seized: 1, intel_submissions: 0, 'Drugs Seizures': 0 } },
    ]);
    expect(r.notes.join(' ')).toMatch(/Extra outcome columns kept by name: "Drugs Seizures"\. Ignored \(text, not counts\): "Notes"/);
  });

  it('is idempotent for the same file and treats a record already in the plan as a duplicate', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    await importPatrolRecords(db, plan, textSource('records.csv', sample));
    const again = await importPatrolRecords(db, plan, textSource('records.csv', sample));
    expect(again).toMatchObject({ alreadyImported: true, accepted: 3 });
    expect(count(db, 'patrol_records')).toBe(3);
    const overlap = await importPatrolRecords(db, plan, textSource('more.csv', 'hotspot,from,to,arrests\nA,2024-06-03 10:00,2024-06-03 10:15,1\nB,2024-06-05 10:00,2024-06-05 10:10,0\n'));
    expect(overlap).toMatchObject({ rowsRead: 2, accepted: 1, duplicates: 1, rejected: 0 });
    expect(count(db, 'patrol_records')).toBe(4);
  });

  it('names the missing columns', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    await expect(importPatrolRecords(db, plan, textSource('r.csv', 'place,start\nA,2024-06-03 10:00\n'))).rejects.toThrow(/could not find the hotspot id, end time columns/);
  });

  it('rejects officers that are not a whole number', async () => {
    const plan = testPlan();
    const db = await projectWithPlan(plan);
    const r = await importPatrolRecords(db, plan, textSource('r.csv', 'hotspot_id,start,end,officers\nA,2024-06-03 10:00,2024-06-03 10:15,1.5\n'));
    expect(r.rejections).toEqual([{ line: 2, column: 'officers', reason: 'officers "1.5" is not a whole number of 1 or more', raw: 'A,2024-06-03 10:00,2024-06-03 10:15,1.5' }]);
  });
});
