import type { FixMapping } from '../../engine/patrolsApi';

interface Props {
  header: string[];
  mapping: FixMapping;
  missing: string[];
  onChange(m: FixMapping): void;
}

/** For fix files whose columns were not all recognised: device, time and position, picked by hand. */
export function FixMappingEditor({ header, mapping, missing, onChange }: Props) {
  const bng = mapping.easting !== undefined || mapping.northing !== undefined;
  const column = (label: string, value: string | undefined, set: (v: string) => void) => (
    <label>
      <span>{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => set(e.target.value)}>
        <option value="">(choose a column)</option>
        {header.map((h) => <option key={h} value={h}>{h}</option>)}
      </select>
    </label>
  );
  return (
    <fieldset className="mapping fix-mapping" aria-label="Fix column mapping">
      <legend>Column mapping</legend>
      {missing.length > 0 && <p className="warning">Not recognised from the header: {missing.join('; ')}. Choose the columns below.</p>}
      <div className="mapping-grid">
        {column('Device column', mapping.device, (device) => onChange({ ...mapping, device }))}
        {column('Timestamp column', mapping.timestamp, (timestamp) => onChange({ ...mapping, timestamp }))}
        <label>
          <span>Position given as</span>
          <select
            aria-label="Position given as"
            value={bng ? 'bng' : 'lonlat'}
            onChange={(e) =>
              onChange(e.target.value === 'bng'
                ? { device: mapping.device, timestamp: mapping.timestamp, easting: '', northing: '' }
                : { device: mapping.device, timestamp: mapping.timestamp, lon: '', lat: '' })
            }
          >
            <option value="lonlat">longitude / latitude (WGS84)</option>
            <option value="bng">easting / northing (British National Grid)</option>
          </select>
        </label>
        {bng ? (
          <>
            {column('Easting column', mapping.easting, (easting) => onChange({ ...mapping, easting }))}
            {column('Northing column', mapping.northing, (northing) => onChange({ ...mapping, northing }))}
          </>
        ) : (
          <>
            {column('Longitude column', mapping.lon, (lon) => onChange({ ...mapping, lon }))}
            {column('Latitude column', mapping.lat, (lat) => onChange({ ...mapping, lat }))}
          </>
        )}
      </div>
      <p className="hint">Timestamps with an offset or Z are instants; timestamps without a zone are read as UK local time (Europe/London).</p>
    </fieldset>
  );
}
