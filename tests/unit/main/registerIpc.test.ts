import { describe, expect, it, vi } from 'vitest';
import { IPC, isMenuAction } from '../../../main/ipc/channels';
import type { Handlers } from '../../../main/ipc/handlers';
import { isTrustedSender, registerIpc, type IpcEventLike } from '../../../main/ipc/registerIpc';

function setup(overrides: Partial<Handlers> = {}) {
  const listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const handlers: Handlers = {
    openProject: vi.fn(async () => ({ ok: true as const, value: null })),
    openProjectPath: vi.fn(async () => ({ ok: false as const, error: 'x' })),
    saveProject: vi.fn(async () => ({ ok: true as const, value: null })),
    pickFiles: vi.fn(async () => ({ ok: true as const, value: [] })),
    writeExport: vi.fn(async () => ({ ok: true as const, value: null })),
    initialProjectPath: vi.fn(async () => '/home/ana/plan.hotspot'),
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
      [IPC.openProject, IPC.openProjectPath, IPC.saveProject, IPC.pickFiles, IPC.writeExport, IPC.initialProjectPath, IPC.pickBasemapTiles].sort(),
    );
  });

  it('passes the single argument from the app origin through', async () => {
    const { listeners, handlers } = setup();
    await listeners.get(IPC.openProjectPath)!(fromApp, '/a.hotspot');
    expect(handlers.openProjectPath).toHaveBeenCalledWith('/a.hotspot');
    expect(await listeners.get(IPC.initialProjectPath)!(fromApp)).toBe('/home/ana/plan.hotspot');
  });

  it('refuses other origins and frames without a URL', async () => {
    const { listeners, handlers } = setup();
    for (const event of [fromElsewhere, {}, { senderFrame: null }]) {
      expect(await listeners.get(IPC.saveProject)!(event, {})).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
      expect(await listeners.get(IPC.initialProjectPath)!(event)).toBeNull();
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
