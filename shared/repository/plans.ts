import { queryAll } from '../project/projectDb';
import type { ProjectDb } from './db';

/** A patrol_plans row as stored: settings and method are JSON text. */
export interface PlanRow {
  id: string;
  name: string;
  createdAt: string;
  patrolFrom: string;
  patrolTo: string;
  basisFrom: string;
  basisTo: string;
  schemeId: string;
  categorySetId: string | null;
  cellSize: number;
  cellShape: string;
  seed: number;
  settings: string;
  method: string;
}

/** A plan_hotspots row: data is the hotspot as JSON text. */
export interface PlanHotspotRow {
  hotspotId: string;
  rank: number;
  name: string;
  data: string;
}

/** Replaces a plan and all its hotspots. The caller holds the transaction. */
export function writePlan(db: ProjectDb, plan: PlanRow, hotspots: Iterable<PlanHotspotRow>): void {
  deletePlanRows(db, plan.id);
  db.run(
    `INSERT INTO patrol_plans (id, name, created_at, patrol_from, patrol_to, basis_from, basis_to, scheme_id,
       category_set_id, cell_size, cell_shape, seed, settings, method)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [plan.id, plan.name, plan.createdAt, plan.patrolFrom, plan.patrolTo, plan.basisFrom, plan.basisTo, plan.schemeId,
      plan.categorySetId, plan.cellSize, plan.cellShape, plan.seed, plan.settings, plan.method],
  );
  const stmt = db.prepare('INSERT INTO plan_hotspots (plan_id, hotspot_id, rank, name, data) VALUES (?, ?, ?, ?, ?)');
  try {
    for (const h of hotspots) stmt.run([plan.id, h.hotspotId, h.rank, h.name, h.data]);
  } finally {
    stmt.free();
  }
}

export function readPlanRow(db: ProjectDb, id: string): PlanRow | null {
  return queryAll<PlanRow>(
    db,
    `SELECT id, name, created_at AS createdAt, patrol_from AS patrolFrom, patrol_to AS patrolTo, basis_from AS basisFrom,
            basis_to AS basisTo, scheme_id AS schemeId, category_set_id AS categorySetId, cell_size AS cellSize,
            cell_shape AS cellShape, seed, settings, method
       FROM patrol_plans WHERE id = ?`,
    [id],
  )[0] ?? null;
}

/** A plan's hotspots as stored JSON, by rank. */
export function readPlanHotspotData(db: ProjectDb, planId: string): string[] {
  return queryAll<{ data: string }>(db, 'SELECT data FROM plan_hotspots WHERE plan_id = ? ORDER BY rank', [planId]).map((r) => r.data);
}

export interface PlanListRow {
  id: string;
  name: string;
  createdAt: string;
  patrolFrom: string;
  patrolTo: string;
  hotspots: number;
}

/** Every plan, latest patrol period first (newest first within one), with its hotspot count. */
export function readPlanList(db: ProjectDb): PlanListRow[] {
  return queryAll<PlanListRow>(
    db,
    `SELECT p.id, p.name, p.created_at AS createdAt, p.patrol_from AS patrolFrom, p.patrol_to AS patrolTo,
            (SELECT COUNT(*) FROM plan_hotspots h WHERE h.plan_id = p.id) AS hotspots
       FROM patrol_plans p ORDER BY p.patrol_from DESC, p.created_at DESC`,
  );
}

/**
 * The id of the plan overlapping [from, to] (local dates) most, the newest on a tie; null when
 * none overlaps.
 */
export function readPlanIdCovering(db: ProjectDb, from: string, to: string): string | null {
  return queryAll<{ id: string }>(
    db,
    `SELECT id FROM patrol_plans WHERE patrol_from <= ? AND patrol_to >= ?
      ORDER BY julianday(MIN(patrol_to, ?)) - julianday(MAX(patrol_from, ?)) DESC, created_at DESC LIMIT 1`,
    [to, from, to, from],
  )[0]?.id ?? null;
}

export function deletePlanRows(db: ProjectDb, id: string): void {
  db.run('DELETE FROM plan_hotspots WHERE plan_id = ?', [id]);
  db.run('DELETE FROM patrol_plans WHERE id = ?', [id]);
}
