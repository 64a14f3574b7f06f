import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beginAtomicWrite } from '../../../node/atomicWrite';
import { openChunkReader, readWholeFile } from '../../../node/chunkedRead';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hp-node-chunks-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const counting = (n: number) => new Uint8Array(n).map((_, i) => (i * 7) % 256);

describe('beginAtomicWrite', () => {
  it('appends chunks to a hidden temp file and renames it over the target only on commit', async () => {
    const target = path.join(dir, 'p.hotspot');
    writeFileSync(target, 'old');
    const w = await beginAtomicWrite(target);
    expect(path.basename(w.tempPath)).toMatch(/^\.p\.hotspot\.tmp-\d+-[0-9a-f]{8}$/);
    const data = counting(10_000);
    for (let off = 0; off < data.length; off += 3000) await w.write(data.subarray(off, off + 3000));
    expect(w.written).toBe(10_000);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(new Uint8Array(readFileSync(w.tempPath))).toEqual(data);
    await w.commit();
    expect(new Uint8Array(readFileSync(target))).toEqual(data);
    expect(readdirSync(dir)).toEqual(['p.hotspot']);
    await expect(w.write(new Uint8Array(1))).rejects.toThrow('already finished');
  });

  it('abort removes the temp file and leaves the target; abort twice is harmless', async () => {
    const target = path.join(dir, 'p.hotspot');
    writeFileSync(target, 'old');
    const w = await beginAtomicWrite(target);
    await w.write(counting(500));
    await w.abort();
    await w.abort();
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['p.hotspot']);
    await expect(w.commit()).rejects.toThrow('already finished');
    expect(readFileSync(target, 'utf8')).toBe('old');
  });

  it('fails at once, before any bytes, into a folder that does not exist', async () => {
    await expect(beginAtomicWrite(path.join(dir, 'nope', 'p.hotspot'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('openChunkReader / readWholeFile', () => {
  it('reads any range of a file, and the whole file in chunks into one buffer of its size', async () => {
    const file = path.join(dir, 'p.hotspot');
    const data = counting(10_001);
    writeFileSync(file, data);
    const r = await openChunkReader(file);
    expect(r.size).toBe(10_001);
    expect(await r.read(9000, 1001)).toEqual(data.slice(9000));
    expect(await r.read(0, 5)).toEqual(data.slice(0, 5));
    await r.close();
    await r.close();
    const whole = await readWholeFile(file, 4096);
    expect(whole).toEqual(data);
    expect(whole.buffer.byteLength).toBe(10_001);
  });

  it('refuses folders and says when a file got shorter while being read', async () => {
    mkdirSync(path.join(dir, 'f.hotspot'));
    await expect(openChunkReader(path.join(dir, 'f.hotspot'))).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(readWholeFile(path.join(dir, 'f.hotspot'))).rejects.toMatchObject({ code: 'EISDIR' });
    const file = path.join(dir, 'p.hotspot');
    writeFileSync(file, counting(1000));
    const r = await openChunkReader(file);
    writeFileSync(file, counting(10));
    await expect(r.read(500, 500)).rejects.toThrow('changed while it was being read');
    await r.close();
  });
});
