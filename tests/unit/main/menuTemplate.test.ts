import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuDeps } from '../../../main/menu/menuTemplate';
import type { MenuAction } from '../../../shared/desktopApi';

function build(over: Partial<MenuDeps> = {}) {
  const sendAction = vi.fn<(a: MenuAction) => void>();
  const showLicences = vi.fn();
  const template = buildMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Hotspot Planner', sendAction, showLicences, ...over });
  return { template, sendAction, showLicences };
}
const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (t: MenuItemConstructorOptions[], label: string) => t.find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item!.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Help on Windows/Linux', () => {
    const { template } = build();
    expect(template.map((i) => i.label ?? i.role)).toEqual(['&File', 'editMenu', '&View', '&Help']);
  });

  it('File items carry the agreed accelerators and send typed actions', () => {
    const { template, sendAction } = build();
    const file = sub(byLabel(template, '&File'));
    const items = file.filter((i) => i.id).map((i) => [i.id, i.label, i.accelerator]);
    expect(items).toEqual([
      ['new', 'New', 'CmdOrCtrl+N'],
      ['open', 'Open…', 'CmdOrCtrl+O'],
      ['recent', 'Open Recent', undefined],
      ['save', 'Save', 'CmdOrCtrl+S'],
      ['save-as', 'Save As…', 'CmdOrCtrl+Shift+S'],
      ['import', 'Import crimes…', 'CmdOrCtrl+I'],
      ['export', 'Export…', 'CmdOrCtrl+E'],
    ]);
    for (const item of file.filter((i) => i.id && i.click)) click(item);
    expect(sendAction.mock.calls.map((c) => c[0])).toEqual(['new', 'open', 'save', 'save-as', 'import', 'export']);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('View has zoom roles and no devtools or reload when packaged', () => {
    const view = sub(byLabel(build().template, '&View')).map((i) => i.role).filter(Boolean);
    expect(view).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('View offers devtools and reload when not packaged', () => {
    const view = sub(byLabel(build({ isPackaged: false }).template, '&View')).map((i) => i.role);
    expect(view).toContain('toggleDevTools');
    expect(view).toContain('reload');
  });

  it('Help sends about and shows the data licences', () => {
    const { template, sendAction, showLicences } = build();
    const help = sub(byLabel(template, '&Help'));
    click(help.find((i) => i.id === 'about'));
    click(help.find((i) => i.id === 'licences'));
    expect(sendAction).toHaveBeenCalledWith('about');
    expect(showLicences).toHaveBeenCalledTimes(1);
  });

  it('on macOS adds the app and window menus and moves Quit to the app menu', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template.map((i) => i.label ?? i.role)).toEqual(['Hotspot Planner', '&File', 'editMenu', '&View', 'windowMenu', '&Help']);
    expect(sub(template[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(sub(byLabel(template, '&File')).some((i) => i.role === 'quit')).toBe(false);
  });

  it('Open Recent lists names only, opens an entry by id, and can be cleared', () => {
    const openRecent = vi.fn<(id: string) => void>();
    const clearRecent = vi.fn();
    const { template } = build({ recent: [{ id: 'r1', name: 'Leeds & Bradford.hotspot' }, { id: 'r2', name: 'Wakefield.hotspot' }], openRecent, clearRecent });
    const recent = sub(sub(byLabel(template, '&File')).find((i) => i.id === 'recent'));
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['Leeds && Bradford.hotspot', 'Wakefield.hotspot', 'separator', 'Clear Recent']);
    click(recent[1]);
    expect(openRecent).toHaveBeenCalledWith('r2');
    click(recent[3]);
    expect(clearRecent).toHaveBeenCalled();
  });

  it('Open Recent says so when the list is empty', () => {
    const { template } = build();
    const recent = sub(sub(byLabel(template, '&File')).find((i) => i.id === 'recent'));
    expect(recent).toEqual([{ id: 'recent-none', label: 'No recent projects', enabled: false }]);
  });
});
