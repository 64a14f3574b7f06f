import type { Database } from 'sql.js';

/**
 * MBTiles 1.3 (the mapbox/mbtiles-spec specification): a SQLite file with a `metadata`
 * name/value table and a `tiles` table (or view) keyed by zoom_level, tile_column and
 * tile_row, where tile_row counts from the south (TMS), unlike the XYZ rows maplibre asks for.
 */
export interface MbtilesMeta {
  tiles: number;
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number] | null;
  format: string;
}

export function readMbtilesMeta(db: Database): MbtilesMeta {
  const meta = new Map<string, string>();
  for (const row of db.exec('SELECT name, value FROM metadata')[0]?.values ?? []) meta.set(String(row[0]), String(row[1]));
  const format = meta.get('format') ?? 'pbf';
  if (format !== 'pbf' && format !== 'mvt') {
    throw new Error(`it holds ${format} images, and the map needs vector tiles (format pbf)`);
  }
  const [count, minz, maxz] = db.exec('SELECT count(*), min(zoom_level), max(zoom_level) FROM tiles')[0]?.values[0] ?? [0, null, null];
  if (!count) throw new Error('it holds no tiles');
  const b = meta.get('bounds')?.split(',').map(Number);
  return {
    tiles: Number(count),
    minzoom: Number(minz),
    maxzoom: Number(maxz),
    bounds: b && b.length === 4 && b.every(Number.isFinite) ? (b as [number, number, number, number]) : null,
    format,
  };
}

/** The stored bytes of tile z/x/y (XYZ numbering), or null when the file has no such tile. */
export function readMbtilesTile(db: Database, z: number, x: number, y: number): Uint8Array | null {
  const tmsRow = 2 ** z - 1 - y;
  const st = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  try {
    st.bind([z, x, tmsRow]);
    if (!st.step()) return null;
    const v = st.get()[0];
    return v instanceof Uint8Array ? v : null;
  } finally {
    st.free();
  }
}
