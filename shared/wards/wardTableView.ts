import type { WardRow, WardTable } from './wardHarmTable';

/** 'grouped': wards by district with each district's subtotal after its wards (the district leads' layout). */
export type WardSortKey =
  | 'grouped' | 'name' | 'district' | 'count' | 'harm' | 'per1000' | 'rank' | 'share'
  | 'prevHarm' | 'prevPct' | 'basePct';

/** What the analyst sees: a text filter and a sort. Exports follow it. */
export interface WardTableView {
  filter?: string;
  sort?: { key: WardSortKey; desc: boolean };
}

/** Harm, most first: the order a district lead reads the table in. */
export const DEFAULT_WARD_SORT = { key: 'harm', desc: true } as const satisfies WardTableView['sort'];

export const WARD_SORT_LABEL: Record<WardSortKey, string> = {
  grouped: 'by district', name: 'ward', district: 'district', count: 'count', harm: 'harm', per1000: 'harm per 1,000',
  rank: 'rank', share: 'share of force harm', prevHarm: 'previous period harm', prevPct: 'harm % change vs previous', basePct: 'harm % change vs baseline',
};

/** A row's value for a sort; null sorts last in either direction (no data, no %). */
function value(r: WardRow, k: WardSortKey): number | string | null {
  if (r.noData && k !== 'name' && k !== 'district') return null;
  switch (k) {
    case 'name': return r.name;
    case 'district': return r.districtName ?? '';
    case 'count': return r.count;
    case 'harm': return r.harm;
    case 'per1000': return r.harmPer1000;
    case 'rank': return r.rank;
    case 'share': return r.shareOfForceHarm;
    case 'prevHarm': return r.previous.base?.harm ?? null;
    case 'prevPct': return r.previous.harmPct.value;
    case 'basePct': return r.baseline?.harmPct.value ?? null;
    case 'grouped': return 0;
  }
}

/**
 * The rows as shown: filtered by ward or district name, sorted (ties by ward name), with the
 * district subtotals and force total kept below the wards. 'grouped' keeps the table's own order.
 */
export function viewRows(t: WardTable, v: WardTableView = {}): { body: WardRow[]; totals: WardRow[] } {
  const f = (v.filter ?? '').trim().toLowerCase();
  const match = (r: WardRow) => !f || r.name.toLowerCase().includes(f) || (r.districtName ?? '').toLowerCase().includes(f);
  const sort = v.sort ?? DEFAULT_WARD_SORT;
  if (sort.key === 'grouped') {
    const shown = new Set(t.rows.filter((r) => r.kind === 'ward' && match(r)).map((r) => r.districtName));
    return { body: t.rows.filter((r) => (r.kind === 'ward' ? match(r) : r.kind === 'force' || !f || shown.has(r.districtName))), totals: [] };
  }
  const dir = sort.desc ? -1 : 1;
  const body = t.rows.filter((r) => r.kind === 'ward' && match(r)).sort((a, b) => {
    const x = value(a, sort.key), y = value(b, sort.key);
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.name.localeCompare(b.name);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * dir || a.name.localeCompare(b.name);
  });
  // Filtered: only the subtotals of districts with a ward shown (the force total always).
  const shown = new Set(body.map((r) => r.districtName));
  return { body, totals: t.rows.filter((r) => r.kind === 'force' || (r.kind === 'district' && (!f || shown.has(r.districtName)))) };
}

/** "sorted by harm, descending; filtered to "leeds"": the line every export of a view carries. */
export function describeView(v: WardTableView = {}): string {
  const sort = v.sort ?? DEFAULT_WARD_SORT;
  const order = sort.key === 'grouped' ? 'wards grouped by district, each followed by its subtotal' : `sorted by ${WARD_SORT_LABEL[sort.key]}, ${sort.desc ? 'descending' : 'ascending'}; subtotals and force total after the wards`;
  const f = (v.filter ?? '').trim();
  return `rows: ${order}${f ? `; only wards whose ward or district name contains "${f}" (and their districts' subtotals)` : ''}`;
}
