import * as maplibregl from 'maplibre-gl';

interface Label {
  code: string;
  name: string;
  at: [number, number];
}

/** Zoom from which ward names are shown; below it 124 labels overlap into noise. */
const LABEL_MIN_ZOOM = 10.5;

/** Ward name labels as HTML markers, since the offline style has no glyph server. */
export class WardLabels {
  private markers: maplibregl.Marker[] = [];
  private byCode = new Map<string, Label>();

  constructor(private readonly map: maplibregl.Map) {
    map.on('zoomend', () => this.updateVisibility());
  }

  set(labels: Label[]): void {
    this.clear();
    for (const l of labels) {
      this.byCode.set(l.code, l);
      const el = document.createElement('div');
      el.className = 'ward-label';
      el.textContent = l.name;
      el.setAttribute('aria-hidden', 'true');
      this.markers.push(new maplibregl.Marker({ element: el }).setLngLat(l.at).addTo(this.map));
    }
    this.updateVisibility();
  }

  focus(code: string, map: maplibregl.Map): void {
    const l = this.byCode.get(code);
    if (l) map.easeTo({ center: l.at, zoom: Math.max(map.getZoom(), 11), duration: 300 });
  }

  clear(): void {
    for (const m of this.markers) m.remove();
    this.markers = [];
    this.byCode.clear();
  }

  private updateVisibility(): void {
    const show = this.map.getZoom() >= LABEL_MIN_ZOOM;
    for (const m of this.markers) m.getElement().style.display = show ? '' : 'none';
  }
}
