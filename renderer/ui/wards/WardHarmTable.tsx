import { useEffect, useMemo, useRef, useState } from 'react';
import type { Comparison } from '../../../shared/wards/periodChange';
import type { WardRow, WardTable } from '../../../shared/wards/wardHarmTable';
import { DEFAULT_WARD_SORT, viewRows, type WardSortKey, type WardTableView } from '../../../shared/wards/wardTableView';
import { formatNumber } from '../../map/classBreaks';

interface Props {
  table: WardTable;
  view: WardTableView;
  onView(v: WardTableView): void;
  selected: string | null;
  onSelect(code: string): void;
}

/** A % change, or why there is none ("no data", "not comparable", "n/a: base is 0"); the reason in full on hover. */
function ChangeCell({ c }: { c: Comparison | null }) {
  if (!c) return <td className="num" />;
  const v = c.harmPct.value;
  return (
    <td className={`num${v === null ? ' muted' : ''}`} title={c.note ?? undefined}>
      {c.harmPct.text}
    </td>
  );
}

const ARROW = { ascending: '▲', descending: '▼' } as const;

/**
 * The ward table: harm, most first, by default; every column header sorts (again to reverse);
 * "By district" gives the grouped layout with subtotals. One tab stop: arrow keys move between
 * wards, Enter or Space selects one (roving tabindex, as in the WAI-ARIA grid pattern).
 */
export function WardHarmTable({ table, view, onView, selected, onSelect }: Props) {
  const sort = view.sort ?? DEFAULT_WARD_SORT;
  const [focusCode, setFocusCode] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const hasBase = table.method.periods.baseline !== null;
  const hasPop = table.rows.some((r) => r.harmPer1000 !== null);
  const { body, totals } = useMemo(() => viewRows(table, view), [table, view]);
  const wardCodes = useMemo(() => body.filter((r) => r.kind === 'ward').map((r) => r.code), [body]);
  // The one row in the tab order: the focused row if still shown, else the selected ward, else the first.
  const tabCode = [focusCode, selected].find((c) => c && wardCodes.includes(c)) ?? wardCodes[0] ?? null;

  useEffect(() => {
    if (!selected) return;
    // A block body: newer Chromium returns a Promise from scroll methods, which React rejects as a cleanup.
    void rowRefs.current.get(selected)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const moveFocus = (from: string, e: React.KeyboardEvent) => {
    const k = wardCodes.indexOf(from);
    const page = 10;
    const to = { ArrowDown: k + 1, ArrowUp: k - 1, Home: 0, End: wardCodes.length - 1, PageDown: k + page, PageUp: k - page }[e.key];
    if (to === undefined) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(from);
      }
      return;
    }
    e.preventDefault();
    const code = wardCodes[Math.max(0, Math.min(wardCodes.length - 1, to))];
    if (!code) return;
    setFocusCode(code);
    rowRefs.current.get(code)?.focus();
  };

  const th = (key: WardSortKey, label: string, numeric = false, title?: string) => {
    const state = sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none';
    // Numbers start high-to-low (what a lead looks for first); names and rank start A-Z / 1 first.
    const firstDesc = numeric && key !== 'rank';
    return (
      <th scope="col" className={numeric ? 'num' : undefined} title={title} aria-sort={state}>
        <button type="button" onClick={() => onView({ ...view, sort: { key, desc: sort.key === key ? !sort.desc : firstDesc } })}>
          {label}<span className="sort-arrow" aria-hidden="true">{state === 'none' ? '↕' : ARROW[state]}</span>
        </button>
      </th>
    );
  };

  const cells = (r: WardRow) => (
    <>
      <td>{r.name}</td>
      <td>{r.kind === 'force' ? '' : r.districtName}</td>
      {r.noData ? (
        <td className="num muted no-data" colSpan={4 + (hasPop ? 1 : 0)} title={r.noData}>no data</td>
      ) : (
        <>
          <td className="num">{formatNumber(r.count)}</td>
          <td className="num">{formatNumber(r.harm, 1)}</td>
          {hasPop && <td className="num">{r.harmPer1000 === null ? '' : formatNumber(r.harmPer1000, 2)}</td>}
          <td className="num">{r.rank ?? ''}</td>
          <td className="num">{r.shareOfForceHarm === null ? '' : `${(100 * r.shareOfForceHarm).toFixed(1)}%`}</td>
        </>
      )}
      <ChangeCell c={r.previous} />
      {hasBase && <ChangeCell c={r.baseline} />}
    </>
  );
  const row = (r: WardRow) =>
    r.kind === 'ward' ? (
      <tr
        key={r.code} className={`ward-row${r.noData ? ' muted' : ''}`} data-code={r.code}
        ref={(el) => { if (el) rowRefs.current.set(r.code, el); else rowRefs.current.delete(r.code); }}
        aria-selected={r.code === selected} tabIndex={r.code === tabCode ? 0 : -1}
        onClick={() => { setFocusCode(r.code); onSelect(r.code); }}
        onFocus={() => setFocusCode(r.code)}
        onKeyDown={(e) => moveFocus(r.code, e)}
      >
        {cells(r)}
      </tr>
    ) : (
      <tr key={`${r.kind}-${r.code}-${r.name}`} className={`total-row ${r.kind}`}>{cells(r)}</tr>
    );

  const prevTitle = `Harm % change vs the previous period: ${table.method.periodLabels.previous}`;
  return (
    <div className="ward-table">
      <div className="table-tools">
        <input type="search" placeholder="Filter wards or districts" aria-label="Filter wards" value={view.filter ?? ''} onChange={(e) => onView({ ...view, filter: e.target.value })} />
        <button type="button" aria-pressed={sort.key === 'grouped'} onClick={() => onView({ ...view, sort: sort.key === 'grouped' ? DEFAULT_WARD_SORT : { key: 'grouped', desc: false } })}>By district</button>
      </div>
      <div className="table-scroll">
        <table aria-label="Wards" aria-describedby="ward-table-keys">
          <thead>
            <tr>
              {th('name', 'Ward')}
              {th('district', 'District')}
              {th('count', 'Count', true)}
              {th('harm', 'Harm', true, table.method.scheme)}
              {hasPop && th('per1000', 'Per 1,000', true, 'Harm per 1,000 residents')}
              {th('rank', 'Rank', true)}
              {th('share', 'Share', true, 'Share of the force harm')}
              {th('prevPct', 'vs prev.', true, prevTitle)}
              {hasBase && th('basePct', 'vs base.', true, `Harm % change vs the baseline: ${table.method.periodLabels.baseline ?? ''}`)}
            </tr>
          </thead>
          <tbody>{body.map(row)}</tbody>
          {totals.length > 0 && <tbody className="totals-body">{totals.map(row)}</tbody>}
        </table>
      </div>
      <p id="ward-table-keys" className="hint">
        {wardCodes.length} ward{wardCodes.length === 1 ? '' : 's'} shown. Click a heading to sort; in the table, ↑ ↓ move between wards and Enter selects one.
      </p>
    </div>
  );
}
