import { pai, topCells } from './concentration';
import { giLevelCode, giLevelPercent } from '../legend/classes';
import { hotAtOrAbove } from '../legend/methodText';

/** A hotspot set to score: the top N cells by harm, or the Gi* hot cells at a level or more. */
export type PaiSet = { kind: 'top'; n: number } | { kind: 'hot'; level: 1 | 2 | 3 };

export interface PaiResult {
  label: string;
  cells: number;
  /** Share of total harm in the chosen cells; null when there is no harm at all. */
  harmShare: number | null;
  areaShare: number;
  /** (harm share) / (area share); null when undefined (no cells chosen, or no harm). */
  pai: number | null;
}

/** What paiForSet needs of an analysis: per study-area cell harm and Gi* class (-3..3). */
export interface PaiCells {
  n: number;
  harm: ArrayLike<number>;
  cls: ArrayLike<number>;
}

/**
 * PAI and capture for a chosen hotspot set: Gi* hot cells at a level, or the top N cells by
 * harm (the "top 20 cells" the Grip trials patrolled). The area is the study area's cells.
 */
export function paiForSet(c: PaiCells, set: PaiSet): PaiResult {
  const chosen = set.kind === 'top' ? topCells(c.harm, set.n) : Uint8Array.from(c.cls, (k) => (k >= set.level ? 1 : 0));
  let cells = 0, harm = 0, total = 0;
  for (let k = 0; k < c.n; k++) {
    total += c.harm[k]!;
    if (chosen[k]) { cells++; harm += c.harm[k]!; }
  }
  return {
    cells, harmShare: total > 0 ? harm / total : null, areaShare: c.n ? cells / c.n : 0,
    pai: pai(c.harm, chosen),
    label: set.kind === 'top' ? `top ${set.n} cells by harm` : hotAtOrAbove(giLevelPercent(set.level)!),
  };
}

/** "top:20" or "hot:95" (90, 95 or 99) as typed on the command line. */
export function parsePaiSet(text: string): PaiSet {
  const m = /^(top|hot):(\d+)$/.exec(text.trim().toLowerCase());
  if (m?.[1] === 'top' && Number(m[2]) >= 1) return { kind: 'top', n: Number(m[2]) };
  const level = m?.[1] === 'hot' && /^\d{2}$/.test(m[2]!) ? giLevelCode(Number(m[2])) : undefined;
  if (level !== undefined) return { kind: 'hot', level: level as 1 | 2 | 3 };
  throw new Error(`A hotspot set for PAI is top:N (the N cells with most harm, e.g. top:20) or hot:90, hot:95 or hot:99 (Gi* hot cells at that level or more); got "${text}".`);
}

/**
 * PAI in plain words, for a method line ("pai: ...") or a console line: "top 20 cells by harm:
 * 20 cells (20.0% of the study area) hold 61.3% of harm; PAI 3.07 (harm share / area share)".
 * An undefined PAI is said in words, never NaN.
 */
export function paiLine(r: PaiResult): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const head = `${r.label}: ${r.cells} cell${r.cells === 1 ? '' : 's'} (${pct(r.areaShare)} of the study area)`;
  if (r.harmShare === null) return `${head}; no harm in the study area, so PAI is undefined`;
  if (r.pai === null) return `${head}; no cells in the set, so PAI is undefined`;
  return `${head} hold ${pct(r.harmShare)} of harm; PAI ${r.pai.toFixed(2)} (harm share / area share)`;
}
