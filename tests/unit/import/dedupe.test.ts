import { describe, expect, it } from 'vitest';
import { ContentKeys, hash53 } from '../../../shared/import/dedupe';

/** The plain Map-based numbering ContentKeys replaced: the keys must not change, or re-imports would add rows. */
function referenceKeys(prefix: string): (parts: readonly string[]) => string {
  const seen = new Map<number, number>();
  return (parts) => {
    const h = hash53(parts.join('\u001f'));
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return `${prefix}${h.toString(36)}${n > 1 ? `#${n}` : ''}`;
  };
}

describe('content keys', () => {
  it('number identical rows 1, 2, 3 in file order and keep distinct rows apart', () => {
    const k = new ContentKeys('a');
    const row = ['2024-01', 'Anti-social behaviour', '-1.5', '53.8', 'On or near High Street', 'E01011229'];
    const first = k.key(row);
    expect(first).toBe(`a${hash53(row.join('\u001f')).toString(36)}`);
    expect(k.key(['2024-02', ...row.slice(1)])).not.toMatch(/#/);
    expect(k.key(row)).toBe(`${first}#2`);
    expect(k.key(row)).toBe(`${first}#3`);
  });

  it('give the same keys as a Map-based count across table growth, with many repeats', () => {
    const k = new ContentKeys('s');
    const ref = referenceKeys('s');
    let a = 12345;
    const rand = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296;
    // ~60k rows over ~20k distinct contents: the open-addressing table grows several times.
    for (let i = 0; i < 60_000; i++) {
      const parts = [`2024-${1 + Math.floor(rand() * 12)}`, String(Math.floor(rand() * 1700)), 'x'];
      expect(k.key(parts)).toBe(ref(parts));
    }
  });
});
