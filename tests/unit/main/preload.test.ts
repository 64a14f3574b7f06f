import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../../main/ipc/channels';
import type { DesktopApi } from '../../../shared/desktopApi';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, l: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: (...args: unknown[]) => void) => listeners.get(channel)?.delete(l),
  },
}));

const emit = (channel: string, ...args: unknown[]) => {
  for (const l of listeners.get(channel) ?? []) l({ sender: 'the ipcRenderer, which must not leak' }, ...args);
};

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear();
    listeners.clear();
    invoke.mockClear();
    vi.resetModules();
    await import('../../../main/preload');
  });

  it('exposes exactly one object, window.hotspot, made of named functions', () => {
    expect([...exposed.keys()]).toEqual(['hotspot']);
    const api = exposed.get('hotspot') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(
      ['abortSave', 'beginSave', 'commitSave', 'endRead', 'onMenuAction', 'openInitialProject', 'openProject', 'openRecentProject', 'pickBasemapTiles', 'pickFiles', 'readChunk', 'recentProjects', 'writeChunk', 'writeExport'].sort(),
    );
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
  });

  it('each call invokes its own channel with its arguments', async () => {
    const api = exposed.get('hotspot') as DesktopApi;
    const bytes = new Uint8Array([1]);
    await api.openProject();
    await api.openInitialProject();
    await api.readChunk('t1', 0, 8);
    await api.endRead('t1');
    await api.beginSave({ path: null, size: 4096, saveAs: false, suggestedName: 'a' });
    await api.writeChunk('t2', 0, bytes);
    await api.commitSave('t2');
    await api.abortSave('t3');
    await api.pickFiles({ title: 't', filters: [], multiple: false });
    await api.writeExport({ suggestedName: 'x.csv', bytes, filters: [] });
    await api.recentProjects();
    await api.openRecentProject('r1');
    await api.pickBasemapTiles();
    expect(invoke.mock.calls).toEqual([
      [IPC.openProject],
      [IPC.openInitialProject],
      [IPC.readChunk, 't1', 0, 8],
      [IPC.endRead, 't1'],
      [IPC.beginSave, { path: null, size: 4096, saveAs: false, suggestedName: 'a' }],
      [IPC.writeChunk, 't2', 0, bytes],
      [IPC.commitSave, 't2'],
      [IPC.abortSave, 't3'],
      [IPC.pickFiles, { title: 't', filters: [], multiple: false }],
      [IPC.writeExport, { suggestedName: 'x.csv', bytes, filters: [] }],
      [IPC.recentProjects],
      [IPC.openRecentProject, 'r1'],
      [IPC.pickBasemapTiles],
    ]);
  });

  it('onMenuAction passes only valid actions, never the IPC event, and unsubscribes', () => {
    const api = exposed.get('hotspot') as DesktopApi;
    const seen: unknown[][] = [];
    const off = api.onMenuAction((...args: unknown[]) => seen.push(args));
    emit(IPC.menuAction, 'save');
    emit(IPC.menuAction, 'rm -rf');
    emit(IPC.menuAction, { action: 'save' });
    expect(seen).toEqual([['save']]);
    off();
    emit(IPC.menuAction, 'open');
    expect(seen).toHaveLength(1);
    expect(listeners.get(IPC.menuAction)?.size).toBe(0);
  });
});
