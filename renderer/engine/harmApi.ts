import { deleteCategorySet, saveCategorySet, type CategorySet } from '../../shared/harm/categorySets';
import { deleteHarmScheme, getHarmScheme, saveHarmScheme, type HarmScheme } from '../../shared/harm/harmSchemes';
import { parseWeightTable } from '../../shared/harm/offenceCodes';
import { db, markDirty } from './engineState';

/** Harm schemes and category sets are project data: every edit marks the project unsaved. */
export const harmApi = {
  harmScheme(id: string): HarmScheme | null {
    return getHarmScheme(db(), id);
  },

  saveHarmScheme(scheme: HarmScheme): void {
    saveHarmScheme(db(), scheme);
    markDirty();
  },

  deleteHarmScheme(id: string): void {
    deleteHarmScheme(db(), id);
    markDirty();
  },

  /** A user's offence code -> weight CSV, parsed for preview; problems by line, nothing weighted 0 silently. */
  async parseWeightFile(file: File) {
    return parseWeightTable(await file.text());
  },

  saveCategorySet(set: CategorySet): void {
    saveCategorySet(db(), set);
    markDirty();
  },

  deleteCategorySet(id: string): void {
    deleteCategorySet(db(), id);
    markDirty();
  },
};
