import type { HarmScheme } from './harmSchemes';
import { normaliseOffenceCode } from './offenceCodes';

/** Records whose key the scheme has no weight for: reported, never weighted 0 silently. */
export interface UnweightedReport {
  count: number;
  /** key ("(none)" for a missing category/code) -> number of records, largest first. */
  keys: { key: string; count: number }[];
}

export interface Weigher {
  /**
   * The weight of a record, or NaN when the scheme has none for its key (tallied). `records`
   * (default 1) is how many identical records this call stands for, when callers aggregate.
   */
  weigh(crimeType: string | null, offenceCode: string | null, records?: number): number;
  report(): UnweightedReport;
}

export const NO_KEY = '(none)';

/**
 * Applies a scheme to records: count -> 1; category -> weight of the police.uk crime type;
 * offence_code -> weight of the normalised Home Office code. Records without a weight get
 * NaN: callers keep them in counts but leave them out of harm, and the method states how
 * many there were and which keys.
 */
export function makeWeigher(scheme: HarmScheme): Weigher {
  const missing = new Map<string, number>();
  let times = 1;
  const miss = (key: string) => {
    missing.set(key, (missing.get(key) ?? 0) + times);
    return NaN;
  };
  const cache = new Map<string, number>();
  return {
    weigh(crimeType, offenceCode, records = 1) {
      times = records;
      if (scheme.keyKind === 'count') return 1;
      if (scheme.keyKind === 'category') {
        const key = crimeType?.trim();
        if (!key) return miss(NO_KEY);
        const w = scheme.weights[key];
        return w === undefined ? miss(key) : w;
      }
      const raw = offenceCode?.trim();
      if (!raw) return miss(NO_KEY);
      let norm = cache.get(raw);
      if (norm === undefined) {
        norm = scheme.weights[normaliseOffenceCode(raw)] ?? NaN;
        cache.set(raw, norm);
      }
      return Number.isNaN(norm) ? miss(raw) : norm;
    },
    report() {
      const keys = [...missing.entries()]
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
      return { count: keys.reduce((s, k) => s + k.count, 0), keys };
    },
  };
}

export function describeUnweighted(r: UnweightedReport, scheme: HarmScheme, max = 10): string | null {
  if (r.count === 0) return null;
  const list = r.keys.slice(0, max).map((k) => `${k.key} (${k.count})`).join(', ');
  const more = r.keys.length > max ? `, and ${r.keys.length - max} more` : '';
  const what = scheme.keyKind === 'offence_code' ? 'offence codes' : 'categories';
  return `${r.count} records have ${what} with no weight in "${scheme.label}" and are counted but excluded from harm: ${list}${more}`;
}
