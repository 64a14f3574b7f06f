import { useEffect, useMemo, useRef, useState } from 'react';
import type { WardRow, WardTable } from '../../../shared/wards/wardHarmTable';
import { formatNumber } from '../../map/classBreaks';

type SortKey = 'grouped' | 'name' | 'districtName' | 'count' | 'harm' | 'rank' | 'prev' | 'base';

interface Props {
  table: WardTable;
  selected: string | null;
  onSelect(code: string): void;
}

const pctText = (c: WardRow['previous'] | null) => (c ? c.harmPct.text : '');
const sortValue = (r: WardRow, k: SortKey): number | string => {
  switch (k) {
    case 'prev': return r.previous.harmPct.value ?? -Infinity;
    case 'base': return r.baseline?.harmPct.value ?? -Infinity;
    case 'name': case 'districtName': return r[k] ?? '';
    case 'grouped': return 0;
    default: return r[k] ?? Infinity;
  }
};

/**
 * Wards grouped by district with subtotals and the force total (the layout district leads use);
 * any column header sorts the wards instead, with the totals kept below.
 */
export function WardHarmTable({ table, selected, onSelect }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'grouped', desc: false });
  const [filter, setFilter] = useState('');
  const selectedRow = useRef<HTMLTableRowElement>(null);
  const hasBase = table.method.periods.baseline !== null;
  const hasPop = table.rows.some((r) => r.harmPer1000 !== null);

  const { body, totals } = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const match = (r: WardRow) => !f || r.name.toLowerCase().includes(f) || (r.districtName ?? '').toLowerCase().includes(f);
    if (sort.key === 'grouped') return { body: table.rows.filter((r) => r.kind !== 'ward' || match(r)), totals: [] as WardRow[] };
    const wards = table.rows.filter((r) => r.kind === 'ward' && match(r));
    const dir = sort.desc ? -1 : 1;
    wards.sort((a, b) => {
      const x = sortValue(a, sort.key), y = sortValue(b, sort.key);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir || a.name.localeCompare(b.name);
    });
    return { body: wards, totals: table.rows.filter((r) => r.kind !== 'ward') };
  }, [table, sort, filter]);

  useEffect(() => {
    // A block body: newer Chromium returns a Promise from scroll methods, which React rejects as a cleanup.
    void selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const th = (key: SortKey, label: string, numeric = false, title?: string) => (
    <th scope="col" className={numeric ? 'num' : undefined} title={title} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : numeric && key !== 'rank' }))}>{label}</button>
    </th>
  );
  const row = (r: WardRow) =>
    r.kind === 'ward' ? (
      <tr key={r.code} className="ward-row" data-code={r.code} ref={r.code === selected ? selectedRow : undefined} aria-selected={r.code === selected} tabIndex={0}
        onClick={() => onSelect(r.code)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(r.code); } }}>
        {cells(r)}
      </tr>
    ) : (
      <tr key={`${r.kind}-${r.code}-${r.name}`} className={`total-row ${r.kind}`}>{cells(r)}</tr>
    );
  const cells = (r: WardRow) => (
    <>
      <td>{r.name}</td>
      <td>{r.kind === 'force' ? '' : r.districtName}</td>
      <td className="num">{formatNumber(r.count)}</td>
      <td className="num">{formatNumber(r.harm, 1)}</td>
      {hasPop && <td className="num">{r.harmPer1000 === null ? '' : formatNumber(r.harmPer1000, 2)}</td>}
      <td className="num">{r.rank ?? ''}</td>
      <td className="num">{r.shareOfForceHarm === null ? '' : `${(100 * r.shareOfForceHarm).toFixed(1)}%`}</td>
      <td className="num">{pctText(r.previous)}</td>
      {hasBase && <td className="num">{pctText(r.baseline)}</td>}
    </>
  );

  return (
    <div className="ward-table">
      <div className="table-tools">
        <input type="search" placeholder="Filter wards or districts" aria-label="Filter wards" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" aria-pressed={sort.key === 'grouped'} onClick={() => setSort({ key: 'grouped', desc: false })}>By district</button>
      </div>
      <div className="table-scroll">
        <table aria-label="Wards">
          <thead>
            <tr>
              {th('name', 'Ward')}
              {th('districtName', 'District')}
              {th('count', 'Count', true)}
              {th('harm', 'Harm', true, table.method.scheme)}
              {hasPop && <th scope="col" className="num">Per 1,000</th>}
              {th('rank', 'Rank', true)}
              <th scope="col" className="num">Share</th>
              {th('prev', 'Harm vs prev.', true, `vs ${table.methodLines[3]?.replace('previous period: ', '')}`)}
              {hasBase && th('base', 'Harm vs base.', true, table.methodLines[4]?.replace('baseline period: ', ''))}
            </tr>
          </thead>
          <tbody>{body.map(row)}</tbody>
          {totals.length > 0 && <tbody className="totals-body">{totals.map(row)}</tbody>}
        </table>
      </div>
    </div>
  );
}
