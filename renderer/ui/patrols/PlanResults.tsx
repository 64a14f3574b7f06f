import type { PlanView } from '../../engine/patrolsApi';
import { formatNumber } from '../../map/classBreaks';
import { MethodBox } from './MethodBox';
import { describeWindow, hours, shortName } from './planForm';

interface Props {
  view: PlanView;
  busy: boolean;
  picking: boolean;
  onPicking(on: boolean): void;
  onClearHand(): void;
  onSave(): void;
  onUseWindows(): void;
  onFocus(h: PlanView['plan']['hotspots'][number]): void;
}

/** The built plan: what to save, the hotspots, the target, and the first days of the schedule. */
export function PlanResults({ view, busy, picking, onPicking, onClearHand, onSave, onUseWindows, onFocus }: Props) {
  const { plan, schedule } = view;
  const t = schedule.target;
  const hand = plan.choice.handAdded.length + plan.choice.handRemoved.length;
  const byDate = new Map<string, typeof schedule.preview>();
  for (const v of schedule.preview) byDate.set(v.date, [...(byDate.get(v.date) ?? []), v]);
  const rankOf = new Map(plan.hotspots.map((h) => [h.id, h.rank]));

  return (
    <section aria-label="Plan" className="plan-results">
      <header className="plan-head">
        <div>
          <h3>{plan.name}</h3>
          <p className="hint">
            {plan.hotspots.length} hotspots · patrols {plan.from} to {plan.to} · chosen from {plan.basisFrom} to {plan.basisTo} · {plan.schemeLabel}
            {plan.categorySetLabel ? `, ${plan.categorySetLabel}` : ''} · plan id <code>{plan.id}</code>
          </p>
        </div>
        <div className="save-box">
          <span className={view.saved ? 'badge saved' : 'badge unsaved'} role="status" aria-label="Plan status">{view.saved ? 'Saved in project' : 'Not saved'}</span>
          <button type="button" className="primary" disabled={busy || view.saved} onClick={onSave}>Save plan to project</button>
        </div>
      </header>

      {schedule.shortfalls.length > 0 && (
        <div className="shortfall" role="alert" aria-label="Dosage shortfalls">
          <strong>The dosage asked for does not fit the patrol windows:</strong>
          <ul>{schedule.shortfalls.map((s, i) => <li key={i}>{s}</li>)}</ul>
        </div>
      )}
      {plan.warnings.length > 0 && (
        <ul aria-label="Plan warnings" className="warnings">
          {plan.warnings.map((w, i) => <li key={i}>{w}</li>)}
        </ul>
      )}

      <div className="kpis" aria-label="Plan target">
        <div className="kpi"><span className="kpi-value">{hours(t.totalMinutes)}</span><span className="kpi-label">patrol hours target</span></div>
        <div className="kpi"><span className="kpi-value">{formatNumber(t.plannedVisits)}</span><span className="kpi-label">planned visits</span></div>
        <div className="kpi"><span className="kpi-value">{plan.dosage.visitsPerDay} × {plan.dosage.minutesPerVisit} min</span><span className="kpi-label">per hotspot per day</span></div>
        <div className="kpi"><span className="kpi-value">{plan.dosage.teams.length}</span><span className="kpi-label">{plan.dosage.teams.length === 1 ? 'team' : 'teams'}</span></div>
      </div>
      <p className="hint">
        Target: {formatNumber(t.totalMinutes)} patrol minutes ({hours(t.totalMinutes)} hours) over the period; windows {plan.dosage.windows.map(describeWindow).join('; ')}.
      </p>

      {view.suggestion && (
        <div className="suggestion" aria-label="Suggested windows">
          <p>
            <strong>Suggested windows:</strong> {view.suggestion.windows.map(describeWindow).join('; ')}. <span className="hint">{view.suggestion.reason}</span>
          </p>
          <button type="button" onClick={onUseWindows}>Use these windows</button>
        </div>
      )}

      <div className="pick-row">
        <label className="check">
          <input type="checkbox" aria-label="Pick cells on the map" checked={picking} onChange={(e) => onPicking(e.target.checked)} />
          <span>Pick cells on the map (click a cell to add it, a hotspot to remove it)</span>
        </label>
        {hand > 0 && (
          <span className="hint">
            {plan.choice.handAdded.length} added, {plan.choice.handRemoved.length} removed by hand{' '}
            <button type="button" onClick={onClearHand}>Clear hand picks</button>
          </span>
        )}
      </div>

      <div className="table-scroll plan-table">
        <table aria-label="Plan hotspots">
          <caption>Click a hotspot to see it on the map at street level.</caption>
          <thead>
            <tr>
              <th scope="col" className="num">#</th><th scope="col">Name</th><th scope="col">District</th><th scope="col">Ward</th>
              <th scope="col" className="num">{plan.schemeId === 'count' ? 'Crimes' : 'Harm'}</th><th scope="col">Id</th>
            </tr>
          </thead>
          <tbody>
            {plan.hotspots.map((h) => (
              <tr key={h.id} tabIndex={0} title="Show on the map" onClick={() => onFocus(h)} onKeyDown={(e) => e.key === 'Enter' && onFocus(h)}>
                <td className="num"><span className="rank-chip">{h.rank}</span></td>
                <td>{h.name}{h.chosenBy === 'hand' ? <span className="tag" title="added by hand on the map">hand</span> : null}</td>
                <td>{h.districtName ?? '—'}</td>
                <td>{h.wardName ?? '—'}</td>
                <td className="num">{formatNumber(plan.schemeId === 'count' ? h.count : h.harm, plan.schemeId === 'count' ? 0 : 1)}</td>
                <td className="id">{h.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4>Schedule: first {schedule.previewDays} {schedule.previewDays === 1 ? 'day' : 'days'} of {formatNumber(schedule.visits)} visits ({plan.dosage.minutesPerVisit} min each; the CSV and PDF have them all)</h4>
      <div className="schedule-preview" aria-label="Schedule preview">
        {[...byDate.entries()].map(([date, visits]) => (
          <div key={date} className="schedule-day">
            <div className="schedule-date">{new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}</div>
            <ol>
              {visits.map((v, i) => (
                <li key={i}>
                  <span className="time">{v.start}</span> <span className="rank-chip small">{rankOf.get(v.hotspotId) ?? '?'}</span> <span title={v.hotspotName}>{shortName(v.hotspotName)}</span>
                  {plan.dosage.teams.length > 1 && <span className="hint"> · {v.team}</span>}
                  {v.minutes !== plan.dosage.minutesPerVisit && <span className="hint"> · {v.minutes} min</span>}
                </li>
              ))}
            </ol>
          </div>
        ))}
        {schedule.previewDays === 0 && <p className="hint">No visits fit the windows in this period.</p>}
      </div>
      <MethodBox lines={plan.method} label="Plan method" />
    </section>
  );
}
