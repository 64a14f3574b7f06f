import { useEffect, useMemo, useRef, useState } from 'react';
import type { WardCountRow } from '../../shared/project/projectSummary';
import { formatNumber } from '../map/classBreaks';

type SortKey = 'name' | 'districtName' | 'count';

interface Props {
  rows: WardCountRow[];
  selected: string | null;
  onSelect(code: string): void;
  caption: string;
}

/** Ward, district, count; sortable; selection linked to the map both ways. */
export function WardTable({ rows, selected, onSelect, caption }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'count', desc: true });
  const [filter, setFilter] = useState('');
  const selectedRow = useRef<HTMLTableRowElement>(null);

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = f ? rows.filter((r) => r.name.toLowerCase().includes(f) || (r.districtName ?? '').toLowerCase().includes(f)) : rows.slice();
    const dir = sort.desc ? -1 : 1;
    list.sort((a, b) => {
      const x = a[sort.key] ?? '';
      const y = b[sort.key] ?? '';
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir || a.name.localeCompare(b.name);
    });
    return list;
  }, [rows, sort, filter]);

  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const header = (key: SortKey, label: string, numeric = false) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : numeric }))}>
        {label}
      </button>
    </th>
  );

  return (
    <div className="ward-table">
      <input type="search" placeholder="Filter wards or districts" aria-label="Filter wards" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <div className="table-scroll">
        <table aria-label="Wards">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {header('name', 'Ward')}
              {header('districtName', 'District')}
              {header('count', 'Count', true)}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.code}
                ref={r.code === selected ? selectedRow : undefined}
                aria-selected={r.code === selected}
                tabIndex={0}
                data-code={r.code}
                onClick={() => onSelect(r.code)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(r.code);
                  }
                }}
              >
                <td>{r.name}</td>
                <td>{r.districtName}</td>
                <td className="num">{formatNumber(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
