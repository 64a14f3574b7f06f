import type { PatrolWindow } from '../../../shared/patrols/types';
import { describeWindow, WEEKDAYS } from './planForm';

interface Props {
  windows: PatrolWindow[];
  onChange(w: PatrolWindow[]): void;
}

/** Patrol windows: the weekdays each starts on and its local start and end (end before start = next day). */
export function WindowsEditor({ windows, onChange }: Props) {
  const set = (i: number, w: PatrolWindow) => onChange(windows.map((x, j) => (j === i ? w : x)));
  return (
    <fieldset className="windows-editor" aria-label="Patrol windows">
      <legend>Patrol windows (local time)</legend>
      {windows.map((w, i) => (
        <div key={i} className="window-row" role="group" aria-label={`Window ${i + 1}: ${describeWindow(w)}`}>
          <div className="weekdays">
            {WEEKDAYS.map((d, k) => (
              <label key={d} className="weekday">
                <input
                  type="checkbox"
                  aria-label={`Window ${i + 1} ${d}`}
                  checked={w.weekdays.includes(k + 1)}
                  onChange={(e) => set(i, { ...w, weekdays: e.target.checked ? [...w.weekdays, k + 1].sort((a, b) => a - b) : w.weekdays.filter((x) => x !== k + 1) })}
                />
                <span>{d.slice(0, 2)}</span>
              </label>
            ))}
          </div>
          <input type="time" aria-label={`Window ${i + 1} start`} value={w.start} onChange={(e) => set(i, { ...w, start: e.target.value })} />
          <span>to</span>
          <input type="time" aria-label={`Window ${i + 1} end`} value={w.end} onChange={(e) => set(i, { ...w, end: e.target.value })} />
          <button type="button" aria-label={`Remove window ${i + 1}`} disabled={windows.length === 1} onClick={() => onChange(windows.filter((_, j) => j !== i))}>✕</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...windows, { weekdays: [5, 6], start: '18:00', end: '02:00' }])}>Add window</button>
    </fieldset>
  );
}
