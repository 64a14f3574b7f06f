import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../main/ipc/limits';
import {
  looksLikeSqlite,
  validatePickFiles,
  validateProjectPath,
  validateBeginSave,
  validateWriteExport,
} from '../../../main/ipc/requests';
import {
  validateBytes,
  validateFileName,
  validateFilters,
  validateKeys,
  validatePath,
  validateTitle,
} from '../../../main/ipc/validate';

const abs = (...p: string[]) => path.resolve(path.sep, ...p);
/** The smallest bytes that pass for a SQLite database: the 16-byte header, padded to 100. */
function sqliteBytes(size = 4096): Uint8Array {
  const b = new Uint8Array(size);
  b.set(new TextEncoder().encode('SQLite format 3\0'));
  return b;
}
const errorOf = (r: { ok: boolean; error?: string }) => (r.ok ? undefined : r.error);

describe('validatePath', () => {
  it('accepts absolute paths and normalises them', () => {
    expect(validatePath(abs('home', 'ana', 'a.hotspot'), 'P', ['hotspot'])).toEqual({ ok: true, value: abs('home', 'ana', 'a.hotspot') });
    expect(validatePath(abs('home', 'x', '..', 'ana', 'B.HOTSPOT'), 'P', ['hotspot'])).toEqual({ ok: true, value: abs('home', 'ana', 'B.HOTSPOT') });
  });

  it.each([
    [42, /expected a file path, got number/],
    [null, /got null/],
    ['', /expected a file path/],
    ['relative/a.hotspot', /must be absolute/],
    [abs('a\0b.hotspot'), /NUL/],
    [abs('x'.repeat(LIMITS.pathChars + 1) + '.hotspot'), /longer than/],
    [abs('home', 'crimes.csv'), /"crimes.csv" is not a \.hotspot file/],
    [abs('home', 'noext'), /not a \.hotspot file/],
  ])('refuses %j', (v, message) => {
    expect(errorOf(validatePath(v, 'Project file', ['hotspot']))).toMatch(message);
  });
});

describe('validateBytes', () => {
  it('accepts a Uint8Array (and a Buffer, which is one) within the limit', () => {
    expect(validateBytes(new Uint8Array(10), 'B', 10).ok).toBe(true);
    expect(validateBytes(Buffer.from('abc'), 'B', 10).ok).toBe(true);
  });

  it.each([
    ['a string', 'abc'],
    ['an ArrayBuffer', new ArrayBuffer(4)],
    ['a number array', [1, 2, 3]],
    ['another typed array', new Uint16Array(2)],
    ['undefined', undefined],
  ])('refuses %s', (_label, v) => {
    expect(errorOf(validateBytes(v, 'The project', 10))).toMatch(/expected file contents as a Uint8Array/);
  });

  it('refuses more than the limit, saying how much', () => {
    expect(errorOf(validateBytes(new Uint8Array(3 * 1024 * 1024), 'The export', 2 * 1024 * 1024))).toBe(
      'The export is 3 MB, more than the 2 MB this app writes in one file.',
    );
  });
});

describe('validateFileName / validateTitle', () => {
  it('accepts ordinary names and trims them', () => {
    expect(validateFileName('  Leeds hotspots May 2018.csv ', 'N')).toEqual({ ok: true, value: 'Leeds hotspots May 2018.csv' });
  });

  it.each(['', '   ', 'a/b.csv', 'a\\b.csv', '..', 'bad\nname', 'x'.repeat(256), 7])('refuses file name %j', (v) => {
    expect(validateFileName(v, 'N').ok).toBe(false);
  });

  it('accepts titles and refuses control characters and long titles', () => {
    expect(validateTitle('Import crimes', 'T').ok).toBe(true);
    expect(validateTitle('a\u0007b', 'T').ok).toBe(false);
    expect(validateTitle('x'.repeat(201), 'T').ok).toBe(false);
    expect(validateTitle(undefined, 'T').ok).toBe(false);
  });
});

