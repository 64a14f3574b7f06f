import { toCsv, type Cell } from '../csv/csvWrite';
import type { Comparison } from './periodChange';
import type { WardTable } from './wardHarmTable';

const r4 = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(4)));
const pct = (x: number | null) => (x === null ? null : Number(x.toFixed(2)));

const compHeader = (p: string) => [
  `${p}_count`, `${p}_harm`, `count_change_vs_${p}`, `count_pct_change_vs_${p}`, `harm_change_vs_${p}`, `harm_pct_change_vs_${p}`,
];
/** % columns hold a number, or the reason there is none ("n/a: base is 0"), never Infinity/NaN. */
const compCells = (c: Comparison | null): Cell[] =>
  c
    ? [c.base.count, r4(c.base.harm), c.countChange, c.countPct.value === null ? c.countPct.text : pct(c.countPct.value),
      r4(c.harmChange), c.harmPct.value === null ? c.harmPct.text : pct(c.harmPct.value)]
    : [null, null, null, null, null, null];

/**
 * One row per ward, each district's subtotal after its wards, then the force total; led by
 * `# ` method lines (scheme, category set, periods, exclusions, rules).
 */
export function wardTableCsv(t: WardTable): string {
  const hasBaseline = t.method.periods.baseline !== null;
  const header = [
    'row_type', 'ward_code', 'ward_name', 'district', 'count', 'harm', 'population', 'harm_per_1000',
    'rank', 'share_of_force_harm_pct', ...compHeader('previous'), ...(hasBaseline ? compHeader('baseline') : []),
  ];
  const rows = t.rows.map((r): Cell[] => [
    r.kind, r.kind === 'force' ? null : r.code, r.name, r.districtName, r.count, r4(r.harm), r.population,
    r4(r.harmPer1000), r.rank, r.shareOfForceHarm === null ? null : pct(r.shareOfForceHarm * 100),
    ...compCells(r.previous), ...(hasBaseline ? compCells(r.baseline) : []),
  ]);
  return toCsv(header, rows, [...t.methodLines, ...t.warnings.map((w) => `warning: ${w}`)]);
}
