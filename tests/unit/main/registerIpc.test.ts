import { describe, expect, it, vi } from 'vitest';
import { IPC, isMenuAction } from '../../../main/ipc/channels';
import type { Handlers } from '../../../main/ipc/handlers';
import { isTrustedSender, registerIpc, type IpcEventLike } from '../../../main/ipc/registerIpc';

function setup(overrides: Partial<Handlers> = {}) {
  const listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const handlers: Handlers = {
    openProject: vi.fn(async () => ({ ok: true as const, value: null })),
    openInitialProject: vi.fn(async () => ({ ok: true as const, value: null })),
    readChunk: vi.fn(async () => ({ ok: true as const, value: new Uint8Array(1) })),
    endRead: vi.fn(async () => ({ ok: true as const, value: null })),
    beginSave: vi.fn(async () => ({ ok: true as const, value: null })),
    writeChunk: vi.fn(async () => ({ ok: true as const, value: { written: 1 } })),
    commitSave: vi.fn(async () => ({ ok: true as const, value: { path: '/p.hotspot' } })),
    abortSave: vi.fn(async () => ({ ok: true as const, value: null })),
    release: vi.fn(async () => undefined),
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
      [
        IPC.openProject, IPC.openInitialProject, IPC.readChunk, IPC.endRead, IPC.beginSave, IPC.writeChunk, IPC.commitSave, IPC.abortSave,
        IPC.pickFiles, IPC.writeExport, IPC.recentProjects, IPC.openRecentProject, IPC.pickBasemapTiles,
      ].sort(),
    );
  });

  it('passes the single argument from the app origin through', async () => {
    const { listeners, handlers } = setup();
    await listeners.get(IPC.openRecentProject)!(fromApp, 'r1');
    expect(handlers.openRecentProject).toHaveBeenCalledWith(expect.any(Object), 'r1');
    expect(await listeners.get(IPC.recentProjects)!(fromApp)).toEqual({ ok: true, value: [{ id: 'r1', name: 'plan.hotspot' }] });
    // The start-up file takes no argument: a path sent along is dropped before the handler.
    await listeners.get(IPC.openInitialProject)!(fromApp, '/etc/x.hotspot');
    expect(handlers.openInitialProject).toHaveBeenCalledWith(expect.any(Object));
  });

  it('refuses other origins and frames without a URL', async () => {
    const { listeners, handlers } = setup();
    for (const event of [fromElsewhere, {}, { senderFrame: null }]) {
      expect(await listeners.get(IPC.beginSave)!(event, {})).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
      expect(await listeners.get(IPC.openInitialProject)!(event)).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
      expect(await listeners.get(IPC.recentProjects)!(event)).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
    }
    expect(handlers.beginSave).not.toHaveBeenCalled();
  });

  it('refuses extra arguments', async () => {
    const { listeners } = setup();
    expect(await listeners.get(IPC.pickFiles)!(fromApp, {}, 'extra')).toEqual({ ok: false, error: 'Too many arguments.' });
  });

  it('passes multi-argument calls through, refusing more than each channel takes', async () => {
    const { listeners, handlers } = setup();
    const bytes = new Uint8Array([1, 2]);
    await listeners.get(IPC.writeChunk)!(fromApp, 't', 0, bytes);
    expect(handlers.writeChunk).toHaveBeenCalledWith(expect.any(Object), 't', 0, bytes);
    await listeners.get(IPC.readChunk)!(fromApp, 't', 8, 16);
    expect(handlers.readChunk).toHaveBeenCalledWith(expect.any(Object), 't', 8, 16);
    expect(await listeners.get(IPC.writeChunk)!(fromApp, 't', 0, bytes, 'extra')).toEqual({ ok: false, error: 'Too many arguments.' });
    expect(await listeners.get(IPC.commitSave)!(fromApp, 't', 'extra')).toEqual({ ok: false, error: 'Too many arguments.' });
  });

  it('names the window each project call came from, and releases its saves and reads when it closes, reloads or crashes', async () => {
    const { listeners, handlers } = setup();
    const events = new Map<string, (() => void)[]>();
    const sender = { on: (e: string, l: () => void) => void events.set(e, [...(events.get(e) ?? []), l]) };
    const other = {};
    await listeners.get(IPC.commitSave)!({ ...fromApp, sender }, 't');
    await listeners.get(IPC.abortSave)!({ ...fromApp, sender }, 't');
    await listeners.get(IPC.commitSave)!({ ...fromApp, sender: other }, 't');
    expect(vi.mocked(handlers.commitSave).mock.calls.map((c) => c[0])).toEqual([sender, other]);
    expect(vi.mocked(handlers.abortSave).mock.calls[0]![0]).toBe(sender);
    // Subscribed once, however many calls the window makes.
    expect([...events.keys()].sort()).toEqual(['destroyed', 'did-navigate', 'render-process-gone']);
    expect([...events.values()].every((ls) => ls.length === 1)).toBe(true);
    events.get('did-navigate')![0]!();
    events.get('destroyed')![0]!();
    expect(vi.mocked(handlers.release).mock.calls).toEqual([[sender], [sender]]);
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
