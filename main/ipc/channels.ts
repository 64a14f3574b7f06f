import type { MenuAction } from '../../shared/desktopApi';

/**
 * IPC channel names shared by main and preload. Prefixed so they cannot collide with
 * anything Electron or a library registers.
 */
export const IPC = {
  openProject: 'hotspot:open-project',
  openInitialProject: 'hotspot:open-initial-project',
  readChunk: 'hotspot:read-chunk',
  endRead: 'hotspot:end-read',
  beginSave: 'hotspot:begin-save',
  writeChunk: 'hotspot:write-chunk',
  commitSave: 'hotspot:commit-save',
  abortSave: 'hotspot:abort-save',
  pickFiles: 'hotspot:pick-files',
  writeExport: 'hotspot:write-export',
  recentProjects: 'hotspot:recent-projects',
  openRecentProject: 'hotspot:open-recent-project',
  menuAction: 'hotspot:menu-action',
  pickBasemapTiles: 'hotspot:pick-basemap-tiles',
} as const;

export const MENU_ACTIONS: readonly MenuAction[] = ['new', 'open', 'save', 'save-as', 'import', 'export', 'about'];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}
