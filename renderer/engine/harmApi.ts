import type { CategorySet } from '../../shared/harm/categorySets';
import type { HarmScheme } from '../../shared/harm/harmSchemes';
import { parseWeightTable } from '../../shared/harm/offenceCodes';
import { deleteCategorySet, deleteHarmScheme, harmScheme, saveCategorySet, saveHarmScheme } from '../../shared/session/harmUseCases';
import { session } from './engineState';

/** Harm schemes and category sets are project data: every edit marks the project unsaved. */
export const harmApi = {
  harmScheme: (id: string): HarmScheme | null => harmScheme(session, id),
  saveHarmScheme: (scheme: HarmScheme): void => saveHarmScheme(session, scheme),
  deleteHarmScheme: (id: string): void => deleteHarmScheme(session, id),
  saveCategorySet: (set: CategorySet): void => saveCategorySet(session, set),
  deleteCategorySet: (id: string): void => deleteCategorySet(session, id),

  /** A user's offence code -> weight CSV, parsed for preview; problems by line, nothing weighted 0 silently. */
  async parseWeightFile(file: File) {
    return parseWeightTable(await file.text());
  },
};
