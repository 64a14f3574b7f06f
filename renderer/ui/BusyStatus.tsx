import { formatNumber } from '../map/classBreaks';
import type { BusyJob } from './useBusyJob';

interface Props {
  job: Pick<BusyJob, 'busy' | 'progress' | 'notice' | 'cancel'>;
  /** The Cancel button's text (e.g. "Cancel import"). */
  cancelLabel?: string;
  /** Accessible name of the progress bar. */
  label?: string;
}

/**
 * The one busy line every long job shows: what it is doing, a progress bar (a moving one when
 * the total is unknown), rows and rows per second for file reads, and Cancel when the job can
 * be cancelled. After a cancel it says so.
 */
export function BusyStatus({ job, cancelLabel = 'Cancel', label = 'Progress' }: Props) {
  if (!job.busy) return job.notice ? <p role="status" className="hint">{job.notice}</p> : null;
  const p = job.progress;
  const known = p?.total !== undefined && p.done !== undefined ? { max: p.total, value: p.done } : p?.fraction !== undefined ? { max: 1, value: p.fraction } : null;
  return (
    <div role="status" className="progress-line">
      <span aria-live="polite">
        {p ? `${p.phase}…` : job.busy}
        {p?.rows !== undefined ? ` ${formatNumber(p.rows)} rows read${p.rowsPerSecond ? ` · ${formatNumber(p.rowsPerSecond)} rows/s` : ''}` : ''}
        {p?.fraction !== undefined && p.total === undefined ? ` ${Math.round(100 * p.fraction)}%` : ''}
        {p?.done !== undefined && p.total === undefined && p.rows === undefined ? ` (${formatNumber(p.done)})` : ''}
      </span>
      {known ? <progress aria-label={label} max={known.max} value={known.value} /> : <progress aria-label={label} />}
      {job.cancel && <button type="button" onClick={job.cancel}>{cancelLabel}</button>}
    </div>
  );
}
