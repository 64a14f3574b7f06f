import proj4 from 'proj4';

/**
 * OSGB36 / British National Grid with the 7-parameter Helmert shift to WGS84 (the EPSG:27700
 * definition as published by EPSG/PROJ). Accuracy is about 2-5 m, far below the snapping
 * police.uk applies and well inside a 150 m cell.
 */
export const EPSG_27700 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs +type=crs';

const toBng = proj4('EPSG:4326', EPSG_27700);

/** lon/lat (WGS84) -> [easting, northing] in metres. */
export function lonLatToBng(lon: number, lat: number): [number, number] {
  const [e, n] = toBng.forward<[number, number]>([lon, lat]);
  return [e, n];
}

/** [easting, northing] -> [lon, lat] (WGS84). */
export function bngToLonLat(easting: number, northing: number): [number, number] {
  const [lon, lat] = toBng.inverse<[number, number]>([easting, northing]);
  return [lon, lat];
}

/** Great Britain's grid extent: anything outside is not a BNG coordinate. */
export function isPlausibleBng(easting: number, northing: number): boolean {
  return easting >= 0 && easting <= 700000 && northing >= 0 && northing <= 1300000;
}
