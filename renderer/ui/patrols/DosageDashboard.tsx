import { useEffect, useMemo, useState } from 'react';
import type { PatrolPlan } from '../../../shared/patrols/types';
import { OUTCOME_LABELS } from '../../../shared/returns/dosage';
import type { DosageReport } from '../../engine/patrolsApi';
import type { EngineClient } from '../../engine/engineClient';
import { formatNumber } from '../../map/classBreaks';
import { BandLegend, DeliveryChart, type DeliveryBar } from './DeliveryChart';
import { MethodBox } from './MethodBox';
import { BusyStatus } from '../BusyStatus';
import { useBusyJob } from '../useBusyJob';
import { errorText, monthBounds, quartersOf, shortName } from './planForm';

interface Props {
  engine: EngineClient;
  plan: PatrolPlan;
  /** Changes when dosage inputs change, so the figures are recomputed. */
  revision: number;
  onExport(name: string, bytes: Uint8Array, mime: string): void;
}

type Mode = 'plan' | 'month' | 'quarter' | 'custom';

const SOURCE_TEXT: Record<string, string> = { gps: 'GPS', records: 'patrol records', 'gps+records': 'GPS and records', none: 'no input' };

/** Delivered vs target for a period, per district and hotspot, with the return's exports. */
export function DosageDashboard({ engine, plan, revision, onExport }: Props) {
  const [mode, setMode] = useState<Mode>('plan');
  const [month, setMonth] = useState(plan.from.slice(0, 7));
  const quarters = useMemo(() => quartersOf(plan.from, plan.to), [plan.from, plan.to]);
  const [quarter, setQuarter] = useState(quarters[0]?.label ?? '');
  const [custom, setCustom] = useState({ from: plan.from, to: plan.to });
  const [report, setReport] = useState<DosageReport | null>(null);
  const job = useBusyJob(null, engine);
  const { busy, error, setError, run: exportIt } = job;

  const period = useMemo(() => {
    if (mode === 'month') return month ? monthBounds(month) : null;
    if (mode === 'quarter') return quarters.find((q) => q.label === quarter) ?? null;
    if (mode === 'custom') return custom.from && custom.to ? custom : null;
    return { from: plan.from, to: plan.to };
  }, [mode, month, quarter, quarters, custom, plan.from, plan.to]);

  useEffect(() => {
    if (!period) return;
    setError(null);
    let live = true;
    engine.dosageDashboard(plan.id, period.from, period.to).then(
      (r) => live && setReport(r),
      (e: unknown) => {
        if (!live) return;
        setReport(null);
        setError(errorText(e));
      },
    );
    return () => { live = false; };
  }, [engine, plan.id, period, revision, setError]);


  const r = report;
  const measured = r ? r.measured.gps || r.measured.records : false;
  const districtBars: DeliveryBar[] = r
    ? r.byDistrict.map((d) => ({ key: d.districtName, label: d.districtName, deliveredMinutes: d.patrolMinutes, targetMinutes: d.targetMinutes, pct: d.deliveredPct, measured }))
    : [];
  const rankOf = new Map(plan.hotspots.map((h) => [h.id, h.rank]));
  const hotspotBars: DeliveryBar[] = r
    ? r.byHotspot.map((h) => ({
        key: h.hotspotId, label: `${rankOf.get(h.hotspotId) ?? ''}. ${shortName(h.name)}`, sub: h.districtName ?? undefined,
        deliveredMinutes: h.patrolMinutes, targetMinutes: h.targetMinutes, pct: h.deliveredPct, measured,
      }))
    : [];
  const periodLabel = mode === 'quarter' ? quarter : undefined;
  const fileBase = `${plan.name.replace(/[^\w.-]+/g, '_').slice(0, 40)}_${period?.from ?? ''}_${period?.to ?? ''}`;

  return (
    <section aria-label="Dosage dashboard" className="panel dashboard">
      <h2>Delivered vs target</h2>
      <div className="period-picker" role="group" aria-label="Period">
        <select aria-label="Period kind" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <option value="plan">whole plan period</option>
          <option value="month">a month</option>
          <option value="quarter">a financial quarter</option>
          <option value="custom">custom dates</option>
        </select>
        {mode === 'month' && <input type="month" aria-label="Dashboard month" value={month} onChange={(e) => setMonth(e.target.value)} />}
        {mode === 'quarter' && (
          <select aria-label="Financial quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
            {quarters.map((q) => <option key={q.label} value={q.label}>{q.label} ({q.from} to {q.to})</option>)}
          </select>
        )}
        {mode === 'custom' && (
          <>
            <input type="date" aria-label="Dashboard from" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            <input type="date" aria-label="Dashboard to" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          </>
        )}
        {period && <span className="hint">{period.from} to {period.to}</span>}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {r && (
        <>
          <div className="kpis" aria-label="Dosage totals">
            <div className="kpi">
              <span className="kpi-value">{measured ? formatNumber(r.total.patrolMinutes / 60, 1) : '—'}<small> / {formatNumber(r.total.targetMinutes / 60, 1)} h</small></span>
              <span className="kpi-label">patrol hours delivered / target</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{measured && r.total.deliveredPct !== null ? `${r.total.deliveredPct.toFixed(0)}%` : '—'}</span>
              <span className="kpi-label">of target delivered</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{measured ? formatNumber(r.total.visits) : '—'}</span>
              <span className="kpi-label">visits ({measured ? `${formatNumber(r.total.visits10)} ≥10 min, ${formatNumber(r.total.visits15)} ≥15 min` : 'not measured'})</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{measured ? formatNumber(r.total.officerMinutes / 60, 1) : '—'}</span>
              <span className="kpi-label">officer hours in hotspots</span>
            </div>
          </div>
          <p className="compliance" aria-label="Compliance">{r.compliance.sentence}</p>
          {r.outcomeNames.length > 0 && (
            <div className="outcomes" aria-label="Outcomes">
              <span className="hint">Outcomes (patrol records):</span>
              {r.outcomeNames.map((k) => (
                <span key={k} className="outcome"><strong>{r.measured.records ? formatNumber(r.total.outcomes[k] ?? 0) : '—'}</strong> {OUTCOME_LABELS[k] ?? k.replace(/_/g, ' ')}</span>
              ))}
            </div>
          )}
          {!measured && <p className="warning">No GPS fixes or patrol records cover this period: import them under Dosage. Nothing below is a measured zero.</p>}
          <BandLegend />
          <DeliveryChart title="Patrol hours by district" bars={districtBars} />
          <DeliveryChart title="Patrol hours by hotspot" bars={hotspotBars} />
          <div className="table-scroll">
            <table aria-label="Dosage by hotspot">
              <thead>
                <tr>
                  <th scope="col">Hotspot</th><th scope="col" className="num">Visits</th><th scope="col" className="num">≥10</th><th scope="col" className="num">≥15</th>
                  <th scope="col" className="num">Patrol min</th><th scope="col" className="num">Officer min</th><th scope="col" className="num">Target min</th><th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {r.byHotspot.map((h) => (
                  <tr key={h.hotspotId} className="plain-row">
                    <td>{rankOf.get(h.hotspotId)}. {h.name}</td>
                    <td className="num">{h.visits}</td><td className="num">{h.visits10}</td><td className="num">{h.visits15}</td>
                    <td className="num">{formatNumber(h.patrolMinutes, 1)}</td><td className="num">{formatNumber(h.officerMinutes, 1)}</td>
                    <td className="num">{formatNumber(h.targetMinutes)}</td><td>{SOURCE_TEXT[h.source] ?? h.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="sources" aria-label="Dosage sources">
            <strong>Sources:</strong>
            {r.sources.length ? <ul>{r.sources.map((s, i) => <li key={i}>{s}</li>)}</ul> : <span> none for this period.</span>}
            <p>Median fix interval seen: {r.medianFixIntervalSeconds === null ? 'no GPS fixes' : `${formatNumber(r.medianFixIntervalSeconds)} s`} (longer intervals under-count short visits).</p>
          </div>
          {r.notes.length > 0 && <ul className="warnings" aria-label="Dosage notes">{r.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
          <div className="export-buttons">
            <button type="button" className="primary" disabled={busy !== null || !period} onClick={() => void exportIt('Writing the return…', async ({ jobId, onProgress }) => onExport(`${fileBase}_return.xlsx`, await engine.quarterlyReturn(plan.id, period!.from, period!.to, 'xlsx', periodLabel, jobId, onProgress), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))}>
              Export quarterly return (XLSX)
            </button>
            <button type="button" disabled={busy !== null || !period} onClick={() => void exportIt('Writing the return…', async ({ jobId, onProgress }) => onExport(`${fileBase}_return_csv.zip`, await engine.quarterlyReturn(plan.id, period!.from, period!.to, 'csv', periodLabel, jobId, onProgress), 'application/zip'))}>
              Return as CSVs (zip)
            </button>
            <button type="button" disabled={busy !== null || !period} onClick={() => void exportIt('Writing the dosage CSV…', async () => onExport(`${fileBase}_dosage.csv`, await engine.dosageCsv(plan.id, period!.from, period!.to), 'text/csv'), { cancellable: false })}>
              Dosage CSV
            </button>
          </div>
          <BusyStatus job={job} label="Return progress" />
          <MethodBox lines={r.method} label="Dosage method" />
        </>
      )}
    </section>
  );
}
