import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileStore, RecentFiles } from '../../../main/recent/recentFiles';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hp-recent-'));
  file = path.join(dir, 'userData', 'recent.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function make(max?: number, onChange?: () => void) {
  let n = 0;
  return new RecentFiles(fileStore(file), { max, newId: () => `id${++n}`, now: () => new Date('2026-11-30T09:00:00Z'), onChange });
}
const p = (name: string) => path.join(dir, name);

describe('RecentFiles', () => {
  it('starts empty when there is no recent.json yet', async () => {
    const r = make();
    await r.load();
    expect(r.list()).toEqual([]);
    expect(await r.current()).toEqual([]);
  });

  it('puts the latest first, keeps an id stable when a project comes back, and drops the oldest beyond max', async () => {
    const r = make(3);
    await r.load();
    await r.add(p('a.hotspot'));
    await r.add(p('b.hotspot'));
    await r.add(p('c.hotspot'));
    await r.add(p('a.hotspot'));
    expect(r.list()).toEqual([{ id: 'id1', name: 'a.hotspot' }, { id: 'id3', name: 'c.hotspot' }, { id: 'id2', name: 'b.hotspot' }]);
    await r.add(p('d.hotspot'));
    expect(r.list().map((e) => e.name)).toEqual(['d.hotspot', 'a.hotspot', 'c.hotspot']);
    expect(r.pathOf('id2')).toBeNull();
    expect(r.pathOf('id4')).toBe(p('d.hotspot'));
  });

  it('treats two spellings of one path as one entry', async () => {
    const r = make();
    await r.load();
    await r.add(p('a.hotspot'));
    await r.add(path.join(dir, 'x', '..', 'a.hotspot'));
    expect(r.list()).toEqual([{ id: 'id1', name: 'a.hotspot' }]);
  });

  it('persists to recent.json and a new instance (the next start) reads the same list back', async () => {
    const r = make();
    await r.load();
    await r.add(p('Leeds.hotspot'));
    await r.add(p('Bradford.hotspot'));
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored).toEqual({
      version: 1,
      projects: [
        { id: 'id2', path: p('Bradford.hotspot'), openedAt: '2026-11-30T09:00:00.000Z' },
        { id: 'id1', path: p('Leeds.hotspot'), openedAt: '2026-11-30T09:00:00.000Z' },
      ],
    });
    const again = new RecentFiles(fileStore(file));
    await again.load();
    expect(again.list()).toEqual([{ id: 'id2', name: 'Bradford.hotspot' }, { id: 'id1', name: 'Leeds.hotspot' }]);
    expect(again.pathOf('id1')).toBe(p('Leeds.hotspot'));
  });

  it('many quick adds end with the file holding the last list (writes are serialised)', async () => {
    const r = make(20);
    await r.load();
    await Promise.all(Array.from({ length: 12 }, (_, i) => r.add(p(`f${i}.hotspot`))));
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { projects: { path: string }[] };
    expect(stored.projects.map((e) => path.basename(e.path))).toEqual(Array.from({ length: 12 }, (_, i) => `f${11 - i}.hotspot`));
  });

  it('an add before the file was read is not lost when the read finishes', async () => {
    const r = make();
    const loading = r.load();
    const adding = r.add(p('new.hotspot'));
    await Promise.all([loading, adding]);
    expect(r.list().map((e) => e.name)).toEqual(['new.hotspot']);
  });

  it('ignores a corrupt file and hand-edited entries that are not absolute .hotspot paths', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{ not json');
    const r = make();
    await r.load();
    expect(r.list()).toEqual([]);
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        projects: [
          { id: 'ok', path: p('good.hotspot') },
          { id: 'rel', path: 'relative.hotspot' },
          { id: 'etc', path: '/etc/passwd' },
          { id: 'nul', path: p('a\0.hotspot') },
          { id: 'ok', path: p('duplicate-id.hotspot') },
          { path: p('no-id.hotspot') },
          'junk',
        ],
      }),
    );
    await r.load();
    expect(r.list()).toEqual([{ id: 'ok', name: 'good.hotspot' }]);
    expect(r.pathOf('etc')).toBeNull();
    expect(r.pathOf(5)).toBeNull();
  });

  it('remove and clear update the file and tell the menu', async () => {
    const onChange = vi.fn();
    const r = make(undefined, onChange);
    await r.load();
    await r.add(p('a.hotspot'));
    await r.add(p('b.hotspot'));
    await r.remove('id1');
    expect(r.list()).toEqual([{ id: 'id2', name: 'b.hotspot' }]);
    await r.clear();
    expect(r.list()).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, projects: [] });
    expect(onChange).toHaveBeenCalledTimes(4);
  });

  it('a failed write rejects that add but does not block later ones', async () => {
    let fail = true;
    const writes: string[] = [];
    const r = new RecentFiles({ read: async () => null, write: async (t) => { if (fail) throw new Error('disk full'); writes.push(t); } });
    await r.load();
    await expect(r.add(p('a.hotspot'))).rejects.toThrow('disk full');
    fail = false;
    await r.add(p('b.hotspot'));
    expect(writes).toHaveLength(1);
    expect(r.list().map((e) => e.name)).toEqual(['b.hotspot', 'a.hotspot']);
  });
});
