import type { LayerSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import osmBright from 'tileserver-gl-styles/styles/osm-bright/style.json';
import { MUTE_FILL, MUTE_LINE, MUTE_TEXT, muteColour, type Muting } from './mutedColour';

/**
 * The street basemap: tileserver-gl-styles' OSM Bright (BSD / CC-BY 3.0, Mapbox Open Styles),
 * pointed at tiles, glyphs and sprites the app serves itself and muted so that ward shading,
 * Gi* cells and ward outlines stay the first thing an analyst reads.
 *
 * Every URL is built from `assetBase`, the absolute URL of the renderer's `basemap/` folder
 * (app://hotspot/basemap/ in the desktop app, the 127.0.0.1 server's /basemap/ in browser
 * mode): maplibre fetches tiles from its worker, where a relative URL would not resolve.
 */

export const BASEMAP_SOURCE = 'basemap';
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors, © OpenMapTiles';

/** The bundled West Yorkshire tiles (fixtures/basemap): bounds from their metadata.json. */
export const BUNDLED_BOUNDS: [number, number, number, number] = [-2.1755, 53.5182, -1.196, 53.9649];
export const BUNDLED_MAXZOOM = 14;

/** Fonts the style draws with; scripts/basemapAssets.mjs copies exactly these into the build. */
export const STYLE_FONTS = ['Open Sans Regular', 'Open Sans Semibold', 'Open Sans Italic'] as const;

/** Tile URL template of the bundled tiles under `assetBase`. */
export function bundledTilesUrl(assetBase: string): string {
  return `${assetBase}tiles/{z}/{x}/{y}.pbf`;
}

export function glyphsUrl(assetBase: string): string {
  return `${assetBase}fonts/{fontstack}/{range}.pbf`;
}

export function spriteUrl(assetBase: string): string {
  return `${assetBase}sprites/osm-bright`;
}

/**
 * Layers of OSM Bright that draw nothing in a UK county (countries, continents, oceans,
 * glaciers, US shields) or that would bury hotspot cells under icons (minor POIs). The `-en`
 * twins are dropped because these tiles carry names only in `name:latin`.
 */
function dropped(id: string): boolean {
  return (
    id.endsWith('-en') ||
    /^place-(country|continent)/.test(id) ||
    /^highway-shield-us/.test(id) ||
    ['background', 'water-name-ocean', 'landcover-glacier', 'landcover-ice-shelf', 'poi-level-2', 'poi-level-3', 'place-city-capital'].includes(id)
  );
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function muteValue(v: Json, m: Muting): Json {
  if (typeof v === 'string') return muteColour(v, m);
  if (Array.isArray(v)) return v.map((x) => muteValue(x, m));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, muteValue(x, m)]));
  return v;
}

function mutePaint(paint: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(paint)) {
    if (k === 'text-halo-color') out[k] = v;
    else if (k === 'text-color') out[k] = muteValue(v, MUTE_TEXT);
    else if (k.startsWith('line-')) out[k] = muteValue(v, k.endsWith('-color') ? MUTE_LINE : MUTE_FILL);
    else if (k.endsWith('-color')) out[k] = muteValue(v, MUTE_FILL);
    else out[k] = v;
  }
  return out;
}

/**
 * OSM Bright filters test `has name`; these tiles name features only in `name:latin`. It also
 * draws no `pedestrian` streets, which in a UK city centre are the main shopping and
 * night-time streets (Briggate in Leeds): they are drawn and named with the minor roads.
 */
function adaptFilter(f: Json): Json {
  if (!Array.isArray(f)) return f;
  if ((f[0] === 'has' || f[0] === '!has') && f[1] === 'name') return [f[0], 'name:latin'];
  if (f[0] === 'in' && f[1] === 'class' && f.includes('minor') && f.includes('service') && !f.includes('pedestrian')) return [...f, 'pedestrian'];
  return f.map(adaptFilter);
}

function adaptLayer(layer: Record<string, Json>): LayerSpecification {
  const out: Record<string, Json> = { ...layer, source: BASEMAP_SOURCE };
  delete out.metadata;
  if (out.filter) out.filter = adaptFilter(out.filter);
  if (out.paint) out.paint = mutePaint(out.paint as Record<string, Json>);
  const layout = { ...((out.layout as Record<string, Json> | undefined) ?? {}) };
  if (typeof layout['text-field'] === 'string') {
    // Road shields keep their number; every name reads the one name field the tiles have.
    layout['text-field'] = layout['text-field'] === '{ref}' ? '{ref}' : '{name:latin}';
  }
  if (Array.isArray(layout['text-font'])) {
    layout['text-font'] = layout['text-font'].map((f) => (f === 'Open Sans Bold' ? 'Open Sans Semibold' : f));
  }
  if (Object.keys(layout).length > 0) out.layout = layout;
  // Only the biggest POIs, and only at street zoom, so they name places without cluttering cells.
  if (out.id === 'poi-level-1') {
    out.minzoom = 15;
    out.paint = { ...(out.paint as Record<string, Json>), 'icon-opacity': 0.7 };
  }
  return out as unknown as LayerSpecification;
}

/** The muted OSM Bright layers, all reading the source named BASEMAP_SOURCE. */
export function basemapLayers(): LayerSpecification[] {
  const layers = (osmBright as unknown as { layers: Record<string, Json>[] }).layers;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- style layer ids are strings in the bundled JSON
  return layers.filter((l) => !dropped(String(l.id))).map(adaptLayer);
}

/**
 * The paper under the basemap: a light warm grey rather than OSM Bright's near-white, so the
 * white residential streets and their casings stand out from it, and warm where the map's
 * plain background (#eef1f4, streets off) is cool, so the two are never confused.
 */
export const BASEMAP_BACKGROUND = '#ebe6df';

export interface TileSourceOptions {
  tiles: string;
  maxzoom?: number;
  bounds?: [number, number, number, number];
}

export function basemapSource(o: TileSourceOptions): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [o.tiles],
    minzoom: 0,
    maxzoom: o.maxzoom ?? BUNDLED_MAXZOOM,
    ...(o.bounds ? { bounds: o.bounds } : {}),
    attribution: OSM_ATTRIBUTION,
  };
}

/**
 * The map's starting style: a background, the basemap (hidden when `visible` is false) and
 * glyphs and sprites from the app itself. The app's own layers are added on top by
 * MapController; symbol layers of the basemap stay above them so street names stay readable.
 */
export function offlineStyle(assetBase: string, background: string, source: VectorSourceSpecification, visible: boolean): StyleSpecification {
  const layers = basemapLayers().map((l): LayerSpecification => ({ ...l, layout: { ...(l.layout ?? {}), visibility: visible ? 'visible' : 'none' } }));
  return {
    version: 8,
    glyphs: glyphsUrl(assetBase),
    sprite: spriteUrl(assetBase),
    sources: { [BASEMAP_SOURCE]: source },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': visible ? BASEMAP_BACKGROUND : background } }, ...layers],
  };
}
