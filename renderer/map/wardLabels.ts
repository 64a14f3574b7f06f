import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { SymbolLayerSpecification } from 'maplibre-gl';
import { pointOnFeature } from '@turf/turf';

/** Zoom from which ward names are shown; below it 124 labels overlap into noise. */
export const LABEL_MIN_ZOOM = 10.5;
export const WARD_LABEL_SOURCE = 'ward-labels';
export const WARD_LABEL_LAYER = 'ward-labels';

/** One point per ward, inside the ward (a centroid can fall outside a crescent-shaped ward). */
export function wardLabelPoints(areas: FeatureCollection<Polygon | MultiPolygon>): FeatureCollection<Point, { code: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: areas.features.map(
      (f): Feature<Point, { code: string; name: string }> => ({
        type: 'Feature',
        geometry: pointOnFeature(f).geometry,
        properties: { code: String(f.properties?.code), name: String(f.properties?.name) },
      }),
    ),
  };
}

/**
 * Ward names drawn by maplibre with the bundled glyphs, so they collide with each other and
 * with street labels instead of piling up as HTML, and appear in the canvas (and screenshots).
 */
export function wardLabelLayer(): SymbolLayerSpecification {
  return {
    id: WARD_LABEL_LAYER,
    type: 'symbol',
    source: WARD_LABEL_SOURCE,
    minzoom: LABEL_MIN_ZOOM,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': ['Open Sans Semibold'],
      'text-size': ['interpolate', ['linear'], ['zoom'], 10.5, 11, 15, 15],
      'text-max-width': 8,
      'text-letter-spacing': 0.03,
      'text-padding': 4,
    },
    paint: {
      'text-color': '#1f2a36',
      'text-halo-color': 'rgba(255,255,255,0.92)',
      'text-halo-width': 1.6,
    },
  };
}
