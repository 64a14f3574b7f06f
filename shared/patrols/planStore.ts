import type { ProjectDb as Database } from '../repository/db';
import { inSavepoint } from '../repository/db';
import { deletePlanRows, readPlanHotspotData, readPlanIdCovering, readPlanList, readPlanRow, writePlan } from '../repository/plans';
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
  inSavepoint(db, 'save_plan', () => writePlan(
    db,
    {
      id: plan.id, name: plan.name, createdAt: plan.createdAt, patrolFrom: plan.from, patrolTo: plan.to,
      basisFrom: plan.basisFrom, basisTo: plan.basisTo, schemeId: plan.schemeId, categorySetId: plan.categorySetId,
      cellSize: plan.cellSize, cellShape: plan.cellShape, seed: plan.seed, settings: JSON.stringify(settings), method: JSON.stringify(plan.method),
    },
    plan.hotspots.map((h) => ({ hotspotId: h.id, rank: h.rank, name: h.name, data: JSON.stringify(h) })),
  ));
}

export function loadPlan(db: Database, id: string): PatrolPlan | null {
  const row = readPlanRow(db, id);
  if (!row) return null;
  const s = JSON.parse(row.settings) as PlanSettings;
  const hotspots = readPlanHotspotData(db, id).map((d) => JSON.parse(d) as PlanHotspot);
  return {
    id: row.id, name: row.name, createdAt: row.createdAt, from: row.patrolFrom, to: row.patrolTo,
    basisFrom: s.basisFrom, basisTo: s.basisTo, schemeId: row.schemeId, schemeLabel: s.schemeLabel,
    categorySetId: row.categorySetId, categorySetLabel: s.categorySetLabel, cellSize: row.cellSize,
    cellShape: row.cellShape === 'hex' ? 'hex' : 'square', choice: s.choice, dosage: s.dosage, seed: row.seed,
    hotspots, method: JSON.parse(row.method) as string[], warnings: s.warnings,
  };
}

export function listPlans(db: Database): PlanSummary[] {
  return readPlanList(db).map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, from: r.patrolFrom, to: r.patrolTo, hotspots: r.hotspots }));
}

/**
 * The plan in force over [from, to] (local dates): the one overlapping the period most, the
 * newest on a tie; null when none overlaps.
 */
export function planCovering(db: Database, from: string, to: string): PatrolPlan | null {
  const id = readPlanIdCovering(db, from, to);
  return id !== null ? loadPlan(db, id) : null;
}

export function deletePlan(db: Database, id: string): void {
  deletePlanRows(db, id);
}
