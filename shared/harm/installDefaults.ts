import type { Database } from 'sql.js';
import { saveCategorySet } from './categorySets';
import { DEFAULT_CATEGORY_SETS } from './defaultCategorySets';
import {
  CCHI_CATEGORY_DESCRIPTION,
  CCHI_CATEGORY_LABEL,
  CCHI_CATEGORY_SCHEME_ID,
  CCHI_CATEGORY_SOURCE,
  CCHI_WEST_YORKSHIRE_BY_CATEGORY,
  COUNT_DESCRIPTION,
  COUNT_SCHEME_ID,
} from './defaultSchemes';
import { saveHarmScheme } from './harmSchemes';
import { queryAll } from '../project/projectDb';

/**
 * Seeds a project with the default harm schemes (plain count; CCHI derived category
 * averages) and category sets (Serious violence, SOC-related, Knife-enabled). Idempotent:
 * anything that already exists, including a user's edits of a default, is left alone.
 */
export function installDefaults(db: Database): { schemes: string[]; categorySets: string[] } {
  const existing = (table: string) => new Set(queryAll<{ id: string }>(db, `SELECT id FROM ${table}`).map((r) => r.id));
  const schemes = existing('harm_schemes');
  const added = { schemes: [] as string[], categorySets: [] as string[] };
  if (!schemes.has(COUNT_SCHEME_ID)) {
    saveHarmScheme(db, {
      id: COUNT_SCHEME_ID, label: 'Count', keyKind: 'count',
      description: COUNT_DESCRIPTION, source: '', weights: {},
    });
    added.schemes.push(COUNT_SCHEME_ID);
  }
  if (!schemes.has(CCHI_CATEGORY_SCHEME_ID)) {
    saveHarmScheme(db, {
      id: CCHI_CATEGORY_SCHEME_ID, label: CCHI_CATEGORY_LABEL, keyKind: 'category',
      description: CCHI_CATEGORY_DESCRIPTION, source: CCHI_CATEGORY_SOURCE,
      weights: { ...CCHI_WEST_YORKSHIRE_BY_CATEGORY },
    });
    added.schemes.push(CCHI_CATEGORY_SCHEME_ID);
  }
  const sets = existing('category_sets');
  for (const s of DEFAULT_CATEGORY_SETS) {
    if (sets.has(s.id)) continue;
    saveCategorySet(db, s);
    added.categorySets.push(s.id);
  }
  return added;
}
