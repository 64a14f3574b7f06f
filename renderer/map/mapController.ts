import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { attachPlanLayer } from './planLayer';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bbox } from '@turf/turf';
import type { KdeRaster } from '../../shared/export/kdeRaster';
import { BASEMAP_BACKGROUND, BASEMAP_SOURCE, basemapLayers, basemapSource, offlineStyle } from './basemapStyle';
import type { BasemapView } from './basemapSettings';
import { classOf } from './classBreaks';
import { GI_CLASSES } from '../../shared/legend/classes';
import { BACKGROUND, SELECTED, cellColourExpression, wardColourExpression } from './mapStyle';
import { WARD_LABEL_LAYER, WARD_LABEL_SOURCE, wardLabelLayer, wardLabelPoints } from './wardLabels';
import { reportError } from '../ui/appEvents';

maplibregl.setWorkerUrl(workerUrl);

/** True only in the build the end-to-end tests serve (vite.config.ts); the shipped app has no test hook. */
declare const __TEST_HOOKS__: boolean;

type Areas = FeatureCollection<Polygon | MultiPolygon>;

/** Pixels below the map's middle where a cell chosen from a list is placed (its popup opens above it). */
export const CELL_POPUP_OFFSET = 100;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Owns the maplibre map: sources, layers, feature state. React owns panels and state and
 * calls in here only when data really changed (the placemark pattern).
 */
export class MapController {
  private readonly map: maplibregl.Map;
  private readonly ready: Promise<void>;
  private labelAt = new Map<string, [number, number]>();
  private basemap: BasemapView;
  private selected: string | null = null;
  private wardsKey = '';
  private kdeUrl: string | null = null;
  /** Bumped by every setKde call: only the latest call may touch the map, so overlapping calls neither throw nor draw a stale surface. */
  private kdeVersion = 0;

  private popup: maplibregl.Popup | null = null;
  private inspected: string | null = null;

