import { describe, expect, it, vi } from 'vitest';
import { IPC, isMenuAction } from '../../../main/ipc/channels';
import type { Handlers } from '../../../main/ipc/handlers';
import { isTrustedSender, registerIpc, type IpcEventLike } from '../../../main/ipc/registerIpc';

function setup(overrides: Partial<Handlers> = {}) {
  const listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const handlers: Handlers = {
    openProject: vi.fn(async () => ({ ok: true as const, value: null })),
    openInitialProject: vi.fn(async () => ({ ok: true as const, value: null })),
    saveProject: vi.fn(async () => ({ ok: true as const, value: null })),
    pickFiles: vi.fn(async () => ({ ok: true as const, value: [] })),
    writeExport: vi.fn(async () => ({ ok: true as const, value: null })),
    recentProjects: vi.fn(async () => ({ ok: true as const, value: [{ id: 'r1', name: 'plan.hotspot' }] })),
    openRecentProject: vi.fn(async () => ({ ok: false as const, error: 'x' })),
    pickBasemapTiles: vi.fn(async () => ({ ok: true as const, value: null })),
    ...overrides,
  };
  registerIpc({ handle: (channel, l) => listeners.set(channel, l) }, handlers);
  return { listeners, handlers };
}
const fromApp = { senderFrame: { url: 'app://hotspot/index.html' } };
const fromElsewhere = { senderFrame: { url: 'https://example.com/' } };

describe('registerIpc', () => {
  it('registers one channel per API call', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(
      [IPC.openProject, IPC.openInitialProject, IPC.saveProject, IPC.pickFiles, IPC.writeExport, IPC.recentProjects, IPC.openRecentProject, IPC.pickBasemapTiles].sort(),
    );
  });

  it('passes the single argument from the app origin through', async () => {
    const { listeners, handlers } = setup();
    await listeners.get(IPC.openRecentProject)!(fromApp, 'r1');
    expect(handlers.openRecentProject).toHaveBeenCalledWith('r1');
    expect(await listeners.get(IPC.recentProjects)!(fromApp)).toEqual({ ok: true, value: [{ id: 'r1', name: 'plan.hotspot' }] });
    // The start-up file takes no argument: a path sent along is dropped before the handler.
    await listeners.get(IPC.openInitialProject)!(fromApp, '/etc/x.hotspot');
    expect(handlers.openInitialProject).toHaveBeenCalledWith();
  });

  it('refuses other origins and frames without a URL', async () => {
    const { listeners, handlers } = setup();
    for (const event of [fromElsewhere, {}, { senderFrame: null }]) {
      expect(await listeners.get(IPC.saveProject)!(event, {})).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
      expect(await listeners.get(IPC.openInitialProject)!(event)).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
      expect(await listeners.get(IPC.recentProjects)!(event)).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
    }
    expect(handlers.saveProject).not.toHaveBeenCalled();
  });

  it('refuses extra arguments', async () => {
    const { listeners } = setup();
    expect(await listeners.get(IPC.pickFiles)!(fromApp, {}, 'extra')).toEqual({ ok: false, error: 'Too many arguments.' });
  });

  it('turns a thrown error into a Result', async () => {
    const { listeners } = setup({ writeExport: vi.fn(async () => { throw new Error('boom'); }) });
    expect(await listeners.get(IPC.writeExport)!(fromApp, {})).toEqual({ ok: false, error: 'Unexpected error: boom' });
  });

  it('isTrustedSender / isMenuAction', () => {
    expect(isTrustedSender(fromApp)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'file:///x/index.html' } })).toBe(false);
    expect(isMenuAction('save-as')).toBe(true);
    expect(isMenuAction('quit')).toBe(false);
    expect(isMenuAction(1)).toBe(false);
  });
});
