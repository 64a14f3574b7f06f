import { useState } from 'react';
import type { CategorySet } from '../../../shared/harm/categorySets';
import type { HarmSchemeSummary } from '../../../shared/harm/harmSchemes';
import type { HotspotParams } from '../../../shared/hotspots/runHotspotAnalysis';
import type { StudyAreaSpec } from '../../../shared/hotspots/studyAreaChoice';
import { StudyAreaPicker } from './StudyAreaPicker';

interface Props {
  schemes: HarmSchemeSummary[];
  sets: CategorySet[];
  districts: string[];
  studyArea: StudyAreaSpec;
  onStudyArea(a: StudyAreaSpec): void;
  onError(message: string): void;
  busy: boolean;
  firstMonth: string | null;
  lastMonth: string | null;
  onRun(params: HotspotParams): void;
  /** Settings to start from (the last run saved in the project); DOMAIN.md's defaults otherwise. */
  initial?: HotspotParams | null;
}

/** Every choice the analysis makes is on screen and defaults to DOMAIN.md's values. */
export function HotspotControls({ schemes, sets, districts, studyArea, onStudyArea, onError, busy, firstMonth, lastMonth, onRun, initial }: Props) {
  const kde = initial?.kde;
  const inf = initial?.inference;
  const [schemeId, setSchemeId] = useState(initial?.schemeId ?? 'count');
  const [setId, setSetId] = useState(initial?.categorySetId ?? '');
  const [from, setFrom] = useState(initial?.from ?? '');
  const [to, setTo] = useState(initial?.to ?? '');
  const [cell, setCell] = useState(initial?.cellSize ?? 150);
  const [shape, setShape] = useState<'square' | 'hex'>(initial?.shape ?? 'square');
  const [distance, setDistance] = useState(initial?.distance !== undefined ? String(initial.distance) : '');
  const [fdr, setFdr] = useState(initial?.fdr ?? true);
  const [bandwidth, setBandwidth] = useState(typeof kde === 'object' && typeof kde?.bandwidth === 'number' ? String(kde.bandwidth) : '');
  const [nrd, setNrd] = useState(typeof kde === 'object' && kde?.bandwidth === 'nrd');
  const [inference, setInference] = useState<'normal' | 'permutation'>(inf?.kind === 'permutation' ? 'permutation' : 'normal');
  const [permutations, setPermutations] = useState(inf?.kind === 'permutation' && inf.permutations ? inf.permutations : 999);
  const [seed, setSeed] = useState(inf?.kind === 'permutation' && inf.seed !== undefined ? inf.seed : 20240401);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    onRun({
      schemeId,
      categorySetId: setId || undefined,
      from: from || undefined,
      to: to || undefined,
      cellSize: cell,
      shape,
      distance: distance ? Number(distance) : undefined,
      fdr,
      kde: nrd ? { bandwidth: 'nrd' } : bandwidth ? { bandwidth: Number(bandwidth) } : true,
      studyArea,
      inference: inference === 'normal' ? { kind: 'normal' } : { kind: 'permutation', permutations, seed },
    });
  };

  return (
    <form className="hotspot-controls" aria-label="Hotspot analysis settings" onSubmit={submit}>
      <label>
        <span>Harm scheme</span>
        <select aria-label="Harm scheme" value={schemeId} onChange={(e) => setSchemeId(e.target.value)}>
          {schemes.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
      </label>
      <label>
        <span>Records</span>
        <select aria-label="Category set" value={setId} onChange={(e) => setSetId(e.target.value)}>
          <option value="">All records</option>
          {sets.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
      </label>
      <label>
        <span>From month</span>
        <input type="month" aria-label="From month" value={from} placeholder={firstMonth ?? ''} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        <span>To month</span>
        <input type="month" aria-label="To month" value={to} placeholder={lastMonth ?? ''} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label>
        <span>Cell size (m)</span>
        <input type="number" aria-label="Cell size in metres" min={25} max={5000} step={25} value={cell} onChange={(e) => setCell(Number(e.target.value))} />
      </label>
      <label>
        <span>Cell shape</span>
        <select aria-label="Cell shape" value={shape} onChange={(e) => setShape(e.target.value as 'square' | 'hex')}>
          <option value="square">square (BNG-aligned)</option>
          <option value="hex">hexagon</option>
        </select>
      </label>
      <label>
        <span>Neighbourhood (m)</span>
        <input type="number" aria-label="Neighbourhood distance in metres" min={1} placeholder={`${(cell * Math.SQRT2).toFixed(1)} (default)`} value={distance} onChange={(e) => setDistance(e.target.value)} />
      </label>
      <label>
        <span>KDE bandwidth (m)</span>
        <input type="number" aria-label="KDE bandwidth in metres" min={1} disabled={nrd} placeholder={`${2 * cell} (default: 2 x cell size)`} value={bandwidth} onChange={(e) => setBandwidth(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={nrd} onChange={(e) => setNrd(e.target.checked)} />
        <span>KDE bandwidth by rule of thumb (MASS bandwidth.nrd; kilometres on a whole force)</span>
      </label>
      <StudyAreaPicker districts={districts} value={studyArea} onChange={onStudyArea} onError={onError} />
      <label>
        <span>Inference</span>
        <select aria-label="Inference" value={inference} onChange={(e) => setInference(e.target.value as 'normal' | 'permutation')}>
          <option value="normal">normal approximation (as spdep, ArcGIS)</option>
          <option value="permutation">conditional permutation (as PySAL, GeoDa)</option>
        </select>
      </label>
      {inference === 'permutation' && (
        <>
          <label>
            <span>Permutations</span>
            <input type="number" aria-label="Permutations" min={99} max={99999} step={100} value={permutations} onChange={(e) => setPermutations(Number(e.target.value))} />
          </label>
          <label>
            <span>Seed</span>
            <input type="number" aria-label="Permutation seed" min={0} step={1} value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
          </label>
        </>
      )}
      <label className="check">
        <input type="checkbox" aria-label="False discovery rate correction" checked={fdr} onChange={(e) => setFdr(e.target.checked)} />
        <span>FDR correction (Benjamini-Hochberg)</span>
      </label>
      <button type="submit" className="primary" disabled={busy}>Find hotspots</button>
    </form>
  );
}
