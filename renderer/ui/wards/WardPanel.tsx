import { useEffect, useState } from 'react';
import type { CategorySet } from '../../../shared/harm/categorySets';
import type { HarmSchemeSummary } from '../../../shared/harm/harmSchemes';
import type { WardTable, WardTableParams } from '../../../shared/wards/wardHarmTable';
import type { EngineClient } from '../../engine/engineClient';
import type { WardProfile } from '../../engine/wardApi';
import { formatNumber } from '../../map/classBreaks';
import { guard } from '../appEvents';
import { useSavedSettings } from '../useSavedSettings';
import { WardControls, type WardControlValues } from './WardControls';
import { WardHarmTable } from './WardHarmTable';

interface Props {
  engine: EngineClient;
  revision: number;
  selected: string | null;
  onSelect(code: string): void;
  onTable(t: WardTable | null, params: WardTableParams): void;
  onExport(name: string, bytes: Uint8Array, mime: string): void;
}

const INITIAL: WardControlValues = { schemeId: 'count', categorySetId: '', from: '', to: '', baseFrom: '', baseTo: '' };

function toParams(v: WardControlValues): WardTableParams {
  return {
    schemeId: v.schemeId,
    categorySetId: v.categorySetId || undefined,
    from: v.from || undefined,
    to: v.to || undefined,
    baseline: v.baseFrom && v.baseTo ? { from: v.baseFrom, to: v.baseTo } : undefined,
  };
}

/** Ward harm table for district leads, with the selected ward's profile and the method in full. */
export function WardPanel({ engine, revision, selected, onSelect, onTable, onExport }: Props) {
  const [controls, setControls] = useState(INITIAL);
  const [schemes, setSchemes] = useState<HarmSchemeSummary[]>([]);
  const [sets, setSets] = useState<CategorySet[]>([]);
  const [table, setTable] = useState<WardTable | null>(null);
  const [profile, setProfile] = useState<WardProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The settings travel with the project: restored when another project opens, saved on change.
  const saved = useSavedSettings<Partial<WardControlValues>>(engine, 'wards', revision);
  useEffect(() => {
    if (saved.loaded) setControls({ ...INITIAL, ...(saved.loaded.value ?? {}) });
  }, [saved.loaded]);
  const change = (v: WardControlValues) => {
    setControls(v);
    saved.save(v);
  };

  useEffect(() => {
    if (revision === 0) return;
    guard(
      Promise.all([engine.harmSchemes(), engine.categorySets()]).then(([s, c]) => {
        setSchemes(s);
        setSets(c);
      }),
      'The harm schemes could not be listed',
    );
  }, [engine, revision]);

  useEffect(() => {
    if (revision === 0) return undefined;
    // A slower answer for older settings (or an older project) must not replace a newer one.
    let live = true;
    engine.wardTable(toParams(controls)).then(
      (t) => {
        if (!live) return;
        setError(null);
        setTable(t);
        onTable(t, toParams(controls));
      },
      (e: Error) => {
        if (!live) return;
        setError(e.message);
        setTable(null);
        onTable(null, toParams(controls));
      },
    );
    return () => {
      live = false;
    };
  }, [engine, revision, controls, onTable]);

  useEffect(() => {
    if (!selected || !table) return setProfile(null);
    const { from, to } = table.method.periods.current;
    const { schemeId, categorySetId } = toParams(controls);
    let live = true;
    guard(engine.wardProfile(selected, { from, to, schemeId, categorySetId }).then((p) => live && setProfile(p)), 'The ward profile could not be built');
    return () => {
      live = false;
    };
  }, [engine, selected, table, controls]);

  const selectedRow = table?.rows.find((r) => r.kind === 'ward' && r.code === selected);

  return (
    <div className="side-scroll ward-panel">
      <WardControls value={controls} schemes={schemes} sets={sets} onChange={change} />
      {error && <p role="alert" className="error">{error}</p>}
      {table && <WardHarmTable table={table} selected={selected} onSelect={onSelect} />}
      {table && selectedRow && profile && (
        <section aria-label="Ward profile" className="panel ward-profile">
          <h2>{selectedRow.name}, {selectedRow.districtName}</h2>
          <p>
            Rank {selectedRow.rank} of {table.rows.filter((r) => r.kind === 'ward').length} by harm; {formatNumber(selectedRow.count)} records, harm {formatNumber(selectedRow.harm, 1)}
            {selectedRow.shareOfForceHarm !== null ? ` (${(100 * selectedRow.shareOfForceHarm).toFixed(1)}% of the force)` : ''}; vs previous period {selectedRow.previous.harmPct.text}.
          </p>
          <table aria-label="Ward profile by crime type">
            <thead><tr><th scope="col">Crime type</th><th scope="col" className="num">Count</th><th scope="col" className="num">Harm</th></tr></thead>
            <tbody>{profile.byType.map((t) => <tr key={t.type}><td>{t.type}</td><td className="num">{formatNumber(t.count)}</td><td className="num">{formatNumber(t.harm, 1)}</td></tr>)}</tbody>
          </table>
        </section>
      )}
      {table && (
        <details className="panel">
          <summary>How these numbers were made</summary>
          <ul aria-label="Ward table method" className="method">{table.methodLines.map((l) => <li key={l}>{l}</li>)}</ul>
          {table.warnings.length > 0 && <ul className="warnings">{table.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
        </details>
      )}
      {table && (
        <div className="panel">
          <button type="button" onClick={() => guard(engine.wardTableCsv(toParams(controls)).then((b) => onExport('ward-harm-table.csv', b, 'text/csv')), 'Export failed')}>Export ward table CSV</button>
        </div>
      )}
    </div>
  );
}
