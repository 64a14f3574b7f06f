import type { ExtractMapping } from '../../../shared/import/extractMapping';

interface Props {
  header: string[];
  mapping: ExtractMapping;
  onChange(m: ExtractMapping): void;
}

type Simple = 'crimeRef' | 'offenceCode' | 'crimeType' | 'committedFrom' | 'committedTo' | 'month' | 'wardCode' | 'wardName' | 'lsoa' | 'locationText' | 'outcome';

const FIELDS: [Simple, string][] = [
  ['crimeRef', 'Crime reference'],
  ['offenceCode', 'Home Office offence code'],
  ['crimeType', 'Offence / crime type'],
  ['committedFrom', 'Committed from (date-time)'],
  ['committedTo', 'Committed to (date-time)'],
  ['month', 'Month (when no date)'],
  ['wardCode', 'Ward code'],
  ['wardName', 'Ward name'],
  ['lsoa', 'LSOA code'],
  ['locationText', 'Location text'],
  ['outcome', 'Outcome'],
];

/** Maps a force extract's columns to crime fields; saved in the project for the next file of this shape. */
export function MappingEditor({ header, mapping, onChange }: Props) {
  const column = (value: string | undefined, set: (v: string | undefined) => void, label: string) => (
    <select aria-label={label} value={value ?? ''} onChange={(e) => set(e.target.value || undefined)}>
      <option value="">(not in this file)</option>
      {header.map((h) => (
        <option key={h} value={h}>{h}</option>
      ))}
    </select>
  );
  const loc = mapping.location;
  const flags = Object.entries(mapping.flags ?? {});
  const setFlags = (entries: [string, string][]) => onChange({ ...mapping, flags: Object.fromEntries(entries.filter(([k]) => k.trim())) });

  return (
    <fieldset className="mapping">
      <legend>Column mapping</legend>
      <div className="mapping-grid">
        {FIELDS.map(([key, label]) => (
          <label key={key}>
            <span>{label}</span>
            {column(mapping[key], (v) => onChange({ ...mapping, [key]: v }), label)}
          </label>
        ))}
        <label>
          <span>Location given as</span>
          <select
            aria-label="Location given as"
            value={loc?.kind ?? 'none'}
            onChange={(e) => {
              const kind = e.target.value;
              onChange({
                ...mapping,
                location: kind === 'lonlat' ? { kind, lon: '', lat: '' } : kind === 'bng' ? { kind, easting: '', northing: '' } : undefined,
              });
            }}
          >
            <option value="none">no coordinates</option>
            <option value="lonlat">longitude / latitude (WGS84)</option>
            <option value="bng">easting / northing (British National Grid)</option>
          </select>
        </label>
        {loc?.kind === 'lonlat' && (
          <>
            <label><span>Longitude</span>{column(loc.lon, (v) => onChange({ ...mapping, location: { ...loc, lon: v ?? '' } }), 'Longitude')}</label>
            <label><span>Latitude</span>{column(loc.lat, (v) => onChange({ ...mapping, location: { ...loc, lat: v ?? '' } }), 'Latitude')}</label>
          </>
        )}
        {loc?.kind === 'bng' && (
          <>
            <label><span>Easting</span>{column(loc.easting, (v) => onChange({ ...mapping, location: { ...loc, easting: v ?? '' } }), 'Easting')}</label>
            <label><span>Northing</span>{column(loc.northing, (v) => onChange({ ...mapping, location: { ...loc, northing: v ?? '' } }), 'Northing')}</label>
          </>
        )}
      </div>
      <div className="flags">
        <span>Flags (yes/no columns, e.g. knife-enabled, victim under 25, domestic abuse, OCG-linked)</span>
        {flags.map(([name, col], i) => (
          <div key={i} className="flag-row">
            <input aria-label={`Flag ${i + 1} name`} value={name} onChange={(e) => setFlags(flags.map((f, j) => (j === i ? [e.target.value, f[1]] : f)))} />
            {column(col, (v) => setFlags(flags.map((f, j) => (j === i ? [f[0], v ?? ''] : f))), `Flag ${i + 1} column`)}
            <button type="button" onClick={() => setFlags(flags.filter((_, j) => j !== i))}>Remove</button>
          </div>
        ))}
        <button type="button" onClick={() => setFlags([...flags, [`flag_${flags.length + 1}`, '']])}>Add flag</button>
      </div>
    </fieldset>
  );
}
