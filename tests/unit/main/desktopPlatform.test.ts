import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../shared/desktopApi';
import { desktopPlatform } from '../../../renderer/platform/desktopPlatform';
import { CHUNK_BYTES } from '../../../renderer/platform/projectChunks';

const bytes = new Uint8Array([1, 2, 3]);
const leeds = { token: 'read-1', size: bytes.byteLength, path: '/home/ana/Leeds.hotspot', name: 'Leeds.hotspot' };

function fakeApi(over: Partial<DesktopApi> = {}, file = bytes): DesktopApi {
  return {
    openProject: vi.fn(async () => ({ ok: true as const, value: null })),
    openInitialProject: vi.fn(async () => ({ ok: true as const, value: { ...leeds, size: file.byteLength } })),
    recentProjects: vi.fn(async () => ({ ok: true as const, value: [{ id: 'r1', name: 'Leeds.hotspot' }] })),
    openRecentProject: vi.fn(async () => ({ ok: true as const, value: { ...leeds, size: file.byteLength } })),
    readChunk: vi.fn(async (_t: string, offset: number, length: number) => ({ ok: true as const, value: file.slice(offset, offset + length) })),
    endRead: vi.fn(async () => ({ ok: true as const, value: null })),
    beginSave: vi.fn(async () => ({ ok: true as const, value: { token: 'save-1' } })),
    writeChunk: vi.fn(async (_t: string, offset: number, b: Uint8Array) => ({ ok: true as const, value: { written: offset + b.byteLength } })),
    commitSave: vi.fn(async () => ({ ok: true as const, value: { path: '/home/ana/Leeds.hotspot' } })),
    abortSave: vi.fn(async () => ({ ok: true as const, value: null })),
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

  it('reads a project in chunks into one buffer of exactly its size, and ends the read', async () => {
    const file = new Uint8Array(2 * CHUNK_BYTES + 5).map((_, i) => i % 251);
    const api = fakeApi({}, file);
    const p = await desktopPlatform(api).openRecent('r1');
    expect(p.bytes.byteLength).toBe(file.byteLength);
    expect(p.bytes.buffer.byteLength).toBe(file.byteLength);
    // (Buffer.equals: a failing toEqual would print a diff of 16 million elements.)
    expect(Buffer.from(p.bytes.buffer).equals(Buffer.from(file.buffer))).toBe(true);
    expect(vi.mocked(api.readChunk).mock.calls.map((c) => c.slice(1))).toEqual([[0, CHUNK_BYTES], [CHUNK_BYTES, CHUNK_BYTES], [2 * CHUNK_BYTES, 5]]);
    expect(api.endRead).toHaveBeenCalledWith('read-1');
  });

  it('ends the read when a chunk fails, with main\'s message', async () => {
    const api = fakeApi({ readChunk: async () => ({ ok: false, error: '"Leeds.hotspot" changed while it was being read' }) });
    await expect(desktopPlatform(api).initialProject()).rejects.toThrow('changed while it was being read');
    expect(api.endRead).toHaveBeenCalledWith('read-1');
  });

  it('saves in order, in chunks that are buffers of their own (not views of the whole project), then commits', async () => {
    const project = new Uint8Array(CHUNK_BYTES + 10).fill(3);
    const api = fakeApi();
    const r = await desktopPlatform(api).saveProject({ path: '/home/ana/Leeds.hotspot', bytes: project, saveAs: false, suggestedName: 'Leeds.hotspot' });
    expect(r).toEqual({ path: '/home/ana/Leeds.hotspot', name: 'Leeds.hotspot' });
    expect(api.beginSave).toHaveBeenCalledWith({ path: '/home/ana/Leeds.hotspot', size: CHUNK_BYTES + 10, saveAs: false, suggestedName: 'Leeds.hotspot' });
    const calls = vi.mocked(api.writeChunk).mock.calls;
    expect(calls.map(([t, offset, b]) => [t, offset, b.byteLength, b.buffer.byteLength])).toEqual([['save-1', 0, CHUNK_BYTES, CHUNK_BYTES], ['save-1', CHUNK_BYTES, 10, 10]]);
    expect(api.commitSave).toHaveBeenCalledWith('save-1');
    expect(api.abortSave).not.toHaveBeenCalled();
    // The caller's bytes are read, never detached.
    expect(project.byteLength).toBe(CHUNK_BYTES + 10);
  });

  it('a cancelled Save dialog sends nothing; a failed chunk abandons the save with main\'s message', async () => {
    const cancelled = fakeApi({ beginSave: async () => ({ ok: true, value: null }) });
    expect(await desktopPlatform(cancelled).saveProject({ path: null, bytes, saveAs: true, suggestedName: 'x.hotspot' })).toBeNull();
    expect(cancelled.writeChunk).not.toHaveBeenCalled();
    const full = fakeApi({ writeChunk: async () => ({ ok: false, error: 'There is not enough disk space to save "Leeds.hotspot".' }) });
    await expect(desktopPlatform(full).saveProject({ path: null, bytes, saveAs: false, suggestedName: 'x' })).rejects.toThrow('not enough disk space');
    expect(full.abortSave).toHaveBeenCalledWith('save-1');
    expect(full.commitSave).not.toHaveBeenCalled();
  });
});
