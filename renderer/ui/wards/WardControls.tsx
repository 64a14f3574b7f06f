import type { CategorySet } from '../../../shared/harm/categorySets';
import type { HarmSchemeSummary } from '../../../shared/harm/harmSchemes';

export interface WardControlValues {
  schemeId: string;
  categorySetId: string;
  from: string;
  to: string;
  baseFrom: string;
  baseTo: string;
}

interface Props {
  value: WardControlValues;
  schemes: HarmSchemeSummary[];
  sets: CategorySet[];
  onChange(v: WardControlValues): void;
}

/** Scheme, records, period and an optional baseline ("vs 12 months to Mar 2020"). */
export function WardControls({ value, schemes, sets, onChange }: Props) {
  const set = (k: keyof WardControlValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...value, [k]: e.target.value });
  return (
    <form className="ward-controls" aria-label="Ward table settings" onSubmit={(e) => e.preventDefault()}>
      <label><span>Harm scheme</span>
        <select aria-label="Ward harm scheme" value={value.schemeId} onChange={set('schemeId')}>
          {schemes.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
      </label>
      <label><span>Records</span>
        <select aria-label="Ward category set" value={value.categorySetId} onChange={set('categorySetId')}>
          <option value="">All records</option>
          {sets.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
      </label>
      <label><span>Period from (blank: 12 months to latest)</span><input type="month" aria-label="Period from" value={value.from} onChange={set('from')} /></label>
      <label><span>Period to</span><input type="month" aria-label="Period to" value={value.to} onChange={set('to')} /></label>
      <label><span>Baseline from</span><input type="month" aria-label="Baseline from" value={value.baseFrom} onChange={set('baseFrom')} /></label>
      <label><span>Baseline to</span><input type="month" aria-label="Baseline to" value={value.baseTo} onChange={set('baseTo')} /></label>
    </form>
  );
}
