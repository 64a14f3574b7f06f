import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { KdeRaster } from '../../shared/export/kdeRaster';
import type { CellDetails } from '../engine/analysisApi';
import { MapController } from '../map/mapController';
import { BasemapControl } from '../map/BasemapControl';
import { CellPopup } from '../map/CellPopup';
import { cellRingFromId, ringTop } from '../map/cellRing';
import { useBasemap } from '../map/useBasemap';

/** A cell to inspect: from a map click (`at` is the clicked point) or a list row (`zoom`: bring it into view). */
export interface InspectRequest {
  id: string;
  at: [number, number] | null;
  zoom: boolean;
}

interface Props {
  areas: FeatureCollection<Polygon | MultiPolygon> | null;
  values: Map<string, number>;
  breaks: number[];
  selected: string | null;
  cells: FeatureCollection | null;
  kde: KdeRaster | null;
  onSelect(code: string | null): void;
  /** The inspected cell (popup open), or null. */
  inspect: InspectRequest | null;
  onInspect(req: InspectRequest | null): void;
  describeCell(id: string): Promise<CellDetails | null>;
  wardNames: Map<string, string>;
  /** Trend class of a cell when trends were run, or null. */
  trendOf(id: string): { label: string; note: string } | null;
  children?: React.ReactNode;
}

/** The React face of the map: one controller for the component's life, fed only on change. */
export function MapView({ areas, values, breaks, selected, cells, kde, onSelect, inspect, onInspect, describeCell, wardNames, trendOf, children }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onInspectRef = useRef(onInspect);
  onInspectRef.current = onInspect;
  const basemap = useBasemap();
  const firstBasemap = useRef(basemap.view);
  // The popup's DOM node lives as long as the map; React renders the popup's content into it.
  const popupNode = useMemo(() => document.createElement('div'), []);
  const [shown, setShown] = useState<{ id: string; details: CellDetails | null; loading: boolean; error: string | null } | null>(null);

  useEffect(() => {
    const c = new MapController(
      container.current!,
      (code) => onSelectRef.current(code),
      firstBasemap.current,
      (id, at) => onInspectRef.current({ id, at, zoom: false }),
      () => onInspectRef.current(null),
    );
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

  useEffect(() => {
    const c = controller.current;
    if (!inspect) {
      c?.closeCell();
      setShown(null);
      return;
    }
    let live = true;
    const open = (details: CellDetails | null, error: string | null) => {
      if (!live) return;
      setShown({ id: inspect.id, details, loading: false, error });
      const ring = details?.ring ?? cellRingFromId(inspect.id);
      if (!ring) return;
      void c?.showCell(inspect.id, ring, inspect.at ?? ringTop(ring), popupNode, inspect.zoom);
    };
    setShown({ id: inspect.id, details: null, loading: true, error: null });
    describeCell(inspect.id).then((d) => open(d, null), (e: Error) => open(null, e.message));
    return () => {
      live = false;
    };
  }, [inspect, describeCell, popupNode]);

  const ward = shown?.details ? wardNames.get(shown.details.ward) ?? shown.details.ward : null;
  return (
    <section className="map-pane" role="region" aria-label="Map">
      <div ref={container} className="map-canvas" />
      <BasemapControl {...basemap.control} />
      {children}
      {shown && createPortal(<CellPopup id={shown.id} details={shown.details} loading={shown.loading} error={shown.error} wardName={ward} trend={trendOf(shown.id)} />, popupNode)}
    </section>
  );
}
