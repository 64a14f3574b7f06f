import type { Database } from 'sql.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { createProjectDb } from '../../../shared/project/projectDb';
import {
  deleteDosageImportRows, findDosageImportByHash, insertDeviceDays, insertDeviceVisits, insertDosageImportRow, insertDosageRejections,
  insertPatrolRecords, readDosageImports, readDosageSummary, readPlanDeviceSeconds, readPlanPatrolRecords, readPlanPatrolStarts,
  readPlanVisits, writeDosageCounts, writeDosageSummary,
} from '../../../shared/repository/dosage';
import { deletePlanRows, readPlanHotspotData, readPlanIdCovering, readPlanList, readPlanRow, writePlan, type PlanRow } from '../../../shared/repository/plans';

let db: Database;

beforeEach(async () => {
  db = createProjectDb(await loadSqlJs(), 'plans');
});
afterEach(() => db.close());

const plan = (id: string, from: string, to: string, createdAt: string): PlanRow => ({
  id, name: `Plan ${id}`, createdAt, patrolFrom: from, patrolTo: to, basisFrom: '2024-01', basisTo: '2024-12',
  schemeId: 'count', categorySetId: null, cellSize: 150, cellShape: 'square', seed: 7, settings: '{"a":1}', method: '["m"]',
});

describe('patrol plans', () => {
  it('stores a plan with its hotspots, lists, finds the covering plan and deletes', () => {
    writePlan(db, plan('p1', '2025-01-01', '2025-03-31', '2024-12-01T00:00:00Z'), [
      { hotspotId: 'H2', rank: 2, name: 'Second', data: '{"id":"H2"}' },
      { hotspotId: 'H1', rank: 1, name: 'First', data: '{"id":"H1"}' },
    ]);
    writePlan(db, plan('p2', '2025-03-01', '2025-06-30', '2025-02-01T00:00:00Z'), []);
    expect(readPlanRow(db, 'p1')).toEqual(plan('p1', '2025-01-01', '2025-03-31', '2024-12-01T00:00:00Z'));
    expect(readPlanRow(db, 'nope')).toBeNull();
    expect(readPlanHotspotData(db, 'p1')).toEqual(['{"id":"H1"}', '{"id":"H2"}']);
    expect(readPlanList(db).map((p) => [p.id, p.hotspots])).toEqual([['p2', 0], ['p1', 2]]);
    // March: p1 covers 31 days of it, p2 31 too; a tie goes to the newer plan.
    expect(readPlanIdCovering(db, '2025-03-01', '2025-03-31')).toBe('p2');
    expect(readPlanIdCovering(db, '2025-02-01', '2025-03-10')).toBe('p1');
    expect(readPlanIdCovering(db, '2026-01-01', '2026-01-31')).toBeNull();
    // Writing again replaces the hotspots.
    writePlan(db, plan('p1', '2025-01-01', '2025-03-31', '2024-12-01T00:00:00Z'), [{ hotspotId: 'H9', rank: 1, name: 'Only', data: '{}' }]);
    expect(readPlanHotspotData(db, 'p1')).toEqual(['{}']);
    deletePlanRows(db, 'p1');
    expect(readPlanRow(db, 'p1')).toBeNull();
    expect(readPlanHotspotData(db, 'p1')).toEqual([]);
  });
});

