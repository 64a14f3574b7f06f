import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atomicWrite, beginAtomicWrite } from '../../../node/atomicWrite';
import { openChunkReader } from '../../../node/chunkedRead';
import { readUserFile } from '../../../main/files/readUserFile';
import { createHandlers, type Dialogs } from '../../../main/ipc/handlers';
import { LIMITS } from '../../../main/ipc/limits';
import { ProjectPaths } from '../../../main/launch/projectPaths';
import { RecentFiles } from '../../../main/recent/recentFiles';

/** `size` bytes starting with the SQLite header, the rest `fill`. */
function sqliteBytes(fill: number, size = 4096): Uint8Array {
  const b = new Uint8Array(size).fill(fill);
  b.set(new TextEncoder().encode('SQLite format 3\0'));
  return b;
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hp-chunks-'));
  file = path.join(dir, 'plan.hotspot');
  writeFileSync(file, sqliteBytes(1));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Handlers with `plan.hotspot` known (the app was started with it) and two windows. */
function setup(save: string | null = null) {
  const dialogs = { showOpen: vi.fn<Dialogs['showOpen']>(async () => [file]), showSave: vi.fn<Dialogs['showSave']>(async () => save) };
  const recent = new RecentFiles({ read: async () => null, write: async () => undefined });
  const h = createHandlers({
    dialogs, paths: new ProjectPaths(file), recent, readFile: readUserFile, writeFile: atomicWrite,
    openRead: openChunkReader, beginWrite: beginAtomicWrite, defaultDir: () => dir,
  });
  return { h, dialogs, recent, a: {}, b: {} };
}

const onDisk = () => new Uint8Array(readFileSync(file));
const others = () => readdirSync(dir).filter((f) => f !== 'plan.hotspot');
async function begin(h: ReturnType<typeof setup>['h'], owner: object, size: number): Promise<string> {
  const r = await h.beginSave(owner, { path: file, size, saveAs: false, suggestedName: 'plan.hotspot' });
  if (!r.ok || !r.value) throw new Error(`beginSave failed: ${JSON.stringify(r)}`);
  return r.value.token;
}

describe('chunked project save', () => {
  it('writes the chunks to a hidden temp file beside the target; the old file stays whole until commit renames it over', async () => {
    const { h, a } = setup();
    const next = sqliteBytes(9, 2500);
    const token = await begin(h, a, next.byteLength);
    expect(others()).toEqual([expect.stringMatching(/^\.plan\.hotspot\.tmp-\d+-[0-9a-f]{8}$/)]);
    expect(await h.writeChunk(a, token, 0, next.slice(0, 1000))).toEqual({ ok: true, value: { written: 1000 } });
    expect(await h.writeChunk(a, token, 1000, next.slice(1000, 2000))).toEqual({ ok: true, value: { written: 2000 } });
    expect(await h.writeChunk(a, token, 2000, next.slice(2000))).toEqual({ ok: true, value: { written: 2500 } });
    // Everything has arrived, and still the target is the old project.
    expect(onDisk()).toEqual(sqliteBytes(1));
    expect(await h.commitSave(a, token)).toEqual({ ok: true, value: { path: file } });
    expect(onDisk()).toEqual(next);
    expect(others()).toEqual([]);
    // The token is spent.
    expect(await h.commitSave(a, token)).toEqual({ ok: false, error: expect.stringMatching(/not started by this window/) });
  });

  it('refuses a token it never issued, and one issued to another window, without disturbing the real save', async () => {
    const { h, a, b } = setup();
    const next = sqliteBytes(4, 1000);
    const token = await begin(h, a, next.byteLength);
    for (const [owner, t] of [[a, 'f'.repeat(32)], [b, token], [a, 42], [a, undefined]] as const) {
      expect(await h.writeChunk(owner, t, 0, next)).toEqual({ ok: false, error: expect.stringMatching(/not started by this window/) });
      expect(await h.commitSave(owner, t)).toEqual({ ok: false, error: expect.stringMatching(/not started by this window/) });
      expect(await h.abortSave(owner, t)).toEqual({ ok: false, error: expect.stringMatching(/not started by this window/) });
    }
    expect(await h.writeChunk(a, token, 0, next)).toEqual({ ok: true, value: { written: 1000 } });
    expect(await h.commitSave(a, token)).toEqual({ ok: true, value: { path: file } });
    expect(onDisk()).toEqual(next);
  });

  it.each([
    ['a chunk out of order', (h: ReturnType<typeof setup>['h'], a: object, t: string) => h.writeChunk(a, t, 1000, sqliteBytes(2, 1000)), /out of order \(a part for byte 1000 when byte 0 was next\)/],
    ['more bytes than announced', (h: ReturnType<typeof setup>['h'], a: object, t: string) => h.writeChunk(a, t, 0, sqliteBytes(2, 3001)), /More project data arrived than the 3000 bytes announced/],
    ['something that is not bytes', (h: ReturnType<typeof setup>['h'], a: object, t: string) => h.writeChunk(a, t, 0, [83, 81, 76]), /Uint8Array/],
    ['an empty chunk', (h: ReturnType<typeof setup>['h'], a: object, t: string) => h.writeChunk(a, t, 0, new Uint8Array(0)), /must be 1 byte to/],
    ['a first chunk that is not SQLite', (h: ReturnType<typeof setup>['h'], a: object, t: string) => h.writeChunk(a, t, 0, new Uint8Array(3000)), /not a SQLite database/],
    ['a commit before every byte arrived', async (h: ReturnType<typeof setup>['h'], a: object, t: string) => {
      expect((await h.writeChunk(a, t, 0, sqliteBytes(2, 2000))).ok).toBe(true);
      return h.commitSave(a, t);
    }, /Only 2000 of the 3000 bytes announced arrived/],
  ])('abandons the save on %s: message, temp file gone, old file untouched, token spent', async (_what, misuse, message) => {
    const { h, a } = setup();
    const token = await begin(h, a, 3000);
    expect(await misuse(h, a, token)).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect(onDisk()).toEqual(sqliteBytes(1));
    expect(others()).toEqual([]);
    expect(await h.writeChunk(a, token, 0, sqliteBytes(2, 3000))).toEqual({ ok: false, error: expect.stringMatching(/not started by this window/) });
    // The window can save again.
    const again = await begin(h, a, 3000);
    expect((await h.writeChunk(a, again, 0, sqliteBytes(3, 3000))).ok).toBe(true);
    expect((await h.commitSave(a, again)).ok).toBe(true);
    expect(onDisk()).toEqual(sqliteBytes(3, 3000));
  });

  it('refuses a chunk larger than one IPC message may carry', async () => {
    const { h, a } = setup();
    const token = await begin(h, a, LIMITS.chunkBytes + 200);
    const big = sqliteBytes(5, LIMITS.chunkBytes + 1);
    expect(await h.writeChunk(a, token, 0, big)).toEqual({ ok: false, error: expect.stringMatching(/must be 1 byte to 67108864 bytes, got 67108865/) });
    expect(others()).toEqual([]);
  });

  it('abort leaves the old file intact and removes the temp file', async () => {
    const { h, a } = setup();
    const token = await begin(h, a, 8000);
    expect((await h.writeChunk(a, token, 0, sqliteBytes(6, 4000))).ok).toBe(true);
    expect(others()).toHaveLength(1);
    expect(await h.abortSave(a, token)).toEqual({ ok: true, value: null });
    expect(onDisk()).toEqual(sqliteBytes(1));
    expect(others()).toEqual([]);
  });

  it('accepts a project announced at more than 1 GiB (there is no size cap), holding none of it in memory', async () => {
    const { h, a } = setup();
    const size = 5 * 1024 * 1024 * 1024;
    const token = await begin(h, a, size);
    expect(await h.writeChunk(a, token, 0, sqliteBytes(7, 4096))).toEqual({ ok: true, value: { written: 4096 } });
    // Not all there: refused at commit, and the old file survives.
    expect(await h.commitSave(a, token)).toEqual({ ok: false, error: expect.stringMatching(/Only 4096 of the 5368709120 bytes announced arrived/) });
    expect(onDisk()).toEqual(sqliteBytes(1));
  });

  it.each([[-1], [99], [1.5], ['4096'], [Number.MAX_SAFE_INTEGER + 2]])('refuses a declared size of %j before any dialog or file', async (size) => {
    const { h, a, dialogs } = setup();
    const r = await h.beginSave(a, { path: null, size, saveAs: false, suggestedName: 'x' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/size must be a whole number of bytes, at least 100/) });
    expect(dialogs.showSave).not.toHaveBeenCalled();
    expect(others()).toEqual([]);
  });

  it('allows one save at a time per window; another window saves independently', async () => {
    const { h, a, b } = setup(path.join(dir, 'other.hotspot'));
    const first = await begin(h, a, 1000);
    expect(await h.beginSave(a, { path: file, size: 1000, saveAs: false, suggestedName: 'p' })).toEqual({ ok: false, error: expect.stringMatching(/already under way in this window/) });
    const other = await h.beginSave(b, { path: null, size: 1000, saveAs: false, suggestedName: 'other' });
    expect(other).toEqual({ ok: true, value: { token: expect.any(String) } });
    expect((await h.writeChunk(a, first, 0, sqliteBytes(8, 1000))).ok).toBe(true);
    expect((await h.commitSave(a, first)).ok).toBe(true);
    expect(onDisk()).toEqual(sqliteBytes(8, 1000));
    await h.abortSave(b, other.ok && other.value ? other.value.token : '');
    expect(existsSync(path.join(dir, 'other.hotspot'))).toBe(false);
  });

  it('a window that closes or reloads abandons its save (temp file gone) and closes its reads', async () => {
    const { h, a } = setup();
    const token = await begin(h, a, 8000);
    await h.writeChunk(a, token, 0, sqliteBytes(6, 4000));
    const opened = await h.openProject(a);
    expect(opened.ok).toBe(true);
    await h.release(a);
    expect(others()).toEqual([]);
    expect(onDisk()).toEqual(sqliteBytes(1));
    const readToken = opened.ok && opened.value ? opened.value.token : '';
    expect(await h.readChunk(a, readToken, 0, 10)).toEqual({ ok: false, error: expect.stringMatching(/not one this window opened/) });
    // And it can save again.
    expect((await h.beginSave(a, { path: file, size: 1000, saveAs: false, suggestedName: 'p' })).ok).toBe(true);
  });

  it('a failed begin (no such folder) is explained, and does not block the next save', async () => {
    const gone = path.join(dir, 'gone', 'x.hotspot');
    const { h, a } = setup(gone);
    expect(await h.beginSave(a, { path: null, size: 1000, saveAs: false, suggestedName: 'x' })).toEqual({ ok: false, error: expect.stringMatching(/does not exist any more/) });
    expect((await h.beginSave(a, { path: file, size: 1000, saveAs: false, suggestedName: 'p' })).ok).toBe(true);
  });
});

