import { selectCrimes } from '../../shared/harm/crimeSelection';
import { wardHarmTable, type WardTable, type WardTableParams } from '../../shared/wards/wardHarmTable';
import { wardTableCsv } from '../../shared/wards/wardTableCsv';
import { db } from './engineState';

export interface WardProfile {
  code: string;
  /** Per crime type in the table's current period: count and harm, most harm first. */
  byType: { type: string; count: number; harm: number }[];
}

export const wardApi = {
  /** The district leads' table: wards, district subtotals, force total, vs previous and baseline. */
  wardTable(params: WardTableParams): WardTable {
    return wardHarmTable(db(), params);
  },

  wardTableCsv(params: WardTableParams): Uint8Array {
    return new TextEncoder().encode(wardTableCsv(wardHarmTable(db(), params)));
  },

  /** What makes up one ward's harm: by crime type, same scheme, set and period as the table. */
  wardProfile(code: string, params: WardTableParams & { from: string; to: string }): WardProfile {
    const sel = selectCrimes(db(), params);
    const by = new Map<string, { count: number; harm: number }>();
    for (let r = 0; r < sel.n; r++) {
      if (sel.wardCode[r] !== code || sel.outOfArea[r]) continue;
      const t = sel.crimeType[r] ?? '(no type)';
      const e = by.get(t) ?? { count: 0, harm: 0 };
      e.count++;
      if (!Number.isNaN(sel.weight[r]!)) e.harm += sel.weight[r]!;
      by.set(t, e);
    }
    return { code, byType: [...by.entries()].map(([type, v]) => ({ type, ...v })).sort((a, b) => b.harm - a.harm || b.count - a.count) };
  },
};
