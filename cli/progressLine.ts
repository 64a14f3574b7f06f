import type { JobProgress } from '../shared/session/jobs';

const number = (n: number) => Math.round(n).toLocaleString('en-GB');

/** One line of progress text: phase, share or count, rows and rows per second. */
export function progressText(p: JobProgress): string {
  const parts = [p.phase];
  if (p.total !== undefined && p.done !== undefined && p.total > 0) parts.push(`${Math.floor((100 * p.done) / p.total)}%`);
  else if (p.fraction !== undefined) parts.push(`${Math.floor(100 * p.fraction)}%`);
  if (p.rows !== undefined) parts.push(`${number(p.rows)} rows${p.rowsPerSecond ? `, ${number(p.rowsPerSecond)} rows/s` : ''}`);
  return parts.join(' · ');
}

/**
 * Progress on stderr: on a terminal one line rewritten in place (a few times a second); into a
 * file or pipe (--progress) a line when the phase changes and every few seconds.
 */
export function progressPrinter(stream: { write(s: string): unknown; isTTY?: boolean }): { show(p: JobProgress): void; clear(): void } {
  const tty = stream.isTTY === true;
  let last = 0;
  let lastPhase = '';
  let shown = false;
  return {
    show(p) {
      const now = Date.now();
      const changed = p.phase !== lastPhase;
      if (!changed && now - last < (tty ? 200 : 3000)) return;
      last = now;
      lastPhase = p.phase;
      const text = progressText(p);
      if (tty) {
        stream.write(`\r\x1b[2K${text.slice(0, 160)}`);
        shown = true;
      } else stream.write(`${text}\n`);
    },
    clear() {
      if (tty && shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
