import { deleteCategorySet as deleteSet, saveCategorySet as saveSet, type CategorySet } from '../harm/categorySets';
import { deleteHarmScheme as deleteScheme, getHarmScheme, saveHarmScheme as saveScheme, type HarmScheme } from '../harm/harmSchemes';
import type { Session } from './session';

/** Harm schemes and category sets are project data: every edit marks the project unsaved. */

export function harmScheme(s: Session, id: string): HarmScheme | null {
  return getHarmScheme(s.db, id);
}

export function saveHarmScheme(s: Session, scheme: HarmScheme): void {
  saveScheme(s.db, scheme);
  s.markDirty();
}

export function deleteHarmScheme(s: Session, id: string): void {
  deleteScheme(s.db, id);
  s.markDirty();
}

export function saveCategorySet(s: Session, set: CategorySet): void {
  saveSet(s.db, set);
  s.markDirty();
}

export function deleteCategorySet(s: Session, id: string): void {
  deleteSet(s.db, id);
  s.markDirty();
}
