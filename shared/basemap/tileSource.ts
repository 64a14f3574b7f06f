/**
 * Where basemap vector tiles come from. The PDF briefing reads tiles through this one
 * interface so the same drawing code runs in the CLI (tiles on disk, cli/diskTiles.ts) and in
 * the app's worker (tiles served next to the page, urlTileSource).
 */
export interface TileSource {
  /** The tile's uncompressed protobuf bytes, or null when the basemap has no such tile. */
  get(z: number, x: number, y: number): Promise<Uint8Array | null>;
  maxZoom: number;
  attribution: string;
}

/** The bundled West Yorkshire basemap (fixtures/basemap/README.md). */
export const BASEMAP_MAX_ZOOM = 14;
export const BASEMAP_ATTRIBUTION = '© OpenStreetMap contributors, © OpenMapTiles';

/**
 * Tiles fetched from `{base}/{z}/{x}/{y}.pbf`. Pass an absolute base made on the page
 * (`new URL('basemap/tiles', document.baseURI).href`): a relative base is resolved against
 * the worker's own location, which in a vite build is the assets/ folder, not the page's.
 * Either way the briefing reads only the tiles the app serves itself, never the network. A 404 means "no tile" (outside the basemap's
 * extent); any other failure is an error, so a broken server never yields a blank map silently.
 */
export function urlTileSource(base: string, fetchFn: typeof fetch = (...a) => fetch(...a)): TileSource {
  const root = resolveBase(base);
  return {
    maxZoom: BASEMAP_MAX_ZOOM,
    attribution: BASEMAP_ATTRIBUTION,
    async get(z, x, y) {
      const url = `${root}/${z}/${x}/${y}.pbf`;
      const res = await fetchFn(url);
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`Cannot read basemap tile ${z}/${x}/${y} from ${url}: HTTP ${res.status}.`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

function resolveBase(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  const here = (globalThis as { location?: { href: string } }).location?.href;
  if (!here || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return new URL(trimmed, here).href.replace(/\/+$/, '');
}
