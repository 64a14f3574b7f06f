import type { CategorySet } from '../../../shared/harm/categorySets';
import type { HarmSchemeSummary } from '../../../shared/harm/harmSchemes';
import type { HotspotChoice } from '../../../shared/patrols/types';
import { newSeed, type PlanForm } from './planForm';
import { WindowsEditor } from './WindowsEditor';

interface Props {
  form: PlanForm;
  schemes: HarmSchemeSummary[];
  sets: CategorySet[];
  firstMonth: string | null;
  lastMonth: string | null;
  busy: boolean;
  onChange(f: PlanForm): void;
  onBuild(): void;
}

const num = (v: string, min = 0) => Math.max(min, Number(v) || 0);

/** The plan's settings, each defaulting to DOMAIN.md's value and stated in every export. */
export function PlanBuilder({ form, schemes, sets, firstMonth, lastMonth, busy, onChange, onBuild }: Props) {
  const c = form.choice;
  const d = form.dosage;
  const setChoice = (patch: Partial<HotspotChoice>) => onChange({ ...form, choice: { ...c, ...patch } });
  const setDosage = (patch: Partial<typeof d>) => onChange({ ...form, dosage: { ...d, ...patch } });
  const quota = c.perDistrict.mode;

  return (
    <form
      className="plan-builder"
      aria-label="Plan settings"
      onSubmit={(e) => {
        e.preventDefault();
        onBuild();
      }}
    >
      <label className="wide">
        <span>Plan name</span>
        <input aria-label="Plan name" value={form.name} onChange={(e) => onChange({ ...form, name: e.target.value })} />
      </label>
      <label>
        <span>Patrols from</span>
        <input type="date" aria-label="Patrols from" required value={form.from} onChange={(e) => onChange({ ...form, from: e.target.value })} />
      </label>
      <label>
        <span>Patrols to</span>
        <input type="date" aria-label="Patrols to" required value={form.to} onChange={(e) => onChange({ ...form, to: e.target.value })} />
      </label>
      <label>
        <span>Hotspots chosen from crimes in (from month)</span>
        <input type="month" aria-label="Basis from month" value={form.basisFrom} placeholder={firstMonth ?? ''} onChange={(e) => onChange({ ...form, basisFrom: e.target.value })} />
      </label>
      <label>
        <span>to month {form.basisFrom || form.basisTo ? '' : '(blank: latest 12 months with data)'}</span>
        <input type="month" aria-label="Basis to month" value={form.basisTo} placeholder={lastMonth ?? ''} onChange={(e) => onChange({ ...form, basisTo: e.target.value })} />
      </label>
      <label>
        <span>Harm scheme</span>
        <select aria-label="Plan harm scheme" value={form.schemeId} onChange={(e) => onChange({ ...form, schemeId: e.target.value })}>
          {schemes.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
      </label>
      <label>
        <span>Records</span>
        <select aria-label="Plan category set" value={form.categorySetId} onChange={(e) => onChange({ ...form, categorySetId: e.target.value })}>
          <option value="">All records</option>
          {sets.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
      </label>

      <fieldset className="wide group" aria-label="Hotspot choice">
        <legend>Hotspots</legend>
        <label>
          <span>Number of hotspots</span>
          <input type="number" aria-label="Number of hotspots" min={1} max={500} value={c.count} onChange={(e) => setChoice({ count: num(e.target.value, 1) })} />
        </label>
        <label>
          <span>Units</span>
          <select aria-label="Hotspot units" value={c.unit} onChange={(e) => setChoice({ unit: e.target.value as 'cell' | 'lsoa' })}>
            <option value="cell">grid cells</option>
            <option value="lsoa">LSOAs (2021)</option>
          </select>
        </label>
        <label>
          <span>Cell size (m)</span>
          <input type="number" aria-label="Plan cell size in metres" min={25} max={2000} step={25} disabled={c.unit !== 'cell'} value={form.cellSize} onChange={(e) => onChange({ ...form, cellSize: num(e.target.value, 25) })} />
        </label>
        <label>
          <span>Eligible cells</span>
          <select
            aria-label="Gi* restriction"
            value={c.minGiConfidence === null ? 'any' : String(c.minGiConfidence)}
            onChange={(e) => setChoice({ minGiConfidence: e.target.value === 'any' ? null : (Number(e.target.value) as 90 | 95 | 99) })}
          >
            <option value="95">Gi* hot at 95%+ (FDR), default</option>
            <option value="99">Gi* hot at 99% (FDR)</option>
            <option value="90">Gi* hot at 90%+ (FDR)</option>
            <option value="any">any cell (no Gi* test)</option>
          </select>
        </label>
        <label>
          <span>Per-district quota</span>
          <select
            aria-label="Per-district quota"
            value={quota}
            onChange={(e) => {
              const m = e.target.value;
              setChoice({ perDistrict: m === 'fixed' ? { mode: 'fixed', each: 2 } : m === 'proportional' ? { mode: 'proportional' } : { mode: 'none' } });
            }}
          >
            <option value="none">none (force-wide ranking)</option>
            <option value="fixed">a fixed number per district</option>
            <option value="proportional">in proportion to district harm</option>
          </select>
        </label>
        <label>
          <span>Hotspots per district</span>
          <input
            type="number"
            aria-label="Hotspots per district"
            min={1}
            disabled={c.perDistrict.mode !== 'fixed'}
            value={c.perDistrict.mode === 'fixed' ? c.perDistrict.each : ''}
            onChange={(e) => setChoice({ perDistrict: { mode: 'fixed', each: num(e.target.value, 1) } })}
          />
        </label>
        <label>
          <span>Minimum separation (m)</span>
          <input type="number" aria-label="Minimum separation in metres" min={0} step={50} value={c.minSeparation} onChange={(e) => setChoice({ minSeparation: num(e.target.value) })} />
        </label>
        <label className="check">
          <input type="checkbox" aria-label="Merge touching cells" checked={c.mergeTouching} onChange={(e) => setChoice({ mergeTouching: e.target.checked })} />
          <span>Merge touching cells into one hotspot</span>
        </label>
      </fieldset>

      <fieldset className="wide group" aria-label="Dosage">
        <legend>Dosage (Koper: about 15 minutes, 10-16, random times and order)</legend>
        <label>
          <span>Visits per hotspot per day</span>
          <input type="number" aria-label="Visits per day" min={1} max={12} value={d.visitsPerDay} onChange={(e) => setDosage({ visitsPerDay: num(e.target.value, 1) })} />
        </label>
        <label>
          <span>Minutes per visit</span>
          <input type="number" aria-label="Minutes per visit" min={1} max={120} value={d.minutesPerVisit} onChange={(e) => setDosage({ minutesPerVisit: num(e.target.value, 1) })} />
        </label>
        <label>
          <span>Teams (comma-separated)</span>
          <input
            aria-label="Teams"
            value={d.teams.join(', ')}
            onChange={(e) => setDosage({ teams: e.target.value.split(',').map((t) => t.trim()).filter((t, i, all) => t || i < all.length - 1) })}
            onBlur={() => setDosage({ teams: d.teams.filter(Boolean).length ? d.teams.filter(Boolean) : ['Team 1'] })}
          />
        </label>
        <label>
          <span>Minutes between visits at one hotspot</span>
          <input type="number" aria-label="Minimum gap between visits in minutes" min={0} value={d.minGapMinutes} onChange={(e) => setDosage({ minGapMinutes: num(e.target.value) })} />
        </label>
        <div className="wide">
          <WindowsEditor windows={d.windows} onChange={(windows) => setDosage({ windows })} />
        </div>
        <label>
          <span>Random seed (same seed, same schedule)</span>
          <span className="seed">
            <input type="number" aria-label="Seed" value={form.seed} onChange={(e) => onChange({ ...form, seed: Math.floor(Number(e.target.value) || 0) })} />
            <button type="button" onClick={() => onChange({ ...form, seed: newSeed() })}>New seed</button>
          </span>
        </label>
        <details className="wide">
          <summary>How dosage is measured from GPS fixes</summary>
          <div className="measure-grid">
            <label>
              <span>Geofence buffer (m)</span>
              <input type="number" aria-label="Geofence buffer in metres" min={0} value={d.bufferMetres} onChange={(e) => setDosage({ bufferMetres: num(e.target.value) })} />
            </label>
            <label>
              <span>A fix gap longer than (min) ends a visit</span>
              <input type="number" aria-label="Fix gap that ends a visit in minutes" min={1} value={d.maxFixGapMinutes} onChange={(e) => setDosage({ maxFixGapMinutes: num(e.target.value, 1) })} />
            </label>
            <label>
              <span>Visits shorter than (min) are pass-throughs</span>
              <input type="number" aria-label="Pass-through threshold in minutes" min={0} value={d.minVisitMinutes} onChange={(e) => setDosage({ minVisitMinutes: num(e.target.value) })} />
            </label>
          </div>
        </details>
      </fieldset>
      <button type="submit" className="primary wide" disabled={busy}>Build plan</button>
    </form>
  );
}
