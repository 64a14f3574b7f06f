import type { RecentProject } from '../../shared/desktopApi';

/**
 * File operations the UI needs, provided by the Electron preload in the desktop app and by
 * browser APIs in browser mode. The UI never knows which it has.
 */
export interface OpenedProject {
  name: string;
  /** Absolute path in the desktop app; null in the browser. */
  path: string | null;
  /** A buffer of its own (exactly the file), so the UI can transfer it to the engine worker. */
  bytes: Uint8Array;
  /** A project the browser kept across a reload with changes not yet saved to a file. */
  unsaved?: boolean;
}

export interface SaveResult {
  path: string | null;
  name: string;
}

export type ShellAction = 'new' | 'open' | 'save' | 'save-as' | 'import' | 'export' | 'about';

export type { RecentProject };

export interface Platform {
  kind: 'desktop' | 'browser';
  /** Whether keyboard shortcuts (Ctrl+S ...) exist: the desktop app's native menu has them; a browser keeps its own. */
  shortcuts: boolean;
  /** null when the user cancels. */
  openProject(): Promise<OpenedProject | null>;
  /**
   * Saves to `path` (or asks, for save-as / first save), atomically: the old file stays until
   * the new one is whole. null when the user cancels. `bytes` is only read, never detached.
   */
  saveProject(req: { path: string | null; bytes: Uint8Array; saveAs: boolean; suggestedName: string }): Promise<SaveResult | null>;
  /** Writes an export file (CSV, GeoJSON). Returns where it went, or null when cancelled. */
  writeExport(suggestedName: string, bytes: Uint8Array, mime: string): Promise<string | null>;
  /** Native menu actions (desktop only; browser mode has its own toolbar). */
  onAction(listener: (action: ShellAction) => void): () => void;
  /**
   * The project to open at start: in the desktop app the file the OS handed over (main keeps
   * its path); in browser mode the project kept from before a reload. null: open the demo.
   */
  initialProject(): Promise<OpenedProject | null>;
  /** Recent projects (desktop; [] in the browser), by id and name only. */
  recentProjects(): Promise<RecentProject[]>;
  openRecent(id: string): Promise<OpenedProject>;
  /**
   * Keeps the open project so a reload brings it back (browser mode; a no-op on the desktop,
   * where projects are files). null forgets it, so the next start opens the demo.
   */
  keepSession(project: { bytes: Uint8Array; fileName: string; unsaved: boolean } | null): Promise<void>;
  /** Whether keepSession does anything (so the UI does not export bytes for nothing). */
  keepsSession: boolean;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