describe('validateFilters', () => {
  const allowed = ['csv', 'geojson', 'json'];

  it('accepts filters with allowed extensions, lower-casing and dropping dots', () => {
    expect(validateFilters([{ name: 'CSV', extensions: ['.CSV'] }], 'F', allowed)).toEqual({
      ok: true,
      value: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it.each([
    [[], /non-empty list/],
    ['csv', /non-empty list/],
    [[{ name: 'All', extensions: ['*'] }], /"\*" is not allowed/],
    [[{ name: 'Programs', extensions: ['exe'] }], /"exe" is not allowed/],
    [[{ name: 'CSV', extensions: [] }], /needs 1 to/],
    [[{ name: 'CSV' }], /needs 1 to/],
    [[{ extensions: ['csv'] }], /expected a dialog title/],
    [['csv'], /each filter must be/],
    [Array.from({ length: 21 }, () => ({ name: 'CSV', extensions: ['csv'] })), /more than 20/],
  ])('refuses %j', (v, message) => {
    expect(errorOf(validateFilters(v, 'F', allowed))).toMatch(message);
  });
});

describe('validateKeys', () => {
  it('names unexpected and missing fields', () => {
    expect(errorOf(validateKeys({ a: 1, b: 2, c: 3 }, 'R', ['a', 'b']))).toMatch(/unexpected field\(s\) c/);
    expect(errorOf(validateKeys({ a: 1 }, 'R', ['a', 'b']))).toMatch(/missing field\(s\) b/);
    expect(errorOf(validateKeys([1], 'R', ['a']))).toMatch(/expected an object/);
    expect(validateKeys({ a: 1, b: 2 }, 'R', ['a', 'b']).ok).toBe(true);
  });
});

describe('request validators', () => {
  const goodSave = { path: abs('data', 'p.hotspot'), size: 4096, saveAs: false, suggestedName: 'Leeds plan.hotspot' };

  it('accepts a good save request, with or without a path, of any size (no cap)', () => {
    expect(validateBeginSave(goodSave).ok).toBe(true);
    expect(validateBeginSave({ ...goodSave, path: null, saveAs: true }).ok).toBe(true);
    expect(validateBeginSave({ ...goodSave, size: 40 * 1024 * 1024 * 1024 })).toEqual({ ok: true, value: { ...goodSave, size: 40 * 1024 * 1024 * 1024 } });
  });

  it.each([
    [{ ...goodSave, path: 'p.hotspot' }, /must be absolute/],
    [{ ...goodSave, path: abs('p.csv') }, /not a \.hotspot file/],
    // The bytes themselves (Uint8Array, SQLite header) are checked chunk by chunk: chunkedSave.test.ts.
    [{ ...goodSave, size: sqliteBytes() }, /size must be a whole number of bytes/],
    [{ ...goodSave, size: 99 }, /at least 100/],
    [{ path: goodSave.path, bytes: sqliteBytes(), saveAs: false, suggestedName: 'x' }, /unexpected field\(s\) bytes/],
    [{ ...goodSave, saveAs: 'yes' }, /true or false/],
    [{ ...goodSave, suggestedName: '../x' }, /without folders/],
    [{ ...goodSave, extra: 1 }, /unexpected field/],
    [null, /expected an object/],
  ])('refuses a bad save request (%#)', (v, message) => {
    expect(errorOf(validateBeginSave(v))).toMatch(message);
  });

  it('checks pickFiles requests', () => {
    const good = { title: 'Import crimes', filters: [{ name: 'police.uk CSV', extensions: ['csv'] }], multiple: true };
    expect(validatePickFiles(good).ok).toBe(true);
    expect(errorOf(validatePickFiles({ ...good, filters: [{ name: 'x', extensions: ['hotspot'] }] }))).toMatch(/not allowed/);
    expect(errorOf(validatePickFiles({ ...good, multiple: 1 }))).toMatch(/true or false/);
  });

  it('checks writeExport requests', () => {
    const good = { suggestedName: 'hotspots.xlsx', bytes: new Uint8Array(5), filters: [{ name: 'Excel', extensions: ['xlsx'] }] };
    expect(validateWriteExport(good).ok).toBe(true);
    expect(errorOf(validateWriteExport({ ...good, filters: [{ name: 'Script', extensions: ['sh'] }] }))).toMatch(/"sh" is not allowed/);
    expect(errorOf(validateWriteExport({ ...good, bytes: 'text' }))).toMatch(/Uint8Array/);
  });

  it('project paths must be .hotspot', () => {
    expect(validateProjectPath(abs('a.hotspot')).ok).toBe(true);
    expect(validateProjectPath(abs('a.sqlite')).ok).toBe(false);
  });

  it('recognises the SQLite header', () => {
    expect(looksLikeSqlite(sqliteBytes())).toBe(true);
    expect(looksLikeSqlite(sqliteBytes(50))).toBe(false);
    expect(looksLikeSqlite(new Uint8Array(4096))).toBe(false);
  });
});
