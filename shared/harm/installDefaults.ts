import type { ProjectDb as Database } from '../repository/db';
import { readCategorySetIds } from '../repository/categorySets';
import { readHarmSchemeIds } from '../repository/harmSchemes';
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

/**
 * Seeds a project with the default harm schemes (plain count; CCHI derived category
 * averages) and category sets (Serious violence, SOC-related, Knife-enabled). Idempotent:
 * anything that already exists, including a user's edits of a default, is left alone.
 */
export function installDefaults(db: Database): { schemes: string[]; categorySets: string[] } {
  const schemes = readHarmSchemeIds(db);
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
  const sets = readCategorySetIds(db);
  for (const s of DEFAULT_CATEGORY_SETS) {
    if (sets.has(s.id)) continue;
    saveCategorySet(db, s);
    added.categorySets.push(s.id);
  }
  return added;
}