describe('chunked project open', () => {
  it('reports the size, serves any range inside the file, refuses ranges outside it and other windows', async () => {
    const { h, a, b } = setup();
    const r = await h.openProject(a);
    expect(r).toEqual({ ok: true, value: { token: expect.stringMatching(/^[0-9a-f]{32}$/), size: 4096, path: file, name: 'plan.hotspot' } });
    const token = r.ok && r.value ? r.value.token : '';
    expect(await h.readChunk(a, token, 4000, 96)).toEqual({ ok: true, value: sqliteBytes(1).slice(4000) });
    expect(await h.readChunk(a, token, 0, 16)).toEqual({ ok: true, value: new TextEncoder().encode('SQLite format 3\0') });
    for (const [offset, length] of [[4000, 97], [4096, 1], [-1, 10], [0, 0], [0.5, 10], ['0', 10], [0, LIMITS.chunkBytes + 1]] as const) {
      expect(await h.readChunk(a, token, offset, length)).toMatchObject({ ok: false });
    }
    expect(await h.readChunk(b, token, 0, 16)).toEqual({ ok: false, error: expect.stringMatching(/not one this window opened/) });
    expect(await h.endRead(b, token)).toEqual({ ok: false, error: expect.stringMatching(/not one this window opened/) });
    expect(await h.endRead(a, token)).toEqual({ ok: true, value: null });
    expect(await h.readChunk(a, token, 0, 16)).toEqual({ ok: false, error: expect.stringMatching(/not one this window opened/) });
  });

  it('opening another project closes the window\'s previous read', async () => {
    const { h, a } = setup();
    const first = await h.openProject(a);
    const second = await h.openProject(a);
    const t1 = first.ok && first.value ? first.value.token : '';
    const t2 = second.ok && second.value ? second.value.token : '';
    expect(await h.readChunk(a, t1, 0, 16)).toMatchObject({ ok: false });
    expect(await h.readChunk(a, t2, 0, 16)).toMatchObject({ ok: true });
  });

  it('has no size cap on open either (a file opens whatever its size; the renderer reads it in pieces)', async () => {
    const { h, a } = setup();
    // Sparse: 2 GiB + 1 byte on disk without writing them.
    const big = path.join(dir, 'big.hotspot');
    writeFileSync(big, sqliteBytes(1, 100));
    truncateSync(big, 2 * 1024 * 1024 * 1024 + 1);
    file = big;
    const r = await h.openProject(a);
    expect(r).toMatchObject({ ok: true, value: { size: 2 * 1024 * 1024 * 1024 + 1, name: 'big.hotspot' } });
    const token = r.ok && r.value ? r.value.token : '';
    expect(await h.readChunk(a, token, 2 * 1024 * 1024 * 1024, 1)).toEqual({ ok: true, value: new Uint8Array(1) });
    await h.endRead(a, token);
  });

  it('explains a folder and a file that changed (got shorter) while being read', async () => {
    const { h, a } = setup();
    const r = await h.openProject(a);
    const token = r.ok && r.value ? r.value.token : '';
    writeFileSync(file, sqliteBytes(1, 200));
    expect(await h.readChunk(a, token, 1000, 1000)).toEqual({ ok: false, error: expect.stringMatching(/changed while it was being read/) });
    file = path.join(dir, 'folder.hotspot');
    mkdirSync(file);
    expect(await h.openProject(a)).toEqual({ ok: false, error: '"folder.hotspot" is a folder, not a file.' });
  });
});
