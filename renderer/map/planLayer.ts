import * as maplibregl from 'maplibre-gl';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { PLAN_CLASSES, PLAN_COLOURS } from '../../shared/legend/classes';
import { reportError } from '../ui/appEvents';

/**
 * A patrol plan on the map: numbered hotspot outlines over the Gi* cells one may pick from.
 * Kept apart from mapController (which calls attachPlanLayer once) so the Patrols tab owns
 * its layers; the tab talks to this module, never to maplibre.
 */
export interface PlanLayerData {
  hotspots: FeatureCollection;
  candidates: FeatureCollection | null;
  /** How the candidate cells were found, for the map legend. */
  legend: string;
}

/** What a click in pick mode hit: a candidate Gi* cell, a plan hotspot, or bare map. */
export interface PlanPick {
  lon: number;
  lat: number;
  cellId: string | null;
  hotspot: { id: string; unitId: string } | null;
}

export const PLAN_OUTLINE = PLAN_COLOURS.hotspotOutline;
export const PLAN_FILL = PLAN_COLOURS.hotspotFill;
export const CANDIDATE_OUTLINE = PLAN_COLOURS.candidate;
const [HOTSPOT_CLASS, CANDIDATE_CLASS] = PLAN_CLASSES as [(typeof PLAN_CLASSES)[number], (typeof PLAN_CLASSES)[number]];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

let map: maplibregl.Map | null = null;
let ready: Promise<void> = Promise.resolve();
let data: PlanLayerData | null = null;
let markers: maplibregl.Marker[] = [];
let pickHandler: ((p: PlanPick) => void) | null = null;
let fitPending = false;
let legendEl: HTMLElement | null = null;

/** Called once by the map controller; layers are added on top of its own when the map loads. */
export function attachPlanLayer(m: maplibregl.Map, loaded: Promise<void>): void {
  map = m;
  ready = loaded.then(() => {
    addLayers(m);
    m.on('styledata', () => holdWardOpacity(m));
  });
  m.on('click', (e) => {
    if (!pickHandler) return;
    const hits = m.queryRenderedFeatures(e.point, { layers: ['plan-candidates-fill', 'plan-fill'] });
    const cell = hits.find((f) => f.layer.id === 'plan-candidates-fill');
    const hs = hits.find((f) => f.layer.id === 'plan-fill');
    pickHandler({
      lon: e.lngLat.lng,
      lat: e.lngLat.lat,
      cellId: cell ? String(cell.properties.id) : null,
      hotspot: hs ? { id: String(hs.properties.id), unitId: String(hs.properties.unitId) } : null,
    });
  });
}

function addLayers(m: maplibregl.Map): void {
  // At street zoom the fills thin out so the streets inside a hotspot can be read; outlines stay.
  m.addSource('plan-candidates', { type: 'geojson', data: EMPTY });
  m.addSource('plan-hotspots', { type: 'geojson', data: EMPTY });
  m.addLayer({ id: 'plan-candidates-fill', type: 'fill', source: 'plan-candidates', paint: { 'fill-color': CANDIDATE_CLASS.fill, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 12, CANDIDATE_CLASS.fillOpacity, 16, 0.06] } });
  m.addLayer({ id: 'plan-candidates-line', type: 'line', source: 'plan-candidates', paint: { 'line-color': CANDIDATE_OUTLINE, 'line-width': 0.8, 'line-opacity': 0.7 } });
  m.addLayer({ id: 'plan-fill', type: 'fill', source: 'plan-hotspots', paint: { 'fill-color': HOTSPOT_CLASS.fill, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 12, HOTSPOT_CLASS.fillOpacity, 16, 0.12] } });
  m.addLayer({
    id: 'plan-line', type: 'line', source: 'plan-hotspots',
    paint: { 'line-color': PLAN_OUTLINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2, 14, 3.5] },
  });
  apply();
}

/** Ward shading while a plan is shown: a light veil, so the red candidate cells and the streets read. */
const PLAN_WARD_OPACITY: maplibregl.ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 10, 0.3, 12.5, 0.12];
/** The ward opacity the map controller last chose, put back when the plan is hidden. */
let wardOpacity: unknown = null;

