import { useEffect, useRef, useState } from 'react';
import type { TrendView } from '../../engine/trendsApi';
import type { EngineClient } from '../../engine/engineClient';
import type { HotspotParams } from '../../../shared/hotspots/runHotspotAnalysis';
import { trendClassByShort } from '../../../shared/legend/classes';
import { guard } from '../appEvents';
import { BusyStatus } from '../BusyStatus';
import { useBusyJob } from '../useBusyJob';
import { useSavedSettings } from '../useSavedSettings';

interface Props {
  engine: EngineClient;
  /** Changes when the project or its data changes: results are dropped, saved settings reread. */
  revision: number;
  /** The current analysis settings (scheme, set, cell, neighbourhood, FDR, period bounds). */
  params: HotspotParams | null;
  onResult(v: TrendView | null): void;
  onExport(name: string, bytes: Uint8Array, mime: string): void;
}

/** Persistent / emerging / former / intermittent hot spots across consecutive periods (sfhotspot rules). */
export function TrendSection({ engine, revision, params, onResult, onExport }: Props) {
  const [months, setMonths] = useState(3);
  const [view, setView] = useState<TrendView | null>(null);
  const job = useBusyJob(null, engine);
  const { stop } = job;
  /** The period length of the last classification saved in the project, shown until it is redrawn. */
  const [lastRun, setLastRun] = useState<number | null>(null);
  const ticket = useRef(0);
  const saved = useSavedSettings<{ months: number; ran?: boolean }>(engine, 'trends', revision);

  useEffect(() => {
    ticket.current++;
    setView(null);
    stop();
  }, [revision, stop]);

  useEffect(() => {
    if (!saved.loaded) return;
    const s = saved.loaded.value;
    setMonths(s?.months ?? 3);
    setLastRun(s?.ran ? s.months : null);
  }, [saved.loaded]);

  const run = () => {
    const mine = ++ticket.current;
    return job.run('Classifying trends…', async ({ jobId, onProgress }) => {
      try {
        const v = await engine.runTrends({ ...(params ?? {}), months }, jobId, onProgress);
        if (mine !== ticket.current) return;
        setView(v);
        setLastRun(null);
        onResult(v);
        saved.save({ months, ran: true });
      } catch (e) {
        if (mine === ticket.current) throw e;
      }
    });
  };

  return (
    <section aria-label="Hotspot trends" className="panel">
      <h2>Trends across periods</h2>
      <div className="new-row">
        <label>Period length (months) <input type="number" aria-label="Trend period length in months" min={1} max={24} value={months} onChange={(e) => setMonths(Number(e.target.value))} /></label>
        <button type="button" onClick={() => void run()} disabled={job.busy !== null}>Classify trends</button>
      </div>
      {lastRun !== null && !view && <p className="hint">Trends were last classified over {lastRun}-month periods with the saved settings: press Classify trends to draw them again.</p>}
      <BusyStatus job={job} label="Trend progress" />
      {job.error && <p role="alert" className="error">{job.error}</p>}
      {view && (
        <>
          <table aria-label="Trend classes" className="totals">
            <tbody>
              {Object.entries(view.tally).filter(([k]) => k !== 'no pattern').map(([k, n]) => (
                <tr key={k}><th scope="row"><span className="swatch" style={{ background: trendClassByShort(k)?.colour }} /> {k}</th><td className="num">{n}</td></tr>
              ))}
            </tbody>
          </table>
          <ul aria-label="Trend method" className="method">{view.methodLines.map((l) => <li key={l}>{l}</li>)}</ul>
          <button type="button" onClick={() => guard(engine.exportTrends().then((f) => onExport(f.name, f.bytes, f.mime)), 'Export failed')}>Export trends CSV</button>
        </>
      )}
    </section>
  );
}
