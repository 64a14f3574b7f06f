import type { ProjectDb as Database } from '../repository/db';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { bngToLonLat, isPlausibleBng } from '../geo/bng';
import { DEFAULT_LAYER, detectAreaFields, replaceAreaLayer, type AreaFieldMap } from './areaLayer';
import { polygonProblem } from './geometryCheck';

export interface BoundaryImportOptions {
  /** Layer to replace (default 'wards', the layer crimes are assigned to). */
  layer?: string;
  /** Property names for code/name/district; detected from ONS naming when omitted. */
  fields?: AreaFieldMap;
  /** Coordinate system of the file; 'auto' reads the crs member, else the coordinate ranges. */
  crs?: 'auto' | 'wgs84' | 'bng';
  fileName?: string;
}

export interface BoundaryReport {
  fileName: string;
  layer: string;
  crs: 'wgs84' | 'bng';
  crsReason: string;
  fields: AreaFieldMap;
  features: number;
  imported: number;
  /** Features left out, by 0-based index in the file's features array. */
  invalid: { index: number; code?: string; reason: string }[];
  warnings: string[];
}

function firstPosition(fc: FeatureCollection): Position | undefined {
  for (const f of fc.features) {
    let c: unknown = (f.geometry as { coordinates?: unknown } | null)?.coordinates;
    while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
    if (Array.isArray(c) && typeof c[0] === 'number') return c as Position;
  }
  return undefined;
}

function detectCrs(fc: FeatureCollection, forced: BoundaryImportOptions['crs']): { crs: 'wgs84' | 'bng'; reason: string } {
  if (forced === 'wgs84' || forced === 'bng') return { crs: forced, reason: 'given by the user' };
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any member value becomes text to test for 27700
  const name = String((fc as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name ?? '');
  if (/27700/.test(name)) return { crs: 'bng', reason: `crs member "${name}"` };
  if (/4326|CRS84/i.test(name)) return { crs: 'wgs84', reason: `crs member "${name}"` };
  const p = firstPosition(fc);
  if (p && (Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90)) {
    if (isPlausibleBng(p[0]!, p[1]!)) return { crs: 'bng', reason: `coordinates such as ${p[0]},${p[1]} are metres on the British National Grid` };
    throw new Error(`Coordinates such as ${p[0]},${p[1]} are neither WGS84 degrees nor British National Grid metres.`);
  }
  return { crs: 'wgs84', reason: 'coordinates are within longitude/latitude ranges (RFC 7946 default)' };
}

function toWgs84(c: unknown): unknown {
  if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
    const [lon, lat] = bngToLonLat(c[0], c[1]);
    return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
  }
  return Array.isArray(c) ? c.map(toWgs84) : c;
}

/**
 * Loads an area layer (wards by default) from GeoJSON in WGS84 or British National Grid, so the
 * app serves any force. Invalid features are reported by index and reason and left out; the
 * layer is replaced only when at least one feature is valid. Records already imported keep the
 * ward they were given until reassignWards (shared/import) re-places them; the CLI does both.
 */
export function importBoundaries(db: Database, geojsonText: string, options: BoundaryImportOptions = {}): BoundaryReport {
  const fileName = options.fileName ?? 'boundaries';
  const layer = options.layer ?? DEFAULT_LAYER;
  let fc: FeatureCollection;
  try {
    fc = JSON.parse(geojsonText) as FeatureCollection;
  } catch (e) {
    throw new Error(`${fileName} is not valid JSON: ${(e as Error).message}`);
  }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${fileName} is not a GeoJSON FeatureCollection (type is ${JSON.stringify((fc as { type?: unknown })?.type)}).`);
  }
  const { crs, reason } = detectCrs(fc, options.crs);
  const props = fc.features.find((f) => f?.properties)?.properties ?? {};
  const fields = options.fields ?? detectAreaFields(props);
  if (!fields) {
    throw new Error(
      `${fileName}: cannot tell which properties hold the area code and name (found: ${Object.keys(props).join(', ')}); ` +
        'give them as fields: { code, name }.',
    );
  }
  const invalid: BoundaryReport['invalid'] = [];
  const valid: Feature[] = [];
  const seen = new Set<string>();
  fc.features.forEach((f, index) => {
    const code: unknown = f?.properties?.[fields.code];
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a boundary file's code is a number or text
    const codeText = code === undefined || code === null ? undefined : String(code);
    const bad = (why: string) => invalid.push(codeText ? { index, code: codeText, reason: why } : { index, reason: why });
    if (!codeText) return bad(`has no "${fields.code}" property`);
    if (seen.has(codeText)) return bad(`repeats code ${codeText}`);
    const problem = polygonProblem(f);
    if (problem) return bad(problem);
    const g = crs === 'bng' ? ({ ...f.geometry, coordinates: toWgs84((f.geometry as { coordinates?: unknown }).coordinates) } as Feature['geometry']) : f.geometry;
    seen.add(codeText);
    valid.push({ ...f, geometry: g });
  });
  const warnings: string[] = [];
  if (valid.length === 0) throw new Error(`${fileName}: none of its ${fc.features.length} features is a valid area; the ${layer} layer was not changed.`);
  if (invalid.length) warnings.push(`${invalid.length} of ${fc.features.length} features were left out as invalid.`);
  const imported = replaceAreaLayer(db, layer, { type: 'FeatureCollection', features: valid }, fields);
  return { fileName, layer, crs, crsReason: reason, fields, features: fc.features.length, imported, invalid, warnings };
}
