import { describe, expect, it } from 'vitest';
import { ByteTable } from '../../../shared/import/byteTable';

describe('ByteTable', () => {
  it('finds each byte run it holds, at any offset, through growth, and nothing else', () => {
    let a = 99;
    const rand = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296;
    const t = new ByteTable<number>();
    const keys: string[] = [];
    for (let i = 0; i < 20_000; i++) keys.push(Array.from({ length: Math.floor(rand() * 12) }, () => 'ab,"\u00e9'[Math.floor(rand() * 5)]).join('') + String(i % 3000));
    const enc = new TextEncoder();
    const at = (s: string) => {
      const b = enc.encode(`##${s}#`);
      return [b, 2, b.length - 1] as const;
    };
    const first = new Map<string, number>();
    keys.forEach((k, i) => {
      t.set(...at(k), i);
      if (!first.has(k)) first.set(k, i);
    });
    // A key set twice keeps its first value.
    expect(t.size).toBe(first.size);
    for (const [k, i] of first) expect(t.get(...at(k))).toBe(i);
    expect(t.get(...at('not there'))).toBeUndefined();
    // A run is its bytes, not a prefix: "ab" is not "ab1".
    t.set(...at('zz'), -1);
    expect(t.get(...at('zz1'))).toBeUndefined();
    expect(t.get(...at(''))).toBe(first.get('') ?? undefined);
  });
});
