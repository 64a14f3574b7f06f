import { getMeta } from '../../shared/project/projectDb';
import { db, markDirty, projectGeneration } from './engineState';
import { loadUiState, saveUiState } from './uiStateStore';

/** Per-tab settings kept in the project, the project's name, and which project is open. */
export const uiStateApi = {
  /**
   * Keeps a tab's settings in the project (JSON under project_meta 'ui:<tab>'). They are
   * saved with the project but do not by themselves count as unsaved work. Returns whether
   * anything changed. With `generation` (see projectGeneration), settings meant for a
   * project that has since been replaced are dropped instead of landing in the new one.
   */
  saveUiState(tab: string, state: unknown, generation?: number): boolean {
    if (generation !== undefined && generation !== projectGeneration()) return false;
    return saveUiState(db(), tab, state);
  },

  /** A tab's settings as saved in the open project, or null. */
  loadUiState(tab: string): unknown {
    return loadUiState(db(), tab);
  },

  /**
   * Counts projects opened in this worker. The UI tags requests with it and drops any
   * answer that arrives after another project was opened.
   */
  projectGeneration(): number {
    return projectGeneration();
  },

  projectName(): string {
    return getMeta(db(), 'name') ?? 'Untitled project';
  },

  /** Restores the unsaved-changes flag of a project the browser kept across a reload. */
  markUnsaved(): void {
    markDirty();
  },
};
