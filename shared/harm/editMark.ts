/**
 * How an edited scheme or set is named, and the short code of a weight table: pure functions
 * the UI, the worker and the CLI share (storage is in editProvenance.ts).
 */
export interface EditMark {
  /** UTC date of the last save that changed anything, YYYY-MM-DD; '' when not recorded. */
  on: string;
  /** Weights (or set rule entries) that differ from the baseline: changed, added or removed. */
  changes: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "edited 30 Nov 2026, 3 changes"; "edited, 3 changes" when the date was not recorded. */
export function formatEditMark(m: EditMark): string {
  const count = `${m.changes} change${m.changes === 1 ? '' : 's'}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(m.on)) return `edited, ${count}`;
  const [y, mo, d] = m.on.split('-').map(Number) as [number, number, number];
  return `edited ${d} ${MONTHS[mo - 1]} ${y}, ${count}`;
}

const MARK = / \(edited(?: \d{1,2} [A-Z][a-z]{2} \d{4})?, \d+ changes?\)$/;

/** "<name> (edited ...)" when edited: the label every list, table and file shows. */
export function markedLabel(name: string, edited: EditMark | null | undefined): string {
  return edited ? `${name} (${formatEditMark(edited)})` : name;
}

/** The stored name behind a shown label: saving a shown label must not store its mark. */
export function stripEditMark(label: string): string {
  return label.replace(MARK, '');
}

/** Keys whose weight differs, plus keys added or removed. */
export function countWeightChanges(a: Record<string, number>, b: Record<string, number>): number {
  let n = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[k] !== b[k]) n++;
  return n;
}

/**
 * The mark after a save: none when equal to the baseline; otherwise today's date if this
 * save changed anything, else the date already recorded (re-saving the same table is no edit).
 */
export function nextEditMark(changes: number, changedNow: boolean, previous: EditMark | undefined, now: Date): EditMark | undefined {
  if (changes === 0) return undefined;
  if (!changedNow && previous) return { on: previous.on, changes };
  return { on: isoDay(now), changes };
}

/**
 * 8 hex digits of 32-bit FNV-1a over the UTF-8 of "key=weight\n" lines sorted by key (code
 * unit order, weights as JavaScript prints them). Not a security hash: a short name that
 * changes with any weight, so two outputs with the same label can be told apart.
 */
export function weightsHash(weights: Record<string, number>): string {
  const text = Object.keys(weights).sort(byCodeUnit).map((k) => `${k}=${weights[k]}\n`).join('');
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** "key=w; key=w" sorted by key: the full table for method notes. */
export function weightsTable(weights: Record<string, number>): string {
  return Object.keys(weights).sort(byCodeUnit).map((k) => `${k}=${weights[k]}`).join('; ');
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