describe('dosage inputs', () => {
  const importRow = (planId: string, kind: string, hash: string) => insertDosageImportRow(db, {
    kind, planId, fileName: `${hash}.csv`, contentHash: hash, importedAt: '2025-01-02T00:00:00Z', rowsRead: 4, accepted: 3, duplicates: 0, rejected: 1,
  });

  it('keeps import rows with their accounting, summary and rejections', () => {
    const id = importRow('p1', 'fixes', 'h1');
    insertDosageRejections(db, id, [{ line: 3, column: 'lat', reason: 'not a number', raw: 'x' }]);
    writeDosageSummary(db, id, '{"devices":2}');
    writeDosageCounts(db, id, 2, 1);
    expect(readDosageImports(db, 'p1')).toEqual([{
      id, kind: 'fixes', fileName: 'h1.csv', importedAt: '2025-01-02T00:00:00Z', rowsRead: 4, accepted: 2, duplicates: 1, rejected: 1, summary: '{"devices":2}',
    }]);
    expect(readDosageSummary(db, id)).toBe('{"devices":2}');
    expect(readDosageSummary(db, id + 1)).toBeNull();
    expect(findDosageImportByHash(db, 'p1', 'fixes', 'h1')).toEqual({ id, importedAt: '2025-01-02T00:00:00Z', fileName: 'h1.csv' });
    expect(findDosageImportByHash(db, 'p1', 'records', 'h1')).toBeNull();
    expect(db.exec('SELECT line, column_name, reason, raw FROM dosage_rejections')[0]!.values).toEqual([[3, 'lat', 'not a number', 'x']]);
  });

  it('reads a plan\'s visits, records and device seconds, and removes an import with all it added', () => {
    const gps = importRow('p1', 'fixes', 'g');
    const other = importRow('p2', 'fixes', 'o');
    insertDeviceVisits(db, gps, [
      { device: 'd1', hotspotId: 'H1', startUtc: 1000, endUtc: 2000, fixes: 5 },
      { device: 'd1', hotspotId: 'H1', startUtc: 5000, endUtc: 9000, fixes: 9 },
    ]);
    insertDeviceVisits(db, other, [{ device: 'd9', hotspotId: 'H1', startUtc: 1500, endUtc: 1600, fixes: 2 }]);
    insertDeviceDays(db, gps, [
      { device: 'd1', localDate: '2025-01-01', windowSeconds: 3600, hotspotSeconds: 600 },
      { device: 'd1', localDate: '2025-01-03', windowSeconds: 100, hotspotSeconds: 50 },
    ]);
    const rec = importRow('p1', 'records', 'r');
    const added = insertPatrolRecords(db, rec, [
      { key: 'k1', hotspotId: 'H2', startUtc: 3000, endUtc: 4000, officers: 2, outcomes: { arrests: 1 } },
      { key: 'k1', hotspotId: 'H2', startUtc: 3000, endUtc: 4000, officers: 2, outcomes: { arrests: 1 } },
      { key: 'k2', hotspotId: 'H3', startUtc: 8000, endUtc: 8500, officers: 1, outcomes: {} },
    ]);
    expect(added).toEqual([true, false, true]);

    // Ends at or after 1500, starts before 5000: the second visit starts at 5000, so it is out.
    expect(readPlanVisits(db, 'p1', 1500, 5000)).toEqual([{ device: 'd1', hotspotId: 'H1', startUtc: 1000, endUtc: 2000 }]);
    expect(readPlanPatrolRecords(db, 'p1', 0, 8000)).toEqual([{ hotspotId: 'H2', startUtc: 3000, endUtc: 4000, officers: 2, outcomes: '{"arrests":1}' }]);
    const starts = readPlanPatrolStarts(db, 'p1');
    expect(starts.gps.map((g) => g.startUtc).sort()).toEqual([1000, 5000]);
    expect(starts.records.map((r) => r.hotspotId).sort()).toEqual(['H2', 'H3']);
    expect(readPlanDeviceSeconds(db, 'p1', '2025-01-01', '2025-01-02')).toEqual({ windowSeconds: 3600, hotspotSeconds: 600 });
    expect(readPlanDeviceSeconds(db, 'p2', '2025-01-01', '2025-01-31')).toEqual({ windowSeconds: 0, hotspotSeconds: 0 });

    deleteDosageImportRows(db, gps);
    expect(readPlanVisits(db, 'p1', 0, 1e9)).toEqual([]);
    expect(readPlanDeviceSeconds(db, 'p1', '2025-01-01', '2025-01-31').windowSeconds).toBe(0);
    expect(readDosageImports(db, 'p1').map((i) => i.kind)).toEqual(['records']);
    expect(readPlanVisits(db, 'p2', 0, 1e9)).toHaveLength(1);
  });
});
