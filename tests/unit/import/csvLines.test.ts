import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../shared/import/csvStream';
import { textSource } from './helpers';

async function linesOf(text: string, chunk: number): Promise<string[]> {
  const out: string[] = [];
  for await (const b of readCsv(textSource('t.csv', text, chunk))) b.rows.forEach((r, i) => out.push(`${b.lines[i]}:${r[0]}`));
  return out;
}

describe('line numbers across chunk boundaries', () => {
  it('counts a blank line that starts a chunk right after a row that ended the one before', async () => {
    // 6-byte chunks: "h1,h2\n" then "\nr1,ab": the blank line is the whole first piece of the second chunk.
    const text = 'h1,h2\n\nr1,abc\nr2,d\n';
    expect(await linesOf(text, 6)).toEqual(['1:h1', '2:', '3:r1', '4:r2']);
    // The same lines however the file is cut.
    for (const chunk of [1, 2, 5, 7, 64]) expect(await linesOf(text, chunk)).toEqual(['1:h1', '2:', '3:r1', '4:r2']);
  });
});
