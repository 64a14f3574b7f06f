import { useEffect, useRef } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { KdeRaster } from '../../shared/export/kdeRaster';
import { MapController } from '../map/mapController';
import { BasemapControl } from '../map/BasemapControl';
import { useBasemap } from '../map/useBasemap';

interface Props {
  areas: FeatureCollection<Polygon | MultiPolygon> | null;
  values: Map<string, number>;
  breaks: number[];
  selected: string | null;
  cells: FeatureCollection | null;
  kde: KdeRaster | null;
  onSelect(code: string | null): void;
  children?: React.ReactNode;
}

/** The React face of the map: one controller for the component's life, fed only on change. */
export function MapView({ areas, values, breaks, selected, cells, kde, onSelect, children }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const basemap = useBasemap();
  const firstBasemap = useRef(basemap.view);

  useEffect(() => {
    const c = new MapController(container.current!, (code) => onSelectRef.current(code), firstBasemap.current);
    controller.current = c;
    return () => {
      c.destroy();
      controller.current = null;
    };
  }, []);

  useEffect(() => {
    if (areas) void controller.current?.setWards(areas, values, breaks);
  }, [areas, values, breaks]);

  useEffect(() => {
    void controller.current?.setCells(cells);
  }, [cells]);

  useEffect(() => {
    void controller.current?.setKde(kde);
  }, [kde]);

  useEffect(() => {
    controller.current?.select(selected);
  }, [selected]);

  useEffect(() => {
    if (basemap.view !== firstBasemap.current) void controller.current?.setBasemap(basemap.view);
  }, [basemap.view]);

  return (
    <section className="map-pane" role="region" aria-label="Map">
      <div ref={container} className="map-canvas" />
      <BasemapControl {...basemap.control} />
      {children}
    </section>
  );
}
