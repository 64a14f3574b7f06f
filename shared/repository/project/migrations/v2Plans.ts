import type { Migration } from '../schema';

/**
 * v2: patrol plans. A plan stores its settings (JSON, see shared/patrols/types.ts) and its
 * hotspot list; the schedule is regenerated from the seed, so it is not stored.
 * Owned by shared/patrols/planStore.ts; unshipped until the release that adds it, so it may
 * still change before then.
 */
export const v2Plans: Migration = {
  version: 2,
  description: 'patrol plans and their hotspots',
  sql: `
CREATE TABLE patrol_plans (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  patrol_from TEXT NOT NULL,
  patrol_to TEXT NOT NULL,
  basis_from TEXT NOT NULL,
  basis_to TEXT NOT NULL,
  scheme_id TEXT NOT NULL,
  category_set_id TEXT,
  cell_size REAL NOT NULL,
  cell_shape TEXT NOT NULL,
  seed INTEGER NOT NULL,
  settings TEXT NOT NULL,
  method TEXT NOT NULL
);

CREATE TABLE plan_hotspots (
  plan_id TEXT NOT NULL REFERENCES patrol_plans(id) ON DELETE CASCADE,
  hotspot_id TEXT NOT NULL,
  rank INTEGER NOT NULL,
  name TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (plan_id, hotspot_id)
);
`,
};
