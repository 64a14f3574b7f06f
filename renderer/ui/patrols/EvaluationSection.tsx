import { useState } from 'react';
import type { PatrolPlan } from '../../../shared/patrols/types';
import type { Evaluation } from '../../engine/patrolsApi';
import type { EngineClient } from '../../engine/engineClient';
import { formatNumber } from '../../map/classBreaks';
import { BusyStatus } from '../BusyStatus';
import { useBusyJob } from '../useBusyJob';
import { MethodBox } from './MethodBox';
import { errorText } from './planForm';

interface Props {
  engine: EngineClient;
  plan: PatrolPlan;
  firstMonth: string | null;
  lastMonth: string | null;
  onExport(name: string, bytes: Uint8Array, mime: string): void;
}

const signed = (v: number, d = 0) => `${v > 0 ? '+' : ''}${formatNumber(v, d)}`;
const pct = (v: number | null) => (v === null ? 'n/a' : `${v > 0 ? '+' : ''}${v.toFixed(1)}%`);
const num = (v: number | null, d = 2) => (v === null ? 'undefined' : v.toFixed(d));

/** Before/after for patrolled hotspots vs a control, displacement into a buffer ring (WDQ, TNE, WDD). */
/** Plain words when a period reaches outside the months the project has crimes for (no data is not zero crime). */
function coverage(what: string, p: { from: string; to: string }, first: string | null, last: string | null): string | null {
  if (!first || !last) return `The project has no crimes, so the ${what} period has no data to compare.`;
  if (p.from >= first && p.to <= last) return null;
  if (p.to < first || p.from > last) {
    return `The ${what} period (${p.from} to ${p.to}) has no crime data in this project (${first} to ${last}): import the crimes for it, or choose months inside that range.`;
  }
  return `The ${what} period (${p.from} to ${p.to}) reaches outside the months with crimes in this project (${first} to ${last}): ` +
    'only its months with data are counted, so compare periods of equal coverage.';
}

