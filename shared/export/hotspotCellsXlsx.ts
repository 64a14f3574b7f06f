import { classLabel } from '../hotspots/classify';
import type { HotspotResult } from '../hotspots/runHotspotAnalysis';
import { giWorkbookSubtitle } from '../legend/methodText';
import { exportFileName } from './exportName';
import { methodSheet, writeXlsx, type XlsxCell, type XlsxColumn } from './xlsxWorkbook';

export type CellSortKey = 'z' | 'harm' | 'count' | 'p' | 'id';

const num = (x: number, digits: number) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
const sig = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);

/**
 * The last hotspot run as an Excel workbook: a Cells sheet (every cell with records or a
 * significant class, in the on-screen order: Gi* z descending unless another sort is given; the
 * CSV keeps every study-area cell, zeros included) and a Method sheet. Names beside ids when known.
 */
export async function hotspotCellsXlsx(
  r: HotspotResult,
  opts: { sort?: { key: CellSortKey; desc: boolean }; wardNames?: Record<string, string>; generatedAt?: string; softwareVersion?: string } = {},
): Promise<Uint8Array> {
  const c = r.cells;
  const keep: number[] = [];
  for (let k = 0; k < c.n; k++) if (c.count[k]! > 0 || c.cls[k]! !== 0) keep.push(k);
  const sort = opts.sort ?? { key: 'z', desc: true };
  const val = (k: number): number | string => {
    switch (sort.key) {
      case 'z': return Number.isFinite(c.z[k]!) ? c.z[k]! : -Infinity;
      case 'harm': return c.harm[k]!;
      case 'count': return c.count[k]!;
      case 'p': return Number.isFinite(c.pFdr[k]!) ? c.pFdr[k]! : c.p[k]!;
      case 'id': return c.ids[k]!;
    }
  };
  const dir = sort.desc ? -1 : 1;
  keep.sort((a, b) => {
    const x = val(a), y = val(b);
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir || c.ids[a]!.localeCompare(c.ids[b]!);
  });
  const names = opts.wardNames ?? {};
  const columns: XlsxColumn[] = [
    { header: 'Cell id', format: 'text', width: 26 },
    { header: 'Ward code', format: 'text', width: 11 },
    { header: 'Ward', format: 'text', width: 24 },
    { header: 'Easting (BNG centre)', format: 'int', width: 11 },
    { header: 'Northing (BNG centre)', format: 'int', width: 11 },
    { header: 'Count', format: 'int', width: 8 },
    { header: 'Harm', format: 'number', width: 10 },
    { header: 'Gi* z', format: 'number2', width: 9 },
    { header: 'p', format: 'general', width: 11 },
    { header: 'p (FDR)', format: 'general', width: 11 },
    { header: 'Class', format: 'text', width: 16 },
    { header: 'KDE density (harm per km²)', format: 'number2', width: 12 },
  ];
  const rows: XlsxCell[][] = keep.map((k) => [
    c.ids[k]!, c.areaCode[k]!, names[c.areaCode[k]!] ?? null, num(c.cx[k]!, 1), num(c.cy[k]!, 1), c.count[k]!, num(c.harm[k]!, 4),
    num(c.z[k]!, 6), sig(c.p[k]!), sig(c.pFdr[k]!), classLabel(c.cls[k]!), c.kde ? num(c.kde[k]!, 4) : null,
  ]);
  const m = r.method;
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const subtitle = giWorkbookSubtitle(m);
  const order = `rows: the ${keep.length.toLocaleString('en-GB')} cells with records or a significant class (of ${c.n.toLocaleString('en-GB')} study-area cells; the CSV export has every cell), sorted by ${sort.key === 'z' ? 'Gi* z' : sort.key === 'p' ? 'p (FDR)' : sort.key}, ${sort.desc ? 'descending' : 'ascending'}`;
  return writeXlsx({
    title: 'Hotspot cells (Getis-Ord Gi*)',
    subtitle,
    creator: `Hotspot Planner ${opts.softwareVersion ?? ''}`.trim(),
    generatedAt,
    sheets: [
      { name: 'Cells', columns, rows },
      methodSheet([...r.methodLines, order], r.warnings, [['generated at', generatedAt]]),
    ],
  });
}

/** `hotspot-cells_cchi_serious-violence_2014-08-to-2014-11.xlsx` */
export function hotspotCellsFileName(r: HotspotResult, ext: 'csv' | 'geojson' | 'xlsx'): string {
  const m = r.method;
  return exportFileName('hotspot-cells', { schemeId: m.schemeId, categorySet: m.categorySet, from: m.period.from, to: m.period.to }, ext);
}
