import { useState } from 'react';
import type { PlanView } from '../../engine/patrolsApi';
import type { EngineClient } from '../../engine/engineClient';
import { BusyStatus } from '../BusyStatus';
import { useBusyJob } from '../useBusyJob';

interface Props {
  engine: EngineClient;
  view: PlanView;
  onExport(name: string, bytes: Uint8Array, mime: string): void;
}

const KINDS = [
  ['csv', 'Schedule CSV', 'text/csv', 'one row per scheduled visit: date, local start, team, hotspot, minutes'],
  ['geojson', 'GeoJSON', 'application/geo+json', 'hotspot polygons with id, name and instructions, for GIS and devices'],
  ['kml', 'KML', 'application/vnd.google-earth.kml+xml', 'the same polygons for officers’ devices and Google Earth'],
] as const;

function slug(s: string): string {
  return s.replace(/[^\w.-]+/g, '_').replace(/_+/g, '_').slice(0, 60);
}

/** Every plan export states the plan's method and settings inside the file. */
export function PlanExports({ engine, view, onExport }: Props) {
  const [district, setDistrict] = useState('');
  const job = useBusyJob(null, engine);
  const { busy, error, run } = job;
  const districts = [...new Set(view.plan.hotspots.map((h) => h.districtName).filter((d): d is string => !!d))].sort();
  const base = slug(view.plan.name || view.plan.id);


  return (
    <section aria-label="Plan exports" className="panel plan-exports">
      <h2>Export the plan</h2>
      <ul className="export-list">
        {KINDS.map(([kind, label, mime, what]) => (
          <li key={kind}>
            <button type="button" disabled={busy !== null} onClick={() => void run(`Writing ${label}…`, async () => onExport(`${base}.${kind}`, await engine.exportPlan(kind), mime), { cancellable: false })}>
              {label}
            </button>
            <span className="hint">{what}</span>
          </li>
        ))}
        <li>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() =>
              void run('Drawing the briefing over the offline street map…', async ({ jobId, onProgress }) => {
                const tilesBase = new URL('basemap/tiles', document.baseURI).href;
                const bytes = await engine.exportPlan('pdf', { tilesBase, district: district || null }, jobId, onProgress);
                onExport(`${base}${district ? `-${slug(district)}` : ''}-briefing.pdf`, bytes, 'application/pdf');
              })
            }
          >
            PDF briefing
          </button>
          <select aria-label="Briefing district" value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">all districts (a section each)</option>
            {districts.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
          <span className="hint">map with streets, hotspot table, schedule and the patrol guidance</span>
        </li>
      </ul>
      <BusyStatus job={job} label="Export progress" />
      {error && <p role="alert" className="error">{error}</p>}
      {!view.saved && <p className="hint">The plan is not saved in the project yet: exports are of the plan on screen.</p>}
    </section>
  );
}