/**
 * The map controller re-sets the ward opacity when cells or the basemap change; while a plan is
 * shown, keep ours and remember theirs.
 */
function holdWardOpacity(m: maplibregl.Map): void {
  if (!m.getLayer('ward-fill')) return;
  const now = m.getPaintProperty('ward-fill', 'fill-opacity');
  const ours = JSON.stringify(now) === JSON.stringify(PLAN_WARD_OPACITY);
  if (data && !ours) {
    wardOpacity = now ?? 0.8;
    m.setPaintProperty('ward-fill', 'fill-opacity', PLAN_WARD_OPACITY);
  } else if (!data && ours && wardOpacity !== null) {
    m.setPaintProperty('ward-fill', 'fill-opacity', wardOpacity as number);
    wardOpacity = null;
  }
}

function apply(): void {
  if (!map?.getSource('plan-hotspots')) return;
  holdWardOpacity(map);
  (map.getSource('plan-hotspots') as maplibregl.GeoJSONSource).setData(data?.hotspots ?? EMPTY).catch(reportError);
  (map.getSource('plan-candidates') as maplibregl.GeoJSONSource).setData(data?.candidates ?? EMPTY).catch(reportError);
  for (const mk of markers) mk.remove();
  markers = [];
  for (const f of data?.hotspots.features ?? []) {
    const p = f.properties as { rank: number; name: string; lon: number; lat: number };
    const el = document.createElement('div');
    el.className = 'plan-marker';
    el.textContent = String(p.rank);
    el.title = `${p.rank}. ${p.name}`;
    el.setAttribute('aria-hidden', 'true');
    markers.push(new maplibregl.Marker({ element: el }).setLngLat([p.lon, p.lat]).addTo(map));
  }
  updateLegend(map);
  if (fitPending && data && data.hotspots.features.length > 0) {
    fitPending = false;
    const [w, s, e, n] = bbox(data.hotspots);
    // Room for the ward legend (top left) and the plan legend (bottom right).
    map.fitBounds([[w, s], [e, n]], { padding: { top: 60, bottom: 120, left: 330, right: 60 }, maxZoom: 14, animate: false });
  }
}

/** Shows a plan (null hides it); `fit` zooms to its hotspots. */
export function showPlan(next: PlanLayerData | null, fit = false): void {
  data = next;
  fitPending = fit;
  void ready.then(apply);
}

/** True while map clicks pick cells, so they do not also select (and fly to) a ward. */
export function isPlanPicking(): boolean {
  return pickHandler !== null;
}

/** While set, map clicks are reported for hand-picking cells. */
export function onPlanPick(handler: ((p: PlanPick) => void) | null): void {
  pickHandler = handler;
  if (map) map.getCanvas().style.cursor = handler ? 'crosshair' : '';
}

/** A legend in the map's corner while a plan is shown (HTML: the offline style has no glyphs). */
function updateLegend(m: maplibregl.Map): void {
  if (!data) {
    legendEl?.remove();
    legendEl = null;
    return;
  }
  if (!legendEl) {
    legendEl = document.createElement('aside');
    legendEl.className = 'legend plan-legend';
    legendEl.setAttribute('aria-label', 'Plan legend');
    m.getContainer().parentElement?.append(legendEl);
  }
  legendEl.replaceChildren();
  const title = document.createElement('div');
  title.className = 'legend-title';
  title.textContent = `Patrol plan: ${data.hotspots.features.length} hotspots`;
  const list = document.createElement('ul');
  for (const { colour, muted: fill, label: text } of PLAN_CLASSES) {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = fill;
    sw.style.borderColor = colour;
    li.append(sw, document.createTextNode(` ${text}`));
    list.append(li);
  }
  const method = document.createElement('div');
  method.className = 'legend-method';
  method.textContent = data.legend;
  legendEl.append(title, list, method);
}

/** Brings a hotspot into view at street zoom (from the plan table). */
export function focusPlanHotspot(lon: number, lat: number): void {
  void ready.then(() => map?.easeTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 15), duration: 400 }));
}
