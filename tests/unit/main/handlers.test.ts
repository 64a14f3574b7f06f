import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atomicWrite, beginAtomicWrite } from '../../../node/atomicWrite';
import { openChunkReader } from '../../../node/chunkedRead';
import { readUserFile } from '../../../main/files/readUserFile';
import { createHandlers, withExtension, type Dialogs, type Handlers } from '../../../main/ipc/handlers';
import { ProjectPaths } from '../../../main/launch/projectPaths';
import { UserTilesFolder } from '../../../main/protocol/userTilesFolder';
import { RecentFiles, type RecentStore } from '../../../main/recent/recentFiles';

function sqliteBytes(fill: number, size = 4096): Uint8Array {
  const b = new Uint8Array(size).fill(fill);
  b.set(new TextEncoder().encode('SQLite format 3\0'));
  return b;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hp-handlers-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(answers: { open?: string[] | null; save?: string | null } = {}, initial: string | null = null) {
  const dialogs = {
    showOpen: vi.fn<Dialogs['showOpen']>(async () => answers.open ?? null),
    showSave: vi.fn<Dialogs['showSave']>(async () => answers.save ?? null),
  };
  const writeFile = vi.fn(atomicWrite);
  const beginWrite = vi.fn(beginAtomicWrite);
  const paths = new ProjectPaths(initial);
  const stored: string[] = [];
  const store: RecentStore = { read: async () => null, write: async (t) => void stored.push(t) };
  let n = 0;
  const recent = new RecentFiles(store, { newId: () => `id${++n}` });
  const h = createHandlers({ dialogs, paths, recent, readFile: readUserFile, writeFile, openRead: openChunkReader, beginWrite, defaultDir: () => dir });
  return { h, dialogs, writeFile, beginWrite, paths, recent, stored };
}

/** The window the calls come from (its webContents in the app). */
const win = {};

type Opened = { ok: true; value: { token: string; size: number; path: string; name: string } | null } | { ok: false; error: string };

/** What the renderer does after an open: reads every byte in small chunks, then ends the read. */
async function readAll(h: Handlers, r: Opened, chunk = 1000): Promise<{ ok: true; value: { path: string; name: string; bytes: Uint8Array } | null } | { ok: false; error: string }> {
  if (!r.ok) return r;
  if (!r.value) return { ok: true, value: null };
  const { token, size, path: p, name } = r.value;
  const bytes = new Uint8Array(size);
  for (let off = 0; off < size; off += chunk) {
    const part = await h.readChunk(win, token, off, Math.min(chunk, size - off));
    if (!part.ok) return part;
    bytes.set(part.value, off);
  }
  expect(await h.endRead(win, token)).toEqual({ ok: true, value: null });
  return { ok: true as const, value: { path: p, name, bytes } };
}

/** What the renderer does to save: begin, the bytes in order in small chunks, commit. */
async function saveProject(h: Handlers, req: { path: string | null; bytes: Uint8Array; saveAs: boolean; suggestedName: string }, chunk = 1000) {
  const { bytes, ...rest } = req;
  const begun = await h.beginSave(win, { ...rest, size: bytes.byteLength });
  if (!begun.ok || !begun.value) return begun;
  for (let off = 0; off < bytes.byteLength; off += chunk) {
    const w = await h.writeChunk(win, begun.value.token, off, bytes.slice(off, off + chunk));
    if (!w.ok) return w;
  }
  return h.commitSave(win, begun.value.token);
}

describe('openProject / openInitialProject / openRecentProject', () => {
  it('returns null when the dialog is cancelled', async () => {
    const { h } = setup({ open: null });
    expect(await readAll(h, await h.openProject(win))).toEqual({ ok: true, value: null });
  });

  it('reads the chosen project', async () => {
    const file = path.join(dir, 'Leeds.hotspot');
    writeFileSync(file, sqliteBytes(1));
    const { h, dialogs } = setup({ open: [file] });
    const r = await readAll(h, await h.openProject(win));
    expect(r.ok && r.value?.name).toBe('Leeds.hotspot');
    expect(r.ok && r.value?.bytes).toEqual(sqliteBytes(1));
    expect(dialogs.showOpen.mock.calls[0]![0].filters).toEqual([{ name: 'Hotspot Planner project', extensions: ['hotspot'] }]);
  });

  it('opens a handed-over file instead of asking, once', async () => {
    const file = path.join(dir, 'Handed.hotspot');
    writeFileSync(file, sqliteBytes(2));
    const { h, dialogs, paths } = setup({ open: null });
    paths.setPending(file);
    const first = await readAll(h, await h.openProject(win));
    expect(first.ok && first.value?.path).toBe(file);
    expect(dialogs.showOpen).not.toHaveBeenCalled();
    expect(await readAll(h, await h.openProject(win))).toEqual({ ok: true, value: null });
    expect(dialogs.showOpen).toHaveBeenCalledTimes(1);
  });

  it('opens the file the app was started with, takes no argument, and answers only once', async () => {
    const file = path.join(dir, 'Started with.hotspot');
    writeFileSync(file, sqliteBytes(3));
    const { h, dialogs, recent } = setup({ open: null }, file);
    // Whatever a compromised renderer passes is ignored: the path is main's own.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the cast adds the argument a renderer could send
    const r = await readAll(h, await (h.openInitialProject as (owner: object, arg?: unknown) => ReturnType<typeof h.openInitialProject>)(win, '/etc/passwd.hotspot'));
    expect(r).toMatchObject({ ok: true, value: { path: file, name: 'Started with.hotspot', bytes: sqliteBytes(3) } });
    expect(await readAll(h, await h.openInitialProject(win))).toEqual({ ok: true, value: null });
    expect(dialogs.showOpen).not.toHaveBeenCalled();
    expect(recent.list()).toEqual([{ id: 'id1', name: 'Started with.hotspot' }]);
  });

  it('no start-up file: null, no dialog', async () => {
    const { h, dialogs } = setup();
    expect(await readAll(h, await h.openInitialProject(win))).toEqual({ ok: true, value: null });
    expect(dialogs.showOpen).not.toHaveBeenCalled();
  });

  it('a missing start-up file is explained', async () => {
    const { h } = setup({}, path.join(dir, 'gone.hotspot'));
    const missing = await readAll(h, await h.openInitialProject(win));
    expect(missing).toEqual({ ok: false, error: expect.stringMatching(/"gone.hotspot" was not found in .*moved, renamed or deleted/) });
  });

  it('has no way to open a path the renderer names', () => {
    const { h } = setup();
    expect(Object.keys(h)).not.toContain('openProjectPath');
    expect(Object.keys(h).sort()).toEqual(
      ['abortSave', 'beginSave', 'commitSave', 'endRead', 'openInitialProject', 'openProject', 'openRecentProject', 'pickBasemapTiles', 'pickFiles', 'readChunk', 'recentProjects', 'release', 'writeChunk', 'writeExport'].sort(),
    );
  });

  it('lists projects opened and saved, by id and name, and reopens one by id without a dialog', async () => {
    const a = path.join(dir, 'Leeds.hotspot');
    const b = path.join(dir, 'Bradford.hotspot');
    writeFileSync(a, sqliteBytes(1));
    const { h, dialogs, paths } = setup({ open: [a], save: b });
    await readAll(h, await h.openProject(win));
    await saveProject(h, { path: null, bytes: sqliteBytes(5), saveAs: false, suggestedName: 'Bradford.hotspot' });
    const list = await h.recentProjects();
    expect(list).toEqual({ ok: true, value: [{ id: 'id2', name: 'Bradford.hotspot' }, { id: 'id1', name: 'Leeds.hotspot' }] });
    // The renderer sees no path in the list.
    expect(JSON.stringify(list)).not.toContain(dir);
    dialogs.showOpen.mockClear();
    const r = await readAll(h, await h.openRecentProject(win, 'id1'));
    expect(r).toMatchObject({ ok: true, value: { name: 'Leeds.hotspot', bytes: sqliteBytes(1) } });
    expect(dialogs.showOpen).not.toHaveBeenCalled();
    expect(paths.isKnown(a)).toBe(true);
  });

  it('refuses an unknown id, a path given as an id, and explains a recent file that has gone', async () => {
    const a = path.join(dir, 'Leeds.hotspot');
    writeFileSync(a, sqliteBytes(1));
    const { h } = setup({ open: [a] });
    await readAll(h, await h.openProject(win));
    expect(await readAll(h, await h.openRecentProject(win, 'nope'))).toEqual({ ok: false, error: expect.stringMatching(/no longer in the recent list/) });
    expect(await readAll(h, await h.openRecentProject(win, a))).toEqual({ ok: false, error: expect.stringMatching(/no longer in the recent list/) });
    expect(await readAll(h, await h.openRecentProject(win, { id: 'id1' }))).toEqual({ ok: false, error: expect.stringMatching(/no longer in the recent list/) });
    rmSync(a);
    expect(await readAll(h, await h.openRecentProject(win, 'id1'))).toEqual({ ok: false, error: expect.stringMatching(/"Leeds.hotspot" was not found/) });
  });

  it('exports do not enter the recent list', async () => {
    const out = path.join(dir, 'wards.csv');
    const { h } = setup({ save: out });
    await h.writeExport({ suggestedName: 'wards.csv', bytes: new Uint8Array([1]), filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(await h.recentProjects()).toEqual({ ok: true, value: [] });
  });
});

describe('saveProject', () => {
  it('writes straight to a known path, atomically and without a dialog', async () => {
    const file = path.join(dir, 'plan.hotspot');
    writeFileSync(file, sqliteBytes(1));
    const { h, dialogs, beginWrite } = setup({}, file);
    const r = await saveProject(h, { path: file, bytes: sqliteBytes(9), saveAs: false, suggestedName: 'plan.hotspot' });
    expect(r).toEqual({ ok: true, value: { path: file } });
    expect(dialogs.showSave).not.toHaveBeenCalled();
    expect(beginWrite).toHaveBeenCalledWith(file);
    expect(new Uint8Array(readFileSync(file))).toEqual(sqliteBytes(9));
  });

  it('asks for a path when there is none, adding .hotspot when the user left it off', async () => {
    const chosen = path.join(dir, 'New plan');
    const { h, dialogs } = setup({ save: chosen });
    const r = await saveProject(h, { path: null, bytes: sqliteBytes(3), saveAs: false, suggestedName: 'Untitled' });
    expect(r).toEqual({ ok: true, value: { path: `${chosen}.hotspot` } });
    expect(dialogs.showSave.mock.calls[0]![0].defaultPath).toBe(path.join(dir, 'Untitled.hotspot'));
    expect(readdirSync(dir)).toEqual(['New plan.hotspot']);
  });

  it('asks (pre-filled) before overwriting a path the user never chose in this session', async () => {
    const foreign = path.join(dir, 'someone-elses.hotspot');
    writeFileSync(foreign, sqliteBytes(1));
    const { h, dialogs } = setup({ save: null });
    const r = await saveProject(h, { path: foreign, bytes: sqliteBytes(4), saveAs: false, suggestedName: 'x' });
    expect(r).toEqual({ ok: true, value: null });
    expect(dialogs.showSave.mock.calls[0]![0].defaultPath).toBe(foreign);
    expect(new Uint8Array(readFileSync(foreign))).toEqual(sqliteBytes(1));
  });

  it('Save As always asks, and the new path becomes known', async () => {
    const first = path.join(dir, 'a.hotspot');
    const second = path.join(dir, 'b.hotspot');
    const { h, dialogs } = setup({ save: second }, first);
    expect(await saveProject(h, { path: first, bytes: sqliteBytes(5), saveAs: true, suggestedName: 'a' })).toEqual({ ok: true, value: { path: second } });
    expect(await saveProject(h, { path: second, bytes: sqliteBytes(6), saveAs: false, suggestedName: 'b' })).toEqual({ ok: true, value: { path: second } });
    expect(dialogs.showSave).toHaveBeenCalledTimes(1);
  });

  it('reports a write failure as a message and leaves the old file', async () => {
    const file = path.join(dir, 'plan.hotspot');
    writeFileSync(file, sqliteBytes(1));
    const { h, beginWrite } = setup({}, file);
    // The disk fills up after the first chunk.
    beginWrite.mockImplementationOnce(async (target) => {
      const w = await beginAtomicWrite(target);
      const write = w.write.bind(w);
      let calls = 0;
      w.write = async (b) => (++calls > 1 ? Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) : write(b));
      return w;
    });
    const r = await saveProject(h, { path: file, bytes: sqliteBytes(2), saveAs: false, suggestedName: 'p' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/not enough disk space.*previous version of the file is unchanged/) });
    expect(new Uint8Array(readFileSync(file))).toEqual(sqliteBytes(1));
    expect(readdirSync(dir)).toEqual(['plan.hotspot']);
  });

  it('refuses bad arguments without touching the disk or opening a dialog', async () => {
    const { h, dialogs, beginWrite } = setup();
    const r = await h.beginSave(win, { path: '/x.hotspot', size: 'not a size', saveAs: false, suggestedName: 'x' });
    expect(r.ok).toBe(false);
    expect(await h.beginSave(win, { path: '/x.hotspot', bytes: sqliteBytes(1), saveAs: false, suggestedName: 'x' })).toMatchObject({ ok: false });
    expect(dialogs.showSave).not.toHaveBeenCalled();
    expect(beginWrite).not.toHaveBeenCalled();
  });
});

describe('pickFiles', () => {
  it('reads every chosen file, or returns [] when cancelled', async () => {
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.geojson');
    writeFileSync(a, 'Crime ID\n1\n');
    writeFileSync(b, '{"type":"FeatureCollection","features":[]}');
    const { h } = setup({ open: [a, b] });
    const r = await h.pickFiles({ title: 'Import', filters: [{ name: 'Data', extensions: ['csv', 'geojson'] }], multiple: true });
    expect(r.ok && r.value.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['a.csv', 'Crime ID\n1\n'],
      ['b.geojson', '{"type":"FeatureCollection","features":[]}'],
    ]);
    expect(await setup({ open: null }).h.pickFiles({ title: 'I', filters: [{ name: 'C', extensions: ['csv'] }], multiple: false })).toEqual({ ok: true, value: [] });
  });

  it('refuses a folder with a message', async () => {
    const { h } = setup({ open: [dir] });
    const r = await h.pickFiles({ title: 'I', filters: [{ name: 'C', extensions: ['csv'] }], multiple: false });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/not a regular file/) });
  });
});

