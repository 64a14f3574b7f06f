import { queryAll } from '../project/projectDb';
import type { ProjectDb } from './db';

/** A category_sets row as stored: the rule is JSON text, the label has no edit mark. */
export interface CategorySetRow {
  id: string;
  label: string;
  description: string;
  rule: string;
}

/** Every set, by label. */
export function readCategorySetRows(db: ProjectDb): CategorySetRow[] {
  return queryAll<CategorySetRow>(db, 'SELECT id, label, description, rule FROM category_sets ORDER BY label');
}

/** The stored rule JSON of one set, or null when there is no such set. */
export function readCategorySetRule(db: ProjectDb, id: string): string | null {
  return queryAll<{ rule: string }>(db, 'SELECT rule FROM category_sets WHERE id = ?', [id])[0]?.rule ?? null;
}

export function readCategorySetIds(db: ProjectDb): Set<string> {
  return new Set(queryAll<{ id: string }>(db, 'SELECT id FROM category_sets').map((r) => r.id));
}

/** Creates or replaces a set row. The caller holds the transaction. */
export function writeCategorySet(db: ProjectDb, row: CategorySetRow): void {
  db.run(
    `INSERT INTO category_sets(id, label, description, rule) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET label = excluded.label, description = excluded.description, rule = excluded.rule`,
    [row.id, row.label, row.description, row.rule],
  );
}

export function deleteCategorySetRow(db: ProjectDb, id: string): void {
  db.run('DELETE FROM category_sets WHERE id = ?', [id]);
}
