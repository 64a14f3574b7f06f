import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction, RecentProject } from '../../shared/desktopApi';

export interface MenuDeps {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
  /** Forwards a menu choice to the renderer, which owns the project and decides what to do. */
  sendAction(action: MenuAction): void;
  /** Shows the data licences (a native dialog; the main process owns that text). */
  showLicences(): void;
  /** The recent-files list, most recent first (names only; main keeps the paths). */
  recent?: RecentProject[];
  openRecent?(id: string): void;
  clearRecent?(): void;
}

/** File > Open Recent: one item per project, then Clear; a disabled line when there are none. */
function recentMenu(deps: MenuDeps): MenuItemConstructorOptions {
  const recent = deps.recent ?? [];
  const items: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ id: 'recent-none', label: 'No recent projects', enabled: false }]
      : [
          // '&' would become an access key in the label; doubled, it shows as itself.
          ...recent.map((r) => ({ id: `recent-${r.id}`, label: r.name.replace(/&/g, '&&'), click: () => deps.openRecent?.(r.id) })),
          { type: 'separator' as const },
          { id: 'recent-clear', label: 'Clear Recent', click: () => deps.clearRecent?.() },
        ];
  return { id: 'recent', label: 'Open Recent', submenu: items };
}

/**
 * The native menu as a plain template (type-only electron import, so it is unit-tested).
 * File commands go to the renderer as a MenuAction rather than being acted on here: the
 * renderer knows whether there are unsaved changes and what "Save" means right now.
 */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const isMac = deps.platform === 'darwin';
  const action = (a: MenuAction) => () => deps.sendAction(a);

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new', label: 'New', accelerator: 'CmdOrCtrl+N', click: action('new') },
      { id: 'open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: action('open') },
      recentMenu(deps),
      { type: 'separator' },
      { id: 'save', label: 'Save', accelerator: 'CmdOrCtrl+S', click: action('save') },
      { id: 'save-as', label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: action('save-as') },
      { type: 'separator' },
      { id: 'import', label: 'Import crimes…', accelerator: 'CmdOrCtrl+I', click: action('import') },
      { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: action('export') },
      // On macOS Quit lives in the app menu, as users expect.
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit' } as const]),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      // Reload would drop an unsaved project and DevTools expose internals: development only.
      ...(deps.isPackaged
        ? []
        : [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { id: 'about', label: `About ${deps.appName}`, click: action('about') },
      { id: 'licences', label: 'Data licences…', click: () => deps.showLicences() },
    ],
  };

  const template: MenuItemConstructorOptions[] = [file, { role: 'editMenu' }, view];
  if (isMac) {
    template.unshift({
      label: deps.appName,
      submenu: [
        { id: 'about-mac', label: `About ${deps.appName}`, click: action('about') },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
    template.push({ role: 'windowMenu' });
  }
  template.push(help);
  return template;
}
