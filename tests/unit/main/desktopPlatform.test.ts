import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../shared/desktopApi';
import { desktopPlatform } from '../../../renderer/platform/desktopPlatform';

const bytes = new Uint8Array([1, 2, 3]);

function fakeApi(over: Partial<DesktopApi> = {}): DesktopApi {
  return {
    openProject: vi.fn(async () => ({ ok: true as const, value: null })),
    openInitialProject: vi.fn(async () => ({ ok: true as const, value: { path: '/home/ana/Leeds.hotspot', name: 'Leeds.hotspot', bytes } })),
    recentProjects: vi.fn(async () => ({ ok: true as const, value: [{ id: 'r1', name: 'Leeds.hotspot' }] })),
    openRecentProject: vi.fn(async () => ({ ok: true as const, value: { path: '/home/ana/Leeds.hotspot', name: 'Leeds.hotspot', bytes } })),
    saveProject: vi.fn(async () => ({ ok: true as const, value: null })),
    pickFiles: vi.fn(async () => ({ ok: true as const, value: [] })),
    writeExport: vi.fn(async () => ({ ok: true as const, value: null })),
    onMenuAction: vi.fn(() => () => undefined),
    pickBasemapTiles: vi.fn(async () => ({ ok: true as const, value: null })),
    ...over,
  };
}

describe('desktop platform (renderer side of the preload API)', () => {
  it('opens the start-up project without naming a path', async () => {
    const api = fakeApi();
    const p = desktopPlatform(api);
    expect(await p.initialProject()).toEqual({ name: 'Leeds.hotspot', path: '/home/ana/Leeds.hotspot', bytes });
    expect(api.openInitialProject).toHaveBeenCalledWith();
  });

  it('no start-up project: null (the demo opens)', async () => {
    const p = desktopPlatform(fakeApi({ openInitialProject: async () => ({ ok: true, value: null }) }));
    expect(await p.initialProject()).toBeNull();
  });

  it('lists recent projects by id and name and opens one by id', async () => {
    const api = fakeApi();
    const p = desktopPlatform(api);
    expect(await p.recentProjects()).toEqual([{ id: 'r1', name: 'Leeds.hotspot' }]);
    expect((await p.openRecent('r1')).name).toBe('Leeds.hotspot');
    expect(api.openRecentProject).toHaveBeenCalledWith('r1');
  });

  it("turns main's messages into errors the UI shows", async () => {
    const p = desktopPlatform(fakeApi({ openRecentProject: async () => ({ ok: false, error: '"Leeds.hotspot" was not found' }) }));
    await expect(p.openRecent('r1')).rejects.toThrow('"Leeds.hotspot" was not found');
  });

  it('advertises shortcuts (the native menu has them) and keeps no browser session', async () => {
    const p = desktopPlatform(fakeApi());
    expect(p.shortcuts).toBe(true);
    expect(p.keepsSession).toBe(false);
    await expect(p.keepSession({ bytes, fileName: 'x.hotspot', unsaved: false })).resolves.toBeUndefined();
  });
});
