import { normaliseHeader } from '../import/headers';

/** Which CSV column holds each part of a location fix (header names as they appear in the file). */
export interface FixMapping {
  device: string;
  timestamp: string;
  lon?: string;
  lat?: string;
  easting?: string;
  northing?: string;
}

/** Common names, compared after lower-casing and dropping spaces, underscores and punctuation. */
const ALIASES: Record<keyof FixMapping, string[]> = {
  device: ['deviceid', 'device', 'callsign', 'radioid', 'radio', 'unit', 'unitid', 'officerid', 'issi', 'tei'],
  timestamp: ['timestamp', 'time', 'datetime', 'fixtime', 'recordedat', 'datetimeutc', 'timestamputc', 'gpstime'],
  lat: ['latitude', 'lat'],
  lon: ['longitude', 'lon', 'lng', 'long'],
  easting: ['easting', 'x', 'eastings', 'bngeasting'],
  northing: ['northing', 'y', 'northings', 'bngnorthing'],
};

function find(header: string[], names: string[]): string | undefined {
  const norm = header.map(normaliseHeader);
  for (const name of names) {
    const i = norm.indexOf(name);
    if (i >= 0) return header[i];
  }
  return undefined;
}

/**
 * Auto-detects the fix columns. A mapping needs a device, a timestamp and either lon/lat or
 * easting/northing (lon/lat wins when both are present); `missing` names what was not found
 * in words for the mapping editor.
 */
export function detectFixMapping(header: string[]): { mapping: FixMapping | null; missing: string[] } {
  const device = find(header, ALIASES.device);
  const timestamp = find(header, ALIASES.timestamp);
  const lon = find(header, ALIASES.lon), lat = find(header, ALIASES.lat);
  const easting = find(header, ALIASES.easting), northing = find(header, ALIASES.northing);
  const missing: string[] = [];
  if (!device) missing.push('device (e.g. device_id, callsign)');
  if (!timestamp) missing.push('timestamp');
  const hasLonLat = lon !== undefined && lat !== undefined;
  const hasBng = easting !== undefined && northing !== undefined;
  if (!hasLonLat && !hasBng) missing.push('position (longitude and latitude, or easting and northing)');
  if (missing.length > 0 || !device || !timestamp) return { mapping: null, missing };
  return { mapping: hasLonLat ? { device, timestamp, lon, lat } : { device, timestamp, easting, northing }, missing };
}

/** Checks a mapping (typed or edited by hand) against a header; returns problems in words. */
export function checkFixMapping(header: string[], m: FixMapping): string[] {
  const problems: string[] = [];
  const has = (c: string | undefined) => c !== undefined && header.includes(c);
  if (!has(m.device)) problems.push(`device column "${m.device}" is not in the file`);
  if (!has(m.timestamp)) problems.push(`timestamp column "${m.timestamp}" is not in the file`);
  const ll = m.lon !== undefined || m.lat !== undefined;
  if (ll) {
    if (!has(m.lon)) problems.push(`longitude column "${m.lon ?? ''}" is not in the file`);
    if (!has(m.lat)) problems.push(`latitude column "${m.lat ?? ''}" is not in the file`);
  } else if (!has(m.easting) || !has(m.northing)) {
    problems.push('the mapping needs longitude and latitude, or easting and northing, columns that are in the file');
  }
  return problems;
}
