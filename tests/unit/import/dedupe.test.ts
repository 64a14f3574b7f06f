import { describe, expect, it } from 'vitest';
import { ContentKeys, hash53, hash53Ascii, hashParts, hashPartsAscii } from '../../../shared/import/dedupe';
import { lastRowEnd, lastRowEndBytes } from '../../../shared/import/csvStream';

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

describe('hashes of bytes equal the hashes of the same text (the byte-level reader keys rows by them)', () => {
  let a = 777;
  const rand = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296;
  const text = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(rand() * 95))).join('');
  const ascii = (s: string) => new TextEncoder().encode(s);

  it('hash53Ascii is hash53 of a character and the bytes', () => {
    for (let i = 0; i < 2000; i++) {
      const t = text(Math.floor(rand() * 40));
      expect(hash53Ascii(0x70, ascii(`xx${t}yy`), 2, 2 + t.length)).toBe(hash53(`p${t}`));
    }
  });

  it('hashPartsAscii is hashParts of two texts and the comma-separated fields', () => {
    for (let i = 0; i < 2000; i++) {
      const fields = Array.from({ length: 4 }, () => text(Math.floor(rand() * 20)).replace(/,/g, ';'));
      const x = text(7), y = text(25);
      const bytes = ascii(`,${fields.join(',')},`);
      expect(hashPartsAscii(x, y, bytes, 1, bytes.length - 1)).toBe(hashParts([x, y, ...fields]));
    }
  });

  it('ContentKeys.textHash53 is hash53 of the key text, occurrence numbers included', () => {
    const k = new ContentKeys('a');
    for (let i = 0; i < 5000; i++) {
      const h = Math.floor(rand() * 2 ** 53);
      const n = 1 + Math.floor(rand() * (i % 3 === 0 ? 1500 : 3));
      expect(k.textHash53(h, n)).toBe(hash53(k.text(h, n)));
    }
    for (const h of [0, 1, 35, 36, 2 ** 53 - 1]) expect(k.textHash53(h, 10)).toBe(hash53(k.text(h, 10)));
  });

  it('lastRowEndBytes finds the row end lastRowEnd finds, quotes and all', () => {
    const alphabet = ['a', 'b', ',', '"', '\n', '""'];
    for (let i = 0; i < 3000; i++) {
      const t = Array.from({ length: Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      expect(lastRowEndBytes(ascii(t))).toBe(lastRowEnd(t));
    }
  });
});
