import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASEMAP_FONTS } from '../../../scripts/basemapAssets.mjs';
import { BASEMAP_SOURCE, OSM_ATTRIBUTION, STYLE_FONTS, basemapLayers, basemapSource, offlineStyle } from '../../../renderer/map/basemapStyle';
import { bundledSource } from '../../../renderer/map/basemapSettings';
import { MUTE_FILL, MUTE_LINE, colourToRgb, muteColour, parseColour } from '../../../renderer/map/mutedColour';

const BASE = 'app://hotspot/basemap/';
const style = offlineStyle(BASE, '#eef1f4', basemapSource(bundledSource(BASE)), true);
const layers = basemapLayers();

/** Every `{field}` token a text-field reads, whether a legacy template or an expression. */
function fieldsRead(tf: unknown): string[] {
  if (typeof tf === 'string') return [...tf.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if (Array.isArray(tf)) {
    if (tf[0] === 'get' && typeof tf[1] === 'string') return [tf[1]];
    return tf.flatMap(fieldsRead);
  }
  return [];
}

describe('basemap style', () => {
  it('is a valid maplibre style', () => {
    const errors = validateStyleMin(style);
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('fetches every tile, glyph and sprite from the app itself, at the contract paths', () => {
    const urls = [style.glyphs!, String(style.sprite), ...Object.values(style.sources).flatMap((s) => ('tiles' in s ? s.tiles ?? [] : []))];
    expect(urls).toEqual([
      'app://hotspot/basemap/fonts/{fontstack}/{range}.pbf',
      'app://hotspot/basemap/sprites/osm-bright',
      'app://hotspot/basemap/tiles/{z}/{x}/{y}.pbf',
    ]);
    for (const s of Object.values(style.sources)) expect(s).not.toHaveProperty('url');
    expect(JSON.stringify(style)).not.toMatch(/https?:|mapbox:|mbtiles:|\{v3\}|styleJsonFolder/);
  });

  it('credits OpenStreetMap and OpenMapTiles', () => {
    expect(style.sources[BASEMAP_SOURCE]).toMatchObject({ attribution: '© OpenStreetMap contributors, © OpenMapTiles' });
    expect(OSM_ATTRIBUTION).toBe('© OpenStreetMap contributors, © OpenMapTiles');
  });

  it('reads names only from name:latin, the one name field the tiles carry (road shields read ref)', () => {
    const symbols = layers.filter((l) => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(8);
    for (const l of symbols) {
      const read = fieldsRead((l.layout as Record<string, unknown>)['text-field']);
      expect(read.length, l.id).toBeGreaterThan(0);
      if (l.id === 'highway-shield') expect(read).toEqual(['ref']);
      else expect(read, l.id).toEqual(['name:latin']);
    }
    // Filters ask for name:latin too, never for a field these tiles lack.
    const filters = JSON.stringify(layers.map((l) => ('filter' in l ? l.filter : null)));
    expect(filters).not.toMatch(/\["!?has","name"\]|name:nonlatin|name_en/);
    expect(filters).toContain('["has","name:latin"]');
  });

  it('the tiles really carry name:latin and no other name field', () => {
    const meta = JSON.parse(readFileSync('fixtures/basemap/tiles/metadata.json', 'utf8')) as { vector_layers: { id: string; fields: Record<string, string> }[] };
    const named = meta.vector_layers.filter((v) => Object.keys(v.fields).some((f) => f.startsWith('name')));
    expect(named.length).toBeGreaterThan(5);
    for (const v of named) expect(Object.keys(v.fields).filter((f) => f.startsWith('name')), v.id).toEqual(['name:latin']);
    // And every source-layer the style reads exists in the tiles.
    const ids = new Set(meta.vector_layers.map((v) => v.id));
    for (const l of layers) if ('source-layer' in l) expect(ids.has(l['source-layer']!), `${l.id} reads ${l['source-layer']}`).toBe(true);
  });

  it('draws with exactly the fonts the build copies, and the build has them to copy', () => {
    const used = new Set(layers.flatMap((l) => ((l.layout as Record<string, unknown> | undefined)?.['text-font'] as string[] | undefined) ?? []));
    expect([...used].sort()).toEqual([...STYLE_FONTS].sort());
    expect([...BASEMAP_FONTS].sort()).toEqual([...STYLE_FONTS].sort());
    for (const f of BASEMAP_FONTS) expect(existsSync(path.join('node_modules/tileserver-gl-styles/fonts', f, '0-255.pbf')), f).toBe(true);
    // Ward labels use a bundled font too.
    expect(STYLE_FONTS).toContain('Open Sans Semibold');
  });

  it('uses only sprite icons that exist in the OSM Bright sprite', () => {
    const sprite = JSON.parse(readFileSync('node_modules/tileserver-gl-styles/styles/osm-bright/sprite.json', 'utf8')) as Record<string, unknown>;
    for (const l of layers) {
      const pattern = (l.paint as Record<string, unknown> | undefined)?.['fill-pattern'];
      if (typeof pattern === 'string') expect(sprite, l.id).toHaveProperty(pattern);
    }
  });

  it('is muted: no fill or line colour keeps more than half the saturation of OSM Bright', () => {
    const sats: number[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        const c = parseColour(v);
        if (c) sats.push(c.s);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const l of layers) {
      for (const [k, v] of Object.entries((l.paint as Record<string, unknown> | undefined) ?? {})) if (k.endsWith('-color') && k !== 'text-halo-color') walk(v);
    }
    expect(sats.length).toBeGreaterThan(50);
    // OSM Bright's most saturated colours are 100% (#fea, #fc8); muted, nothing is above 50%.
    expect(Math.max(...sats)).toBeLessThanOrEqual(50);
  });

  it('mutes by hand-worked arithmetic', () => {
    // #fea = (255, 238, 170) = hsl(48, 100%, 83.3%): half the saturation, 8% of the way to white.
    expect(muteColour('#fea', MUTE_LINE)).toBe('hsl(48, 50%, 84.7%)');
    // #d8e8c8 = (216, 232, 200): l = 432/510 = 84.7%, s = 32/78 = 41.0%, h = 90;
    // 30% of the saturation, 30% of the way to white.
    expect(muteColour('#d8e8c8', MUTE_FILL)).toBe('hsl(90, 12.3%, 89.3%)');
    expect(muteColour('hsla(30, 19%, 90%, 0.4)', MUTE_FILL)).toBe('hsla(30, 5.7%, 93%, 0.4)');
    expect(muteColour('not a colour', MUTE_FILL)).toBe('not a colour');
    expect(colourToRgb('#b2182b')).toEqual([178, 24, 43]);
    expect(colourToRgb('hsl(0, 0%, 100%)')).toEqual([255, 255, 255]);
  });

  it('hides the basemap layers, not the glyphs, when the streets are off', () => {
    const off = offlineStyle(BASE, '#eef1f4', basemapSource(bundledSource(BASE)), false);
    expect(off.glyphs).toBe(style.glyphs);
    for (const l of off.layers.filter((x) => x.id !== 'background')) expect((l.layout as Record<string, unknown>).visibility, l.id).toBe('none');
    expect(off.layers[0]).toMatchObject({ id: 'background', paint: { 'background-color': '#eef1f4' } });
  });
});