describe('writeExport', () => {
  it('writes to the chosen path, adding the extension if missing', async () => {
    const { h } = setup({ save: path.join(dir, 'hotspots') });
    const r = await h.writeExport({ suggestedName: 'hotspots.csv', bytes: new TextEncoder().encode('a,b\n'), filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(r).toEqual({ ok: true, value: { path: path.join(dir, 'hotspots.csv') } });
    expect(readFileSync(path.join(dir, 'hotspots.csv'), 'utf8')).toBe('a,b\n');
  });

  it('returns null when cancelled', async () => {
    const { h } = setup({ save: null });
    expect(await h.writeExport({ suggestedName: 'x.csv', bytes: new Uint8Array(1), filters: [{ name: 'CSV', extensions: ['csv'] }] })).toEqual({ ok: true, value: null });
  });
});

describe('withExtension', () => {
  it('keeps an allowed extension and appends the first one otherwise', () => {
    const f = [{ name: 'x', extensions: ['geojson', 'json'] }];
    expect(withExtension('/a/b.JSON', f)).toBe('/a/b.JSON');
    expect(withExtension('/a/b', f)).toBe('/a/b.geojson');
    expect(withExtension('/a/b.csv', f)).toBe('/a/b.csv.geojson');
  });
});

describe('pickBasemapTiles', () => {
  it('serves the chosen tile folder and names it without its path; a cancel or a folder without tiles changes nothing', async () => {
    const tiles = path.join(dir, 'lancashire');
    mkdirSync(path.join(tiles, '14', '8100'), { recursive: true });
    mkdirSync(path.join(tiles, '13', '4050'), { recursive: true });
    writeFileSync(path.join(tiles, '14', '8100', '5300.pbf'), 'x');
    writeFileSync(path.join(tiles, '14', '8100', '5301.pbf'), 'x');
    writeFileSync(path.join(tiles, '13', '4050', '2650.mvt'), 'x');
    writeFileSync(path.join(tiles, 'README.txt'), 'x');
    const userTiles = new UserTilesFolder();
    let answer: string | null = null;
    const dialogs = { showOpen: vi.fn(), showSave: vi.fn(), showOpenFolder: vi.fn(async () => answer) };
    const recent = new RecentFiles({ read: async () => null, write: async () => undefined });
    const h = createHandlers({ dialogs, paths: new ProjectPaths(null), recent, readFile: readUserFile, writeFile: atomicWrite, openRead: openChunkReader, beginWrite: beginAtomicWrite, defaultDir: () => dir, userTiles });
    expect(await h.pickBasemapTiles()).toEqual({ ok: true, value: null });
    expect(userTiles.current()).toBeNull();
    answer = dir; // a folder with no zoom-level folders
    expect(await h.pickBasemapTiles()).toEqual({ ok: false, error: expect.stringMatching(/holds no vector tiles/) });
    expect(userTiles.current()).toBeNull();
    answer = tiles;
    const r = await h.pickBasemapTiles();
    expect(r).toEqual({ ok: true, value: { name: 'lancashire', tiles: 3, minzoom: 13, maxzoom: 14 } });
    expect(JSON.stringify(r)).not.toContain(dir);
    expect(userTiles.current()).toBe(tiles);
  });

  it('says so where no folder dialog exists', async () => {
    const { h } = setup();
    expect(await h.pickBasemapTiles()).toEqual({ ok: false, error: 'Choosing a tile folder is not available here.' });
  });
});