  /**
   * `onInspectCell` hears a click on a drawn cell (its id and the clicked point); a click
   * elsewhere on a ward selects the ward. `onPopupClosed` hears the user closing the cell popup.
   */
  constructor(
    container: HTMLElement,
    private readonly onSelectWard: (code: string | null) => void,
    basemap: BasemapView,
    private readonly onInspectCell: (id: string, at: [number, number]) => void = () => undefined,
    private readonly onPopupClosed: () => void = () => undefined,
  ) {
    this.basemap = basemap;
    this.map = new maplibregl.Map({
      container,
      style: offlineStyle(basemap.assetBase, BACKGROUND, basemapSource(basemap.source), basemap.visible),
      center: [-1.7, 53.75],
      zoom: 9,
      // Street zoom: 150 m cells are about 100 px wide at 17; tiles stop at 14 and are overzoomed.
      maxZoom: 18,
      attributionControl: { compact: true, customAttribution: 'Boundaries: ONS, OGL v3. Crime: police.uk, OGL v3.' },
      canvasContextAttributes: { preserveDrawingBuffer: true },
      // The enclosing section is the landmark named "Map"; the canvas gets its own name.
      locale: { 'Map.Title': 'Ward map canvas (use the Wards table for keyboard selection)' },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.ready.then(() => this.addLayers());
    attachPlanLayer(this.map, this.ready);
    if (__TEST_HOOKS__) registerProbe(this);
  }

  /** The first basemap label layer: our fills and lines go under it, so street names stay on top. */
  private firstBasemapSymbol(): string | undefined {
    return this.map.getStyle().layers.find((l) => l.type === 'symbol' && 'source' in l && l.source === BASEMAP_SOURCE)?.id;
  }

  private addLayers(): void {
    const m = this.map;
    m.addSource('wards', { type: 'geojson', data: EMPTY, promoteId: 'code' });
    m.addSource('cells', { type: 'geojson', data: EMPTY });
    m.addSource(WARD_LABEL_SOURCE, { type: 'geojson', data: EMPTY });
    m.addSource('inspected', { type: 'geojson', data: EMPTY });
    const under = this.firstBasemapSymbol();
    const addLayer = m.addLayer.bind(m);
    const addUnder = (layer: maplibregl.AddLayerObject) => addLayer(layer, under);
    const rampExpr = wardColourExpression();
    addUnder({ id: 'ward-fill', type: 'fill', source: 'wards', paint: { 'fill-color': rampExpr, 'fill-opacity': this.wardOpacity(false) } });
    const giExpr = cellColourExpression();
    addUnder({ id: 'cell-fill', type: 'fill', source: 'cells', paint: { 'fill-color': giExpr, 'fill-opacity': this.cellOpacity() } });
    // At street zoom the fill thins out so the streets in a cell can be read; the cell's edge keeps it a cell.
    addUnder({ id: 'cell-line', type: 'line', source: 'cells', minzoom: 13, paint: { 'line-color': giExpr, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.5, 16, 2] } });
    addUnder({ id: 'ward-line', type: 'line', source: 'wards', paint: { 'line-color': '#3d4650', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 14, 1.6] } });
    addUnder({
      id: 'ward-selected',
      type: 'line',
      source: 'wards',
      paint: {
        'line-color': SELECTED,
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 0],
      },
    });
    // The inspected cell's outline, over everything but labels, so it reads on any class colour.
    addUnder({ id: 'cell-inspected', type: 'line', source: 'inspected', paint: { 'line-color': SELECTED, 'line-width': 3 } });
    addLayer(wardLabelLayer());
    // One click handler: a drawn cell is inspected; only a click beside the cells selects the ward.
    m.on('click', (e) => {
      if (!m.getLayer('cell-fill')) return;
      const cell = m.queryRenderedFeatures(e.point, { layers: ['cell-fill'] })[0];
      const id = cell?.properties?.id as string | undefined;
      if (id) return this.onInspectCell(id, [e.lngLat.lng, e.lngLat.lat]);
      const code = m.queryRenderedFeatures(e.point, { layers: ['ward-fill'] })[0]?.properties?.code as string | undefined;
      if (code) this.onSelectWard(code);
    });
    m.on('mousemove', (e) => {
      if (!m.getLayer('cell-fill')) return;
      const hit = m.queryRenderedFeatures(e.point, { layers: ['cell-fill', 'ward-fill'] }).length > 0;
      m.getCanvas().style.cursor = hit ? 'pointer' : '';
    });
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
    (this.map.getSource('wards') as maplibregl.GeoJSONSource).setData(data).catch(reportError);
    if (key !== this.wardsKey) {
      this.wardsKey = key;
      const points = wardLabelPoints(areas);
      this.labelAt = new Map(points.features.map((p) => [p.properties.code, p.geometry.coordinates as [number, number]]));
      (this.map.getSource(WARD_LABEL_SOURCE) as maplibregl.GeoJSONSource).setData(points).catch(reportError);
      if (areas.features.length > 0) {
        const [w, s, e, n] = bbox(areas);
        this.map.fitBounds([[w, s], [e, n]], { padding: 20, animate: false });
      }
    }
    this.applySelected();
  }

  /** The KDE surface as an image overlay (see shared/export/kdeRaster), or null to remove it. */
  async setKde(r: KdeRaster | null): Promise<void> {
    const version = ++this.kdeVersion;
    await this.ready;
    let blob: Blob | null = null;
    if (r) {
      const canvas = document.createElement('canvas');
      canvas.width = r.width;
      canvas.height = r.height;
      canvas.getContext('2d')!.putImageData(new ImageData(r.rgba as Uint8ClampedArray<ArrayBuffer>, r.width, r.height), 0, 0);
      blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png'));
    }
    // A later call (e.g. the box unticked while this image was encoding) wins; no await below.
    if (version !== this.kdeVersion) return;
    const m = this.map;
    if (m.getLayer('kde')) m.removeLayer('kde');
    if (m.getSource('kde')) m.removeSource('kde');
    if (this.kdeUrl) URL.revokeObjectURL(this.kdeUrl);
    this.kdeUrl = null;
    if (!r || !blob) return;
    this.kdeUrl = URL.createObjectURL(blob);
    m.addSource('kde', { type: 'image', url: this.kdeUrl, coordinates: r.corners });
    // Nearest-neighbour resampling keeps 150 m cells crisp instead of smearing them. Over the cell
    // fills (the surface peaks where the hot cells are, and would be hidden under them), under
    // the cell outlines, which keep the Gi* classes readable at street zoom.
    m.addLayer({ id: 'kde', type: 'raster', source: 'kde', paint: { 'raster-opacity': 0.8, 'raster-resampling': 'nearest', 'raster-fade-duration': 0 } }, 'cell-line');
  }

  /** Gi* or trend cells (WGS84 polygons with a `class` property), or null to clear. */
  async setCells(cells: FeatureCollection | null): Promise<void> {
    await this.ready;
    (this.map.getSource('cells') as maplibregl.GeoJSONSource).setData(cells ?? EMPTY).catch(reportError);
    // Hot cells drawn over a red ward vanish; fade the ward shading while cells are shown.
    this.cellsShown = cells !== null;
    this.cells = cells;
    this.map.setPaintProperty('ward-fill', 'fill-opacity', this.wardOpacity(this.cellsShown));
  }

  private cellsShown = false;
  private cells: FeatureCollection | null = null;

  /**
   * Shows `content` in a popup at `at`, outlines the cell `ring` (WGS84) and, with `zoom`, brings
   * the cell to street zoom first (a row of the hot-cell list was chosen).
   */
  async showCell(id: string, ring: [number, number][], at: [number, number], content: HTMLElement, zoom: boolean): Promise<void> {
    await this.ready;
    const m = this.map;
    this.inspected = id;
    (m.getSource('inspected') as maplibregl.GeoJSONSource).setData({ type: 'Feature', properties: { id }, geometry: { type: 'Polygon', coordinates: [ring] } }).catch(reportError);
    if (zoom) {
      const [w, s, e, n] = bbox({ type: 'Polygon', coordinates: [ring] });
      // The cell sits below the middle, so the popup above it stays on screen.
      m.easeTo({ center: [(w + e) / 2, (s + n) / 2], zoom: Math.max(m.getZoom(), 16), duration: 400, offset: [0, CELL_POPUP_OFFSET] });
    }
    const old = this.popup;
    this.popup = null;
    old?.remove();
    const popup = new maplibregl.Popup({ closeButton: true, closeOnClick: false, maxWidth: '340px', className: 'cell-popup-frame', focusAfterOpen: false, anchor: zoom ? 'bottom' : undefined })
      .setLngLat(at)
      .setDOMContent(content)
      .addTo(m);
    popup.on('close', () => {
      if (this.popup !== popup) return; // replaced by another cell, not closed by the user
      this.popup = null;
      this.clearInspected();
      this.onPopupClosed();
    });
    this.popup = popup;
  }

  /** Closes the popup and the outline (a new analysis, or the layer went away). */
  closeCell(): void {
    const p = this.popup;
    this.popup = null;
    p?.remove();
    this.clearInspected();
  }

  private clearInspected(): void {
    this.inspected = null;
    this.map.getSource<maplibregl.GeoJSONSource>('inspected')?.setData(EMPTY).catch(reportError);
  }

  inspectedCell(): string | null {
    return this.popup ? this.inspected : null;
  }

  view(): { lon: number; lat: number; zoom: number } {
    const c = this.map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: this.map.getZoom() };
  }

  /** Centre of the hottest drawn cell (99% first), for tests that look at a hot spot up close. */
  hotCellCentre(): [number, number] | null {
    for (const cls of GI_CLASSES.filter((g) => g.code > 0).map((g) => g.key)) {
      const f = this.cells?.features.find((c) => c.properties?.class === cls);
      if (f) {
        const [w, s, e, n] = bbox(f);
        return [(w + e) / 2, (s + n) / 2];
      }
    }
    return null;
  }

  /**
   * At county zoom the ward shading is the map, as without a basemap; then it
   * thins from zoom 10 to 12.5 so that at street zoom the streets under it read clearly. Wards with none (class -1)
   * keep a veil of the legend's "0" colour, to tell them from land outside the force.
   */
  private wardOpacity(cells: boolean): maplibregl.DataDrivenPropertyValueSpecification<number> {
    if (!this.basemap.visible) return cells ? 0.25 : 0.8;
    const zero: maplibregl.ExpressionSpecification = ['==', ['get', 'cls'], -1];
    // Solid "0" at county zoom, so an empty ward reads as the legend's 0 and not as farmland.
    const county: maplibregl.ExpressionSpecification = ['case', zero, cells ? 0.25 : 1, cells ? 0.25 : 0.8];
    const street: maplibregl.ExpressionSpecification = ['case', zero, cells ? 0.1 : 0.2, cells ? 0.1 : 0.3];
    // At street zoom the ward shading has done its job (the outline stays): it fades out so the
    // streets and the cells read in their own colours.
    return ['interpolate', ['linear'], ['zoom'], 10, county, 12.5, street, 15, 0];
  }

  /** Cells are solid at county zoom, where they are specks, and let the streets through at street zoom. */
  private cellOpacity(): maplibregl.PropertyValueSpecification<number> {
    // At street zoom a hot cell is a tint with a strong edge (cell-line), so the streets inside it can be read.
    return this.basemap.visible ? ['interpolate', ['linear'], ['zoom'], 12, 0.85, 15, 0.35] : 0.85;
  }

  /**
   * Shows, hides or re-points the street basemap. A new tile source means new layers (maplibre
   * cannot swap a source's tiles), re-added under the app's layers and labels.
   */
  async setBasemap(next: BasemapView): Promise<void> {
    await this.ready;
    const m = this.map;
    const prev = this.basemap;
    this.basemap = next;
    const layers = basemapLayers();
    if (prev.source.tiles !== next.source.tiles || prev.source.maxzoom !== next.source.maxzoom || JSON.stringify(prev.source.bounds) !== JSON.stringify(next.source.bounds)) {
      for (const l of layers) if (m.getLayer(l.id)) m.removeLayer(l.id);
      m.removeSource(BASEMAP_SOURCE);
      m.addSource(BASEMAP_SOURCE, basemapSource(next.source));
      for (const l of layers) m.addLayer(l, l.type === 'symbol' ? WARD_LABEL_LAYER : 'ward-fill');
    }
    const visibility = next.visible ? 'visible' : 'none';
    for (const l of layers) m.setLayoutProperty(l.id, 'visibility', visibility);
    m.setPaintProperty('background', 'background-color', next.visible ? BASEMAP_BACKGROUND : BACKGROUND);
    m.setPaintProperty('ward-fill', 'fill-opacity', this.wardOpacity(this.cellsShown));
    m.setPaintProperty('cell-fill', 'fill-opacity', this.cellOpacity());
  }

  select(code: string | null, fly = true): void {
    if (this.selected && this.map.getSource('wards')) this.map.setFeatureState({ source: 'wards', id: this.selected }, { selected: false });
    this.selected = code;
    this.applySelected();
    const at = code ? this.labelAt.get(code) : undefined;
    if (at && fly) this.map.easeTo({ center: at, zoom: Math.max(this.map.getZoom(), 11), duration: 300 });
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

  /** Whether a KDE surface is on the map (test hook). */
  hasKde(): boolean {
    return Boolean(this.map.getLayer('kde'));
  }

  background(): string {
    return this.basemap.visible ? BASEMAP_BACKGROUND : BACKGROUND;
  }

  /** Names the basemap has placed on screen (street, place and water labels), for tests. */
  basemapLabels(): string[] {
    const ids = basemapLayers().filter((l) => l.type === 'symbol').map((l) => l.id).filter((id) => this.map.getLayer(id));
    const names = this.map.queryRenderedFeatures({ layers: ids }).map((f) => f.properties?.['name:latin'] as string | undefined);
    return [...new Set(names.filter((n): n is string => typeof n === 'string'))];
  }

  /** Ward names maplibre has placed on screen, for tests. */
  wardLabels(): string[] {
    if (!this.map.getLayer(WARD_LABEL_LAYER)) return [];
    return [...new Set(this.map.queryRenderedFeatures({ layers: [WARD_LABEL_LAYER] }).map((f) => String(f.properties?.name)))];
  }

  /** Moves the view (tests and "zoom to" actions). */
  jumpTo(lon: number, lat: number, zoom: number): void {
    this.map.jumpTo({ center: [lon, lat], zoom });
  }

  destroy(): void {
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
    jumpTo: (lon: number, lat: number, zoom: number) => c.jumpTo(lon, lat, zoom),
    hotCellCentre: () => c.hotCellCentre(),
    inspectedCell: () => c.inspectedCell(),
    view: () => c.view(),
    basemapLabels: () => c.basemapLabels(),
    wardLabels: () => c.wardLabels(),
    hasKde: () => c.hasKde(),
  };
}
