import { useMemo, useState } from 'react';
import type { HotspotView } from '../../engine/analysisApi';
import { giClass } from '../../../shared/legend/classes';
import { formatP } from '../../map/CellPopup';
import { formatNumber } from '../../map/classBreaks';

type Row = HotspotView['top'][number];
type Key = 'name' | 'ward' | 'count' | 'harm' | 'z' | 'p' | 'cls';

interface Props {
  view: HotspotView;
  wardNames: Map<string, string>;
  /** Zoom the map to this cell and open its popup. */
  onInspect(id: string): void;
}

/**
 * The hot cells by street name (id beneath), sortable by every column (header click; aria-sort
 * says which), each row taking the map to its cell. Starts in Gi* z order, strongest first.
 */
export function HotCellTable({ view, wardNames, onInspect }: Props) {
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'z', dir: -1 });
  const fdr = view.method.correction.fdr;
  const rows = useMemo(() => {
    const ward = (r: Row) => wardNames.get(r.ward) ?? r.ward;
    const value = (r: Row): string | number => {
      switch (sort.key) {
        case 'name': return (r.name ?? '').toLowerCase() || '\uffff'; // unnamed cells last in A-Z
        case 'ward': return ward(r).toLowerCase();
        case 'p': return fdr ? r.pFdr : r.p;
        default: return r[sort.key];
      }
    };
    return [...view.top].sort((a, b) => {
      const va = value(a), vb = value(b);
      const c = va < vb ? -1 : va > vb ? 1 : 0;
      return c * sort.dir || b.z - a.z;
    });
  }, [view, sort, fdr, wardNames]);

  const ward = (r: Row) => wardNames.get(r.ward) ?? r.ward;
  const header = (key: Key, label: string, num = false) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={num ? 'num' : undefined} aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button type="button" onClick={() => setSort(active ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: num ? -1 : 1 })}>
          {label}{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };

  return (
    <div className="table-scroll hot-cells">
      <table aria-label="Hot cells">
        <caption>Hot cells (top {view.top.length} by Gi* z). Street: the most frequent police.uk location of the cell's records. Choose a row to see it on the map.</caption>
        <thead>
          <tr>
            {header('name', 'Street (cell id)')}{header('ward', 'Ward')}{header('count', 'Count', true)}{header('harm', 'Harm', true)}
            {header('z', 'Gi* z', true)}{header('p', fdr ? 'p (FDR)' : 'p', true)}{header('cls', 'Class', true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id} className="hot-cell-row" onClick={() => onInspect(t.id)}>
              <td>
                <button type="button" className="link cell-name" onClick={(e) => { e.stopPropagation(); onInspect(t.id); }} aria-label={`Show ${t.name ?? t.id} on the map`}>
                  {t.name ?? (t.count === 0 ? 'no records here' : 'no street named')}
                </button>
                <div className="cell-id">{t.id}</div>
              </td>
              <td>{ward(t)}</td>
              <td className="num">{formatNumber(t.count)}</td>
              <td className="num">{formatNumber(t.harm, 1)}</td>
              <td className="num">{t.z.toFixed(2)}</td>
              <td className="num">{formatP(fdr ? t.pFdr : t.p)}</td>
              <td className="num">{giClass(t.cls).short}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
