import type { Database } from 'sql.js';
import { queryAll } from '../project/projectDb';
import type { PatrolPlan, PlanHotspot } from './types';

/** What a plan list shows without loading every hotspot outline. */
export interface PlanSummary {
  id: string;
  name: string;
  createdAt: string;
  from: string;
  to: string;
  hotspots: number;
}

type PlanSettings = Pick<PatrolPlan, 'basisFrom' | 'basisTo' | 'schemeLabel' | 'categorySetLabel' | 'choice' | 'dosage' | 'warnings'>;

/** Stores (or replaces) a plan and its hotspots in one transaction. */
export function savePlan(db: Database, plan: PatrolPlan): void {
  const settings: PlanSettings = {
    basisFrom: plan.basisFrom, basisTo: plan.basisTo, schemeLabel: plan.schemeLabel,
    categorySetLabel: plan.categorySetLabel, choice: plan.choice, dosage: plan.dosage, warnings: plan.warnings,
  };
  db.exec('SAVEPOINT save_plan');
  try {
    db.run('DELETE FROM plan_hotspots WHERE plan_id = ?', [plan.id]);
    db.run('DELETE FROM patrol_plans WHERE id = ?', [plan.id]);
    db.run(
      `INSERT INTO patrol_plans (id, name, created_at, patrol_from, patrol_to, basis_from, basis_to, scheme_id,
         category_set_id, cell_size, cell_shape, seed, settings, method)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [plan.id, plan.name, plan.createdAt, plan.from, plan.to, plan.basisFrom, plan.basisTo, plan.schemeId,
        plan.categorySetId, plan.cellSize, plan.cellShape, plan.seed, JSON.stringify(settings), JSON.stringify(plan.method)],
    );
    const stmt = db.prepare('INSERT INTO plan_hotspots (plan_id, hotspot_id, rank, name, data) VALUES (?, ?, ?, ?, ?)');
    try {
      for (const h of plan.hotspots) stmt.run([plan.id, h.id, h.rank, h.name, JSON.stringify(h)]);
    } finally {
      stmt.free();
    }
    db.exec('RELEASE save_plan');
  } catch (e) {
    db.exec('ROLLBACK TO save_plan');
    db.exec('RELEASE save_plan');
    throw e;
  }
}

interface PlanRow {
  id: string; name: string; created_at: string; patrol_from: string; patrol_to: string; basis_from: string;
  basis_to: string; scheme_id: string; category_set_id: string | null; cell_size: number; cell_shape: string;
  seed: number; settings: string; method: string;
}

export function loadPlan(db: Database, id: string): PatrolPlan | null {
  const row = queryAll<PlanRow>(db, 'SELECT * FROM patrol_plans WHERE id = ?', [id])[0];
  if (!row) return null;
  const s = JSON.parse(row.settings) as PlanSettings;
  const hotspots = queryAll<{ data: string }>(db, 'SELECT data FROM plan_hotspots WHERE plan_id = ? ORDER BY rank', [id])
    .map((r) => JSON.parse(r.data) as PlanHotspot);
  return {
    id: row.id, name: row.name, createdAt: row.created_at, from: row.patrol_from, to: row.patrol_to,
    basisFrom: s.basisFrom, basisTo: s.basisTo, schemeId: row.scheme_id, schemeLabel: s.schemeLabel,
    categorySetId: row.category_set_id, categorySetLabel: s.categorySetLabel, cellSize: row.cell_size,
    cellShape: row.cell_shape === 'hex' ? 'hex' : 'square', choice: s.choice, dosage: s.dosage, seed: row.seed,
    hotspots, method: JSON.parse(row.method) as string[], warnings: s.warnings,
  };
}

export function listPlans(db: Database): PlanSummary[] {
  return queryAll<{ id: string; name: string; created_at: string; patrol_from: string; patrol_to: string; n: number }>(
    db,
    `SELECT p.id, p.name, p.created_at, p.patrol_from, p.patrol_to,
            (SELECT COUNT(*) FROM plan_hotspots h WHERE h.plan_id = p.id) AS n
       FROM patrol_plans p ORDER BY p.patrol_from DESC, p.created_at DESC`,
  ).map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, from: r.patrol_from, to: r.patrol_to, hotspots: r.n }));
}

/**
 * The plan in force over [from, to] (local dates): the one overlapping the period most, the
 * newest on a tie; null when none overlaps.
 */
export function planCovering(db: Database, from: string, to: string): PatrolPlan | null {
  const row = queryAll<{ id: string }>(
    db,
    `SELECT id FROM patrol_plans WHERE patrol_from <= ? AND patrol_to >= ?
      ORDER BY julianday(MIN(patrol_to, ?)) - julianday(MAX(patrol_from, ?)) DESC, created_at DESC LIMIT 1`,
    [to, from, to, from],
  )[0];
  return row ? loadPlan(db, row.id) : null;
}

export function deletePlan(db: Database, id: string): void {
  db.run('DELETE FROM plan_hotspots WHERE plan_id = ?', [id]);
  db.run('DELETE FROM patrol_plans WHERE id = ?', [id]);
}
