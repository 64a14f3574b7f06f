import { useEffect, useState } from 'react';
import type { PaiResult, PaiSet } from '../../engine/analysisApi';
import type { EngineClient } from '../../engine/engineClient';
import { reportError } from '../appEvents';

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);

/** "If we patrol these cells, what share of harm is there?": PAI for a set the analyst picks. */
export function PaiChooser({ engine, revision }: { engine: EngineClient; revision: unknown }) {
  const [kind, setKind] = useState<'top' | 'hot'>('top');
  const [n, setN] = useState(20);
  const [level, setLevel] = useState<1 | 2 | 3>(2);
  const [r, setR] = useState<PaiResult | null>(null);

  useEffect(() => {
    const set: PaiSet = kind === 'top' ? { kind, n } : { kind, level };
    // Only the answer for the latest choice counts; a failure is shown, not swallowed.
    let live = true;
    engine.paiFor(set).then(
      (v) => live && setR(v),
      (e: unknown) => {
        if (!live) return;
        setR(null);
        reportError(e, 'PAI could not be computed');
      },
    );
    return () => {
      live = false;
    };
  }, [engine, revision, kind, n, level]);

  return (
    <div className="pai" aria-label="Hotspot set">
      <label>
        <span>Hotspot set </span>
        <select aria-label="Hotspot set" value={kind} onChange={(e) => setKind(e.target.value as 'top' | 'hot')}>
          <option value="top">top cells by harm</option>
          <option value="hot">Gi* hot cells</option>
        </select>
      </label>
      {kind === 'top' ? (
        <input type="number" aria-label="Number of top cells" min={1} max={5000} value={n} onChange={(e) => setN(Math.max(1, Number(e.target.value)))} />
      ) : (
        <select aria-label="Hot level" value={level} onChange={(e) => setLevel(Number(e.target.value) as 1 | 2 | 3)}>
          <option value={3}>99%</option>
          <option value={2}>95% or more</option>
          <option value={1}>90% or more</option>
        </select>
      )}
      {r && (
        <p role="status" aria-label="PAI result">
          {r.label}: {r.cells} cells ({pct(r.areaShare)} of the area) hold {pct(r.harmShare)} of harm; PAI {r.pai === null ? 'undefined' : r.pai.toFixed(1)}.
        </p>
      )}
    </div>
  );
}
