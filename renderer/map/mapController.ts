import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { attachPlanLayer } from './planLayer';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bbox, pointOnFeature } from '@turf/turf';
import type { KdeRaster } from '../../shared/export/kdeRaster';
import { classOf } from './classBreaks';
import { BACKGROUND, GI_COLOURS, offlineStyle, RAMP, SELECTED, TREND_COLOURS } from './mapStyle';
import { WardLabels } from './wardLabels';

maplibregl.setWorkerUrl(workerUrl);

type Areas = FeatureCollection<Polygon | MultiPolygon>;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Owns the maplibre map: sources, layers, feature state. React owns panels and state and
 * calls in here only when data really changed (the placemark pattern).
 */
export class MapController {
  private readonly map: maplibregl.Map;
  private readonly ready: Promise<void>;
  private readonly labels: WardLabels;
  private selected: string | null = null;
  private wardsKey = '';
  private kdeUrl: string | null = null;

  constructor(container: HTMLElement, private readonly onSelectWard: (code: string | null) => void) {
    this.map = new maplibregl.Map({
      container,
      style: offlineStyle(),
      center: [-1.7, 53.75],
      zoom: 9,
      attributionControl: { compact: true, customAttribution: 'Boundaries: ONS, OGL v3. Crime: police.uk, OGL v3.' },
      canvasContextAttributes: { preserveDrawingBuffer: true },
      // The enclosing section is the landmark named "Map"; the canvas gets its own name.
      locale: { 'Map.Title': 'Ward map canvas (use the Wards table for keyboard selection)' },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.labels = new WardLabels(this.map);
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.ready.then(() => this.addLayers());
    attachPlanLayer(this.map, this.ready);
    registerProbe(this);
  }

  private addLayers(): void {
    const m = this.map;
    m.addSource('wards', { type: 'geojson', data: EMPTY, promoteId: 'code' });
    m.addSource('cells', { type: 'geojson', data: EMPTY });
    const rampExpr: maplibregl.ExpressionSpecification = ['match', ['get', 'cls'], -1, '#f7f7f7', 0, RAMP[0]!, 1, RAMP[1]!, 2, RAMP[2]!, 3, RAMP[3]!, 4, RAMP[4]!, '#f7f7f7'];
    m.addLayer({ id: 'ward-fill', type: 'fill', source: 'wards', paint: { 'fill-color': rampExpr, 'fill-opacity': 0.8 } });
    const giExpr = ['match', ['get', 'class'], ...Object.entries({ ...GI_COLOURS, ...TREND_COLOURS }).flat(), 'rgba(0,0,0,0)'] as unknown as maplibregl.ExpressionSpecification;
    m.addLayer({ id: 'cell-fill', type: 'fill', source: 'cells', paint: { 'fill-color': giExpr, 'fill-opacity': 0.85 } });
    m.addLayer({ id: 'ward-line', type: 'line', source: 'wards', paint: { 'line-color': '#555', 'line-width': 0.6 } });
    m.addLayer({
      id: 'ward-selected',
      type: 'line',
      source: 'wards',
      paint: {
        'line-color': SELECTED,
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 0],
      },
    });
    m.on('click', 'ward-fill', (e) => {
      const code = e.features?.[0]?.properties?.code as string | undefined;
      if (code) this.onSelectWard(code);
    });
    m.on('mouseenter', 'ward-fill', () => (m.getCanvas().style.cursor = 'pointer'));
    m.on('mouseleave', 'ward-fill', () => (m.getCanvas().style.cursor = ''));
  }

  /** Shades the wards by value; `breaks` are the class upper bounds shown in the legend. */
  async setWards(areas: Areas, values: Map<string, number>, breaks: number[]): Promise<void> {
    await this.ready;
    const key = areas.features.map((f) => f.id).join(',');
    const data: Areas = {
      type: 'FeatureCollection',
      features: areas.features.map((f) => {
        const code = String(f.properties?.code);
        const value = values.get(code) ?? 0;
        return { ...f, properties: { ...f.properties, value, cls: classOf(value, breaks) } };
      }),
    };
    (this.map.getSource('wards') as maplibregl.GeoJSONSource).setData(data);
    if (key !== this.wardsKey) {
      this.wardsKey = key;
      this.labels.set(areas.features.map((f) => ({ code: String(f.properties?.code), name: String(f.properties?.name), at: pointOnFeature(f).geometry.coordinates as [number, number] })));
      if (areas.features.length > 0) {
        const [w, s, e, n] = bbox(areas);
        this.map.fitBounds([[w, s], [e, n]], { padding: 20, animate: false });
      }
    }
    this.applySelected();
  }

  /** The KDE surface as an image overlay (see shared/export/kdeRaster), or null to remove it. */
  async setKde(r: KdeRaster | null): Promise<void> {
    await this.ready;
    const m = this.map;
    if (m.getLayer('kde')) m.removeLayer('kde');
    if (m.getSource('kde')) m.removeSource('kde');
    if (this.kdeUrl) URL.revokeObjectURL(this.kdeUrl);
    this.kdeUrl = null;
    if (!r) return;
    const canvas = document.createElement('canvas');
    canvas.width = r.width;
    canvas.height = r.height;
    canvas.getContext('2d')!.putImageData(new ImageData(r.rgba as Uint8ClampedArray<ArrayBuffer>, r.width, r.height), 0, 0);
    const blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png'));
    if (!blob) return;
    this.kdeUrl = URL.createObjectURL(blob);
    m.addSource('kde', { type: 'image', url: this.kdeUrl, coordinates: r.corners });
    // Nearest-neighbour resampling keeps 150 m cells crisp instead of smearing them.
    m.addLayer({ id: 'kde', type: 'raster', source: 'kde', paint: { 'raster-opacity': 0.85, 'raster-resampling': 'nearest', 'raster-fade-duration': 0 } }, 'cell-fill');
  }

  /** Gi* or trend cells (WGS84 polygons with a `class` property), or null to clear. */
  async setCells(cells: FeatureCollection | null): Promise<void> {
    await this.ready;
    (this.map.getSource('cells') as maplibregl.GeoJSONSource).setData(cells ?? EMPTY);
    // Hot cells drawn over a red ward vanish; fade the ward shading while cells are shown.
    this.map.setPaintProperty('ward-fill', 'fill-opacity', cells ? 0.25 : 0.8);
  }

  select(code: string | null, fly = true): void {
    if (this.selected && this.map.getSource('wards')) this.map.setFeatureState({ source: 'wards', id: this.selected }, { selected: false });
    this.selected = code;
    this.applySelected();
    if (code && fly) this.labels.focus(code, this.map);
  }

  private applySelected(): void {
    if (this.selected && this.map.getSource('wards')) this.map.setFeatureState({ source: 'wards', id: this.selected }, { selected: true });
  }

  selectedWard(): string | null {
    return this.selected;
  }

  /** Screen position of a lon/lat, for tests and overlays. */
  project(lon: number, lat: number): { x: number; y: number } {
    const p = this.map.project([lon, lat]);
    return { x: p.x, y: p.y };
  }

  isIdle(): boolean {
    return this.map.loaded() && !this.map.isMoving() && this.map.areTilesLoaded();
  }

  background(): string {
    return BACKGROUND;
  }

  destroy(): void {
    this.labels.clear();
    this.map.remove();
  }
}

/** A read-only handle for end-to-end tests and accessibility tools: no data, no mutation beyond selection. */
function registerProbe(c: MapController): void {
  (window as unknown as { hotspotMap: unknown }).hotspotMap = {
    selectedWard: () => c.selectedWard(),
    project: (lon: number, lat: number) => c.project(lon, lat),
    isIdle: () => c.isIdle(),
    background: () => c.background(),
  };
}
