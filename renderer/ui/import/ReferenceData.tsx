import { useState } from 'react';
import type { BoundaryReport } from '../../../shared/areas/importBoundaries';
import type { ReassignReport } from '../../../shared/import/reassignWards';
import type { PopulationLoad } from '../../../shared/wards/population';
import type { EngineClient } from '../../engine/engineClient';

interface Props {
  engine: EngineClient;
  onChanged(): void;
}

/** Load another force's ward layer, or a population table; both report exactly what was left out. */
export function ReferenceData({ engine, onChanged }: Props) {
  const [boundaries, setBoundaries] = useState<(BoundaryReport & { reassigned: ReassignReport | null }) | null>(null);
  const [population, setPopulation] = useState<PopulationLoad | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = <T,>(job: () => Promise<T>, done: (r: T) => void) => {
    setError(null);
    job().then(
      (r) => {
        done(r);
        onChanged();
      },
      (e: Error) => setError(e.message),
    );
  };

  return (
    <section aria-label="Reference data" className="panel">
      <h2>Boundaries and population</h2>
      <label className="file-pick">
        <span>Ward / area boundaries (GeoJSON, WGS84 or British National Grid)</span>
        <input type="file" accept=".geojson,.json" aria-label="Boundaries GeoJSON" onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) load(() => engine.loadBoundaries(f), setBoundaries);
        }} />
      </label>
      {boundaries && (
        <div role="status" aria-label="Boundaries report">
          <p>{boundaries.fileName}: {boundaries.imported} of {boundaries.features} areas loaded as “{boundaries.layer}” ({boundaries.crs === 'bng' ? 'British National Grid' : 'WGS84'}: {boundaries.crsReason}); fields {boundaries.fields.code} / {boundaries.fields.name}.</p>
          {boundaries.reassigned && (
            <p>{boundaries.reassigned.records} records re-placed in the new areas: {boundaries.reassigned.changed} changed ward, {boundaries.reassigned.outOfArea} now outside every area.</p>
          )}
          {boundaries.invalid.length > 0 && <ul className="warnings">{boundaries.invalid.map((x) => <li key={x.index}>feature {x.index}{x.code ? ` (${x.code})` : ''}: {x.reason}</li>)}</ul>}
          {boundaries.warnings.length > 0 && <ul className="warnings">{boundaries.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
        </div>
      )}
      <label className="file-pick">
        <span>Population per ward (CSV: ward code, population)</span>
        <input type="file" accept=".csv" aria-label="Population CSV" onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) load(() => engine.loadPopulation(f), setPopulation);
        }} />
      </label>
      {population && (
        <div role="status" aria-label="Population report">
          <p>Population from “{population.populationColumn}” by “{population.codeColumn}”: {population.updated} wards updated; {population.missingAreas.length} wards without a figure; {population.unknownCodes.length} codes not in the ward layer.</p>
          {population.problems.length > 0 && <ul className="warnings">{population.problems.slice(0, 20).map((p) => <li key={p.line}>line {p.line}: {p.reason}</li>)}</ul>}
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
