import { useEffect, useState } from 'react';
import type { CategorySet } from '../../../shared/harm/categorySets';
import type { HarmSchemeSummary } from '../../../shared/harm/harmSchemes';
import type { WardTable, WardTableParams } from '../../../shared/wards/wardHarmTable';
import { wardChangeSentence } from '../../../shared/wards/wardSentence';
import { DEFAULT_WARD_SORT, type WardTableView } from '../../../shared/wards/wardTableView';
import type { HotspotView } from '../../engine/analysisApi';
import type { EngineClient } from '../../engine/engineClient';
import type { WardProfile } from '../../engine/wardApi';
import { giClass } from '../../../shared/legend/classes';
import { formatNumber } from '../../map/classBreaks';
import { guard } from '../appEvents';
import { useSavedSettings } from '../useSavedSettings';
import { WardControls, type WardControlValues } from './WardControls';
import { WardHarmTable } from './WardHarmTable';
import { WardTrendChart } from './WardTrendChart';

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

type WardHotspots = { label: string; cells: HotspotView['top'] } | null;

/** Ward harm table for district leads, with the selected ward's profile and the method in full. */
export function WardPanel({ engine, revision, selected, onSelect, onTable, onExport }: Props) {
  const [controls, setControls] = useState(INITIAL);
  const [view, setView] = useState<WardTableView>({ filter: '', sort: DEFAULT_WARD_SORT });
  const [schemes, setSchemes] = useState<HarmSchemeSummary[]>([]);
  const [sets, setSets] = useState<CategorySet[]>([]);
  const [table, setTable] = useState<WardTable | null>(null);
  const [profile, setProfile] = useState<WardProfile | null>(null);
  const [wardHotspots, setWardHotspots] = useState<{ code: string; h: WardHotspots } | null>(null);
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

  // The Hotspots tab may run a new analysis while this panel is hidden: ask again whenever the profile comes into view.
  const [profileEl, setProfileEl] = useState<HTMLElement | null>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!profileEl) return undefined;
    const io = new IntersectionObserver((es) => { if (es.some((e) => e.isIntersecting)) setShown((k) => k + 1); });
    io.observe(profileEl);
    return () => io.disconnect();
  }, [profileEl]);

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
    let live = true;
    const { from, to } = table.method.periods.current;
    const { schemeId, categorySetId } = toParams(controls);
    guard(
      engine.wardProfile(selected, { from, to, schemeId, categorySetId, previous: table.method.periods.previous }).then((p) => { if (live) setProfile(p); }),
      'The ward profile could not be built',
    );
    return () => { live = false; };
  }, [engine, selected, table, controls]);

  useEffect(() => {
    if (!selected) return undefined;
    let live = true;
    engine.hotspotsInWard(selected).then((h) => { if (live) setWardHotspots({ code: selected, h }); }, (e: Error) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, [engine, selected, shown]);

  const exportAs = (kind: 'csv' | 'xlsx') =>
    engine.wardTableExport(toParams(controls), view, kind).then((f) => onExport(f.name, f.bytes, f.mime), (e: Error) => setError(e.message));

  const hotspots = wardHotspots && wardHotspots.code === selected ? wardHotspots.h : 'loading';
  const selectedRow = table?.rows.find((r) => r.kind === 'ward' && r.code === selected);
  const m = table?.method;
  const wardCount = table?.rows.filter((r) => r.kind === 'ward').length ?? 0;
  const alarms = table && !table.method.applies ? table.warnings.slice(0, 1) : [];

  return (
    <div className="side-scroll ward-panel">
      <WardControls value={controls} schemes={schemes} sets={sets} onChange={change} />
      {error && <p role="alert" className="error">{error}</p>}
      {table && m && (
        <p className="period-line" aria-label="Ward table period">
          <strong>{m.periodLabels.current}</strong>; compared with {m.periodLabels.previous.replace(/: no data$/, ' (no data)')}.
        </p>
      )}
      {alarms.map((w) => <p key={w} role="alert" className="warning">{w}</p>)}
      {table && <WardHarmTable table={table} view={view} onView={setView} selected={selected} onSelect={onSelect} />}
      {table && m && selectedRow && profile && profile.code === selectedRow.code && (
        <section ref={setProfileEl} aria-label="Ward profile" className="panel ward-profile">
          <h2>{selectedRow.name}, {selectedRow.districtName}</h2>
          <p className="ward-sentence">{wardChangeSentence(selectedRow, m, profile.byType, profile.previousByType)}</p>
          {selectedRow.noData ? (
            <p>No figures for this ward: {selectedRow.noData}.</p>
          ) : (
            <p>
              Rank {selectedRow.rank} of {wardCount} by harm; {formatNumber(selectedRow.count)} records, harm {formatNumber(selectedRow.harm, 1)}
              {selectedRow.shareOfForceHarm !== null ? ` (${(100 * selectedRow.shareOfForceHarm).toFixed(1)}% of the force)` : ''}; {m.periodLabels.current}.
            </p>
          )}
          <WardTrendChart trend={profile.trend} measure={m.schemeId === 'count' ? 'count' : 'harm'} scheme={m.scheme} currentFrom={m.periods.current.from} />
          <h3>Hotspots in this ward</h3>
          {hotspots === 'loading' ? <p className="hint">Loading…</p> : hotspots === null ? (
            <p className="hint">No hotspot analysis has been run since the project was opened: run one on the Hotspots tab to list this ward&apos;s hot cells.</p>
          ) : hotspots.cells.length === 0 ? (
            <p className="hint">The last run found no hot cells in this ward ({hotspots.label}).</p>
          ) : (
            <table aria-label="Hotspots in this ward">
              <caption>{hotspots.label}; top {hotspots.cells.length} by harm.</caption>
              <thead><tr><th scope="col">Cell</th><th scope="col" className="num">Count</th><th scope="col" className="num">Harm</th><th scope="col" className="num">Gi* z</th><th scope="col">Class</th></tr></thead>
              <tbody>
                {hotspots.cells.map((c) => (
                  <tr key={c.id}><td>{c.id}</td><td className="num">{formatNumber(c.count)}</td><td className="num">{formatNumber(c.harm, 1)}</td><td className="num">{c.z.toFixed(2)}</td><td>{giClass(c.cls).short}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>By crime type</h3>
          <table aria-label="Ward profile by crime type">
            <thead><tr><th scope="col">Crime type</th><th scope="col" className="num">Count</th><th scope="col" className="num">Harm</th><th scope="col" className="num">Previous harm</th></tr></thead>
            <tbody>
              {profile.byType.map((t) => {
                const prev = profile.previousByType?.find((p) => p.type === t.type);
                return (
                  <tr key={t.type}>
                    <td>{t.type}</td><td className="num">{formatNumber(t.count)}</td><td className="num">{formatNumber(t.harm, 1)}</td>
                    <td className="num muted">{selectedRow.previous.base === null ? 'no data' : formatNumber(prev?.harm ?? 0, 1)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {table && (
        <div className="panel export-buttons">
          <button type="button" onClick={() => void exportAs('xlsx')}>Export table XLSX</button>
          <button type="button" onClick={() => void exportAs('csv')}>Export table CSV</button>
          <span className="hint">As shown: same filter and order.</span>
        </div>
      )}
      {table && (
        <details className="panel">
          <summary>How these numbers were made</summary>
          <ul aria-label="Ward table method" className="method">{table.methodLines.map((l) => <li key={l}>{l}</li>)}</ul>
          {table.warnings.length > 0 && <ul className="warnings">{table.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
        </details>
      )}
    </div>
  );
}