export function EvaluationSection({ engine, plan, firstMonth, lastMonth, onExport }: Props) {
  const [before, setBefore] = useState({ from: plan.basisFrom, to: plan.basisTo });
  // After: the patrol months, cut at the last month with crimes when that falls inside them.
  const [after, setAfter] = useState({
    from: plan.from.slice(0, 7),
    to: lastMonth && lastMonth >= plan.from.slice(0, 7) && lastMonth < plan.to.slice(0, 7) ? lastMonth : plan.to.slice(0, 7),
  });
  const [buffer, setBuffer] = useState(250);
  const [controlMode, setControlMode] = useState<'next-ranked' | 'given'>('next-ranked');
  const [controlIds, setControlIds] = useState('');
  const [ev, setEv] = useState<Evaluation | null>(null);
  const job = useBusyJob(null, engine);
  const busy = job.busy !== null;
  const [error, setError] = useState<string | null>(null);

  const run = () =>
    job.run('Counting crimes before and after…', async ({ jobId, onProgress }) => {
      setError(null);
      try {
        const control = controlMode === 'given' ? controlIds.split(/[\s,;]+/).filter(Boolean) : 'next-ranked';
        setEv(await engine.evaluatePatrolPlan({ planId: plan.id, before, after, bufferMetres: buffer, control }, jobId, onProgress));
      } catch (e) {
        setEv(null);
        if ((e as Error).name === 'AbortError') throw e;
        setError(errorText(e));
      }
    });

  return (
    <section aria-label="Evaluation" className="panel evaluation">
      <h2>Did it work? Before vs after</h2>
      <form className="eval-form" aria-label="Evaluation settings" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label><span>Before from</span><input type="month" aria-label="Before from" value={before.from} onChange={(e) => setBefore({ ...before, from: e.target.value })} /></label>
        <label><span>Before to</span><input type="month" aria-label="Before to" value={before.to} onChange={(e) => setBefore({ ...before, to: e.target.value })} /></label>
        <label><span>After from</span><input type="month" aria-label="After from" value={after.from} onChange={(e) => setAfter({ ...after, from: e.target.value })} /></label>
        <label><span>After to</span><input type="month" aria-label="After to" value={after.to} onChange={(e) => setAfter({ ...after, to: e.target.value })} /></label>
        <label><span>Displacement buffer (m)</span><input type="number" aria-label="Buffer in metres" min={0} step={50} value={buffer} onChange={(e) => setBuffer(Math.max(0, Number(e.target.value) || 0))} /></label>
        <label>
          <span>Control areas</span>
          <select aria-label="Control" value={controlMode} onChange={(e) => setControlMode(e.target.value as 'next-ranked' | 'given')}>
            <option value="next-ranked">next-ranked unpatrolled cells (default)</option>
            <option value="given">cells I list</option>
          </select>
        </label>
        {controlMode === 'given' && (
          <label className="wide"><span>Control cell ids (comma or space separated)</span><textarea aria-label="Control cell ids" rows={2} value={controlIds} onChange={(e) => setControlIds(e.target.value)} /></label>
        )}
        <button type="submit" className="primary wide" disabled={busy}>Run evaluation</button>
      </form>
      {[coverage('before', before, firstMonth, lastMonth), coverage('after', after, firstMonth, lastMonth)].filter(Boolean).map((t) => (
        <p key={t} className="shortfall" role="note">{t}</p>
      ))}
      <BusyStatus job={job} label="Evaluation progress" />
      {error && <p role="alert" className="error">{error}</p>}
      {ev && (
        <section className="eval-results" aria-label="Evaluation results">
          <div className="readings">
            <p><strong>WDQ (counts):</strong> {ev.wdq.reading}</p>
            <p><strong>Total net effect:</strong> {ev.wdq.tne === null ? 'cannot be given (see notes).' : `${signed(ev.wdq.tne, 1)} crimes (positive = net reduction).`}</p>
            <p>
              <strong>WDD:</strong> {signed(ev.wdd.wdd, 1)}{ev.wdd.se !== null ? `, SE ${ev.wdd.se.toFixed(2)}` : ''}
              {ev.wdd.ci95 ? `, 95% interval ${ev.wdd.ci95[0].toFixed(1)} to ${ev.wdd.ci95[1].toFixed(1)}` : ''}
              {ev.wdd.p !== null ? `, p = ${ev.wdd.p.toPrecision(2)}` : ''}. {ev.wdd.reading}
            </p>
            {[...ev.wdq.notes, ...ev.wdd.notes].map((n, i) => <p key={i} className="hint">{n}</p>)}
          </div>
          <table aria-label="Areas before and after" className="eval-table">
            <thead>
              <tr><th scope="col">Area</th><th scope="col" className="num">Cells</th><th scope="col" className="num">Before</th><th scope="col" className="num">After</th><th scope="col" className="num">Change</th><th scope="col" className="num">%</th>{plan.schemeId !== 'count' && <th scope="col" className="num">Harm change</th>}</tr>
            </thead>
            <tbody>
              {(['treated', 'buffer', 'control', 'controlBuffer'] as const).map((k) => {
                const a = ev.areas[k];
                return (
                  <tr key={k} className="plain-row">
                    <th scope="row">{a.label}</th>
                    <td className="num">{a.cellIds.length}</td>
                    <td className="num">{formatNumber(a.before.count)}</td>
                    <td className="num">{formatNumber(a.after.count)}</td>
                    <td className="num">{signed(a.change.count)}</td>
                    <td className="num" title={a.change.notes.join(' ')}>{pct(a.change.countPct)}</td>
                    {plan.schemeId !== 'count' && <td className="num">{signed(a.change.harm, 1)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint">Success measure Ra/Ca − Rb/Cb = {num(ev.wdq.successMeasure, 3)} (below 0: the patrolled hotspots fell relative to the control).</p>
          <div className="table-scroll">
            <table aria-label="Hotspots before and after">
              <thead>
                <tr><th scope="col">Hotspot</th><th scope="col" className="num">Before</th><th scope="col" className="num">After</th><th scope="col" className="num">%</th><th scope="col">Patrolled vs unpatrolled days</th></tr>
              </thead>
              <tbody>
                {ev.hotspots.map((h) => (
                  <tr key={h.hotspotId} className="plain-row">
                    <td>{h.rank}. {h.name}</td>
                    <td className="num">{formatNumber(h.before.count)}</td>
                    <td className="num">{formatNumber(h.after.count)}</td>
                    <td className="num">{pct(h.change.countPct)}</td>
                    <td className="hint">{h.days ? h.days.reading : 'no daily dosage'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ev.dayNotes.length > 0 && <ul className="method" aria-label="Day comparison notes">{ev.dayNotes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
          {ev.warnings.length > 0 && <ul className="warnings" aria-label="Evaluation warnings">{ev.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>}
          <div className="export-buttons">
            <button type="button" onClick={() => void engine.evaluationCsv().then((b) => onExport(`evaluation_${plan.id}.csv`, b, 'text/csv'), (e: unknown) => setError(errorText(e)))}>Export evaluation CSV</button>
          </div>
          <MethodBox lines={ev.method} label="Evaluation method" />
        </section>
      )}
    </section>
  );
}
