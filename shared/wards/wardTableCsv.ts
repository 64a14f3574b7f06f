import { toCsv, type Cell } from '../csv/csvWrite';
import { exportFileName } from '../export/exportName';
import { methodSheet, writeXlsx, type XlsxColumn, type XlsxSheet } from '../export/xlsxWorkbook';
import type { Comparison } from './periodChange';
import type { WardRow, WardTable } from './wardHarmTable';
import { describeView, viewRows, type WardTableView } from './wardTableView';

const r4 = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(4)));
const pct = (x: number | null) => (x === null ? null : Number(x.toFixed(2)));

interface Col extends XlsxColumn {
  key: string;
  get(r: WardRow): Cell;
}

/** Comparison columns: numbers or blank; why a figure is blank goes in the note column, never in a number column. */
const compCols = (p: 'previous' | 'baseline', label: string, pick: (r: WardRow) => Comparison | null): Col[] => [
  { key: `${p}_count`, header: `${label} count`, format: 'int', width: 11, get: (r) => pick(r)?.base?.count ?? null },
  { key: `${p}_harm`, header: `${label} harm`, format: 'number', width: 12, get: (r) => r4(pick(r)?.base?.harm ?? null) },
  { key: `count_change_vs_${p}`, header: `Count change vs ${label.toLowerCase()}`, format: 'int', width: 12, get: (r) => pick(r)?.countChange ?? null },
  { key: `count_pct_change_vs_${p}`, header: `Count % change vs ${label.toLowerCase()}`, format: 'pct1', width: 12, get: (r) => pct(pick(r)?.countPct.value ?? null) },
  { key: `harm_change_vs_${p}`, header: `Harm change vs ${label.toLowerCase()}`, format: 'number', width: 12, get: (r) => r4(pick(r)?.harmChange ?? null) },
  { key: `harm_pct_change_vs_${p}`, header: `Harm % change vs ${label.toLowerCase()}`, format: 'pct1', width: 12, get: (r) => pct(pick(r)?.harmPct.value ?? null) },
  { key: `${p}_note`, header: `${label} note`, format: 'text', width: 44, get: (r) => pick(r)?.note ?? null },
];

function columns(t: WardTable): Col[] {
  const hasBaseline = t.method.periods.baseline !== null;
  return [
    { key: 'row_type', header: 'Row', format: 'text', width: 9, get: (r) => r.kind },
    { key: 'ward_code', header: 'Ward code', format: 'text', width: 11, get: (r) => (r.kind === 'force' ? null : r.code) },
    { key: 'ward_name', header: 'Ward', format: 'text', width: 28, get: (r) => r.name },
    { key: 'district', header: 'District', format: 'text', width: 14, get: (r) => r.districtName },
    { key: 'count', header: 'Count', format: 'int', width: 9, get: (r) => (r.noData ? null : r.count) },
    { key: 'harm', header: 'Harm', format: 'number', width: 11, get: (r) => (r.noData ? null : r4(r.harm)) },
    { key: 'population', header: 'Population', format: 'int', width: 11, get: (r) => r.population },
    { key: 'harm_per_1000', header: 'Harm per 1,000', format: 'number2', width: 10, get: (r) => r4(r.harmPer1000) },
    { key: 'rank', header: 'Rank', format: 'int', width: 7, get: (r) => r.rank },
    { key: 'share_of_force_harm_pct', header: 'Share of force harm %', format: 'pct1', width: 10, get: (r) => (r.shareOfForceHarm === null ? null : pct(r.shareOfForceHarm * 100)) },
    { key: 'note', header: 'Note', format: 'text', width: 30, get: (r) => r.noData },
    ...compCols('previous', 'Previous', (r) => r.previous),
    ...(hasBaseline ? compCols('baseline', 'Baseline', (r) => r.baseline) : []),
  ];
}

const ordered = (t: WardTable, v: WardTableView) => {
  const { body, totals } = viewRows(t, v);
  return [...body, ...totals];
};

/**
 * The ward table as shown (filter and sort), led by `# ` method lines (scheme, category set,
 * periods with the months that have data, exclusions, rules, row order). Numeric columns hold
 * numbers or nothing; a blank figure's reason is in the note columns.
 */
export function wardTableCsv(t: WardTable, view: WardTableView = {}): string {
  const cols = columns(t);
  const rows = ordered(t, view).map((r) => cols.map((c) => c.get(r)));
  return toCsv(cols.map((c) => c.key), rows, [...t.methodLines, describeView(view), ...t.warnings.map((w) => `warning: ${w}`)]);
}

/** The same table as an Excel workbook: a Wards sheet and a Method sheet. */
export async function wardTableXlsx(t: WardTable, view: WardTableView = {}, opts: { generatedAt?: string; softwareVersion?: string } = {}): Promise<Uint8Array> {
  const cols = columns(t);
  const rows = ordered(t, view);
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const m = t.method;
  const sheet: XlsxSheet = {
    name: 'Wards',
    columns: cols,
    rows: rows.map((r) => cols.map((c) => c.get(r))),
    boldRows: rows.flatMap((r, k) => (r.kind === 'ward' ? [] : [k])),
    subtitle: `${m.scheme}; ${m.categorySet ?? 'all records'}; ${m.periodLabels.current}. How it was made: see the Method sheet.`,
  };
  return writeXlsx({
    title: 'Ward harm table',
    subtitle: sheet.subtitle!,
    creator: `Hotspot Planner ${opts.softwareVersion ?? ''}`.trim(),
    generatedAt,
    sheets: [sheet, methodSheet([...t.methodLines, describeView(view)], t.warnings, [['generated at', generatedAt]])],
  });
}

/** `ward-harm_cchi_serious-violence_2013-12-to-2014-11.csv` */
export function wardTableFileName(t: WardTable, ext: 'csv' | 'xlsx'): string {
  const m = t.method;
  return exportFileName('ward-harm', { schemeId: m.schemeId, categorySet: m.categorySet, from: m.periods.current.from, to: m.periods.current.to }, ext);
}
