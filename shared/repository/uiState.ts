import { getMeta } from '../project/projectDb';
import type { ProjectDb as Database } from './db';
import { readMetaByPrefix, deleteMeta, writeMeta } from './projectMeta';

/**
 * A tab's settings (scheme, set, periods, study area, cell settings, last run) kept in the
 * project as JSON under project_meta 'ui:<tab>', so they travel with the file and come back
 * on open. Any tab may have a slot (wards, hotspots, trends, patrols, ...): the shape of the
 * state is the tab's business; this module only stores it.
 */

/** Settings are small; a cap keeps a UI bug from bloating every saved project. */
export const UI_STATE_MAX_CHARS = 256 * 1024;

const SLOT = /^[a-z][a-z0-9-]{0,39}$/;

function key(tab: string): string {
  if (typeof tab !== 'string' || !SLOT.test(tab)) {
    throw new Error(`"${String(tab)}" is not a settings slot name (lower-case letters, digits and hyphens, up to 40).`);
  }
  return `ui:${tab}`;
}

/**
 * Stores a tab's state; null or undefined removes it. Returns whether the stored value
 * changed, so restoring settings on open (which saves what it just read) is not a change.
 */
export function saveUiState(db: Database, tab: string, state: unknown): boolean {
  const k = key(tab);
  const before = getMeta(db, k);
  if (state === null || state === undefined) {
    if (before === undefined) return false;
    deleteMeta(db, k);
    return true;
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(state);
  } catch (e) {
    throw new Error(`The ${tab} settings could not be saved: ${(e as Error).message}.`);
  }
  if (text === undefined) throw new Error(`The ${tab} settings could not be saved: they are not data (a function or symbol).`);
  if (text.length > UI_STATE_MAX_CHARS) {
    throw new Error(`The ${tab} settings are ${Math.round(text.length / 1024)} KB, more than the ${UI_STATE_MAX_CHARS / 1024} KB a tab may keep in the project.`);
  }
  if (text === before) return false;
  writeMeta(db, k, text);
  return true;
}

/** A tab's stored state, or null when there is none (or it is unreadable: the tab then starts from its defaults). */
export function loadUiState(db: Database, tab: string): unknown {
  const text = getMeta(db, key(tab));
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Which tabs have stored settings (for tests and diagnostics). */
export function uiStateSlots(db: Database): string[] {
  return [...readMetaByPrefix(db, 'ui:').keys()];
}

export { isWriting } from './db';
