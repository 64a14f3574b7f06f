/**
 * File operations the UI needs, provided by the Electron preload in the desktop app and by
 * browser APIs in browser mode. The UI never knows which it has.
 */
export interface OpenedProject {
  name: string;
  /** Absolute path in the desktop app; null in the browser. */
  path: string | null;
  bytes: Uint8Array;
}

export interface SaveResult {
  path: string | null;
  name: string;
}

export type ShellAction = 'new' | 'open' | 'save' | 'save-as' | 'import' | 'export' | 'about';

export interface Platform {
  kind: 'desktop' | 'browser';
  /** null when the user cancels. */
  openProject(): Promise<OpenedProject | null>;
  /** Saves to `path` (or asks, for save-as / first save). null when the user cancels. */
  saveProject(req: { path: string | null; bytes: Uint8Array; saveAs: boolean; suggestedName: string }): Promise<SaveResult | null>;
  /** Writes an export file (CSV, GeoJSON). Returns where it went, or null when cancelled. */
  writeExport(suggestedName: string, bytes: Uint8Array, mime: string): Promise<string | null>;
  /** Native menu actions (desktop only; browser mode has its own toolbar). */
  onAction(listener: (action: ShellAction) => void): () => void;
  /** A project to open at start (file association), if any. */
  initialProject(): Promise<OpenedProject | null>;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
