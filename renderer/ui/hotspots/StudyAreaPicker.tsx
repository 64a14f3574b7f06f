import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { StudyAreaSpec } from '../../../shared/hotspots/studyAreaChoice';

interface Props {
  districts: string[];
  value: StudyAreaSpec;
  onChange(a: StudyAreaSpec): void;
  onError(message: string): void;
}

/**
 * The cells the analysis is about: the force, some districts, or a polygon the user loads.
 * Gi* takes its mean and variance over exactly these cells.
 */
export function StudyAreaPicker({ districts, value, onChange, onError }: Props) {
  const chosen = value.kind === 'districts' ? new Set(value.districts) : new Set<string>();
  const toggle = (d: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(d);
    else next.delete(d);
    onChange(next.size ? { kind: 'districts', districts: [...next].sort() } : { kind: 'force' });
  };
  const loadPolygon = async (file: File) => {
    try {
      const json = JSON.parse(await file.text()) as { type?: string };
      const fc = json.type === 'FeatureCollection' ? json : json.type === 'Feature' ? { type: 'FeatureCollection', features: [json] } : null;
      if (!fc) throw new Error('it is not a GeoJSON Feature or FeatureCollection');
      onChange({ kind: 'polygon', name: file.name, geometry: fc as FeatureCollection<Polygon | MultiPolygon> });
    } catch (e) {
      onError(`Cannot use ${file.name} as the study area: ${(e as Error).message}.`);
    }
  };
  return (
    <fieldset className="study-area" aria-label="Study area">
      <legend>Study area</legend>
      <label className="check">
        <input type="radio" name="study-area" aria-label="Whole force" checked={value.kind === 'force'} onChange={() => onChange({ kind: 'force' })} />
        <span>Whole force</span>
      </label>
      <div className="district-checks">
        {districts.map((d) => (
          <label key={d} className="check">
            <input type="checkbox" aria-label={`District ${d}`} checked={chosen.has(d)} onChange={(e) => toggle(d, e.target.checked)} />
            <span>{d}</span>
          </label>
        ))}
      </div>
      <label className="file-pick">
        <span>{value.kind === 'polygon' ? `Polygon: ${value.name}` : 'Or load a polygon (GeoJSON, WGS84)'}</span>
        <input type="file" aria-label="Study area polygon" accept=".geojson,.json,application/geo+json" onChange={(e) => { const f = e.target.files?.[0]; if (f) void loadPolygon(f); }} />
      </label>
    </fieldset>
  );
}
