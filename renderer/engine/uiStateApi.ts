import * as Comlink from 'comlink';
import { projectName } from '../../shared/session/projectUseCases';
import { session } from './engineState';
import { isWriting, loadUiState, saveUiState } from './uiStateStore';

/** Per-tab settings kept in the project, the project's name, and which project is open. */
export const uiStateApi = {
  /**
   * Keeps a tab's settings in the project (JSON under project_meta 'ui:<tab>'). They are
   * saved with the project but do not by themselves count as unsaved work. Returns whether
   * anything changed. With `generation` (see projectGeneration), settings meant for a
   * project that has since been replaced are dropped instead of landing in the new one.
   */
  saveUiState(tab: string, state: unknown, generation?: number): boolean {
    if (generation !== undefined && generation !== session.generation) return false;
    return saveUiState(session.db, tab, state);
  },

  /** A tab's settings as saved in the open project, or null. */
  loadUiState(tab: string): unknown {
    return loadUiState(session.db, tab);
  },

  /**
   * Counts projects opened in this worker. The UI tags requests with it and drops any
   * answer that arrives after another project was opened.
   */
  projectGeneration(): number {
    return session.generation;
  },

  projectName(): string {
    return projectName(session);
  },

  /**
   * The project's bytes for browser mode to keep across a reload, or null while a write is
   * under way (an import's transaction): sql.js closes and reopens the database to export it,
   * which would end that transaction, so the caller tries again a little later.
   */
  keepSnapshot(): { bytes: Uint8Array; unsaved: boolean } | null {
    const d = session.db;
    if (isWriting(d)) return null;
    const bytes = d.export();
    return Comlink.transfer({ bytes, unsaved: session.isDirty }, [bytes.buffer as ArrayBuffer]);
  },

  /** Restores the unsaved-changes flag of a project the browser kept across a reload. */
  markUnsaved(): void {
    session.markDirty();
  },
};
