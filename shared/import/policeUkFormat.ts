import type { SqlValue } from '../repository/db';
import { canonicalCrimeType, POLICE_UK_CRIME_TYPES } from './crimeTypes';
import { ContentKeys, idKey, numPart } from './dedupe';
import { reject, Tally, type FormatHandler, type HandlerContext, type RowRejection } from './formatHandler';
import { headerIndex, normaliseHeader } from './headers';
import { ownString } from './ownString';
import { parseMonth } from './monthParse';
import { Placer, readLonLat, type Placement } from './placement';
import { PoliceUkFastRows } from './policeUkFastRows';
import { CrimeSink } from '../repository/records/crimeSink';


/**
 * police.uk street-level crime. Unknown crime types are imported as written and reported as a
 * warning with their count and first line: police.uk has renamed categories over the years
 * (e.g. "Violent crime", "Public disorder and weapons" in older files), and dropping real
 * crimes would be worse than a category set that does not yet name them.
 */
/** Marks a cached crime type as unknown (a character no real type starts with). */
const UNKNOWN = '\u0000';

export function policeUkHandler(ctx: HandlerContext): FormatHandler {
  const idx = headerIndex(ctx.header);
  const col = (name: string): number => idx.get(normaliseHeader(name)) ?? -1;
  const name = (i: number, fallback: string): string => (i >= 0 ? ctx.header[i]! : fallback);
  const iId = col('Crime ID'), iMonth = col('Month'), iLon = col('Longitude'), iLat = col('Latitude');
  const iLoc = col('Location'), iLsoa = col('LSOA code'), iType = col('Crime type'), iOutcome = col('Last outcome category');
  const monthCol = name(iMonth, 'Month'), typeCol = name(iType, 'Crime type');
  const lonCol = name(iLon, 'Longitude'), latCol = name(iLat, 'Latitude');
  const keys = new ContentKeys('a');
  const unknownTypes = new Tally();
  const unplaced = new Tally();
  const get = (f: string[], i: number): string => (i >= 0 ? f[i] ?? '' : '');
  const monthCache = new Map<string, string | null>();
  const typeCache = new Map<string, string>();
  const placeCache = new Map<string, Placement>();

  const handler: FormatHandler = {
    format: 'police-uk',
    table: 'crimes',
    placement: null,
    placeText: null,
    row(f: string[], line: number): SqlValue[] | RowRejection {
      const monthText = get(f, iMonth);
      // A file holds a handful of distinct month texts: parse each once.
      let month = monthCache.get(monthText);
      if (month === undefined) {
        month = parseMonth(monthText);
        monthCache.set(ownString(monthText), month);
      }
      if (month === null) return reject(`expected a month such as 2018-05 (or Feb-25, 01/02/2025, 2025-02-01), found "${monthText}"`, monthCol);
      const rawType = get(f, iType);
      let type = typeCache.get(rawType);
      if (type === undefined) {
        const t = rawType.trim();
        type = t === '' ? '' : canonicalCrimeType(t) ?? UNKNOWN + t;
        typeCache.set(ownString(rawType), type);
      }
      if (type === '') return reject('crime type is empty', typeCol);
      if (type.charCodeAt(0) === 0) {
        type = type.slice(1);
        unknownTypes.add(type, line);
      }
      const lonText = get(f, iLon), latText = get(f, iLat), lsoa = get(f, iLsoa).trim();
      const location = get(f, iLoc).trim();
      // Most rows repeat a snap point seen before: look the whole place up by its text first,
      // before parsing numbers (one lookup, and the store reuses the same text's hash).
      const placeText = lonText + '\u001f' + latText + '\u001f' + location + '\u001f' + lsoa;
      let p = placeCache.get(placeText);
      if (!p) {
        const c = readLonLat(lonText, latText, lonCol, latCol);
        if (c.ok) {
          p = ctx.placer.fromLonLat(c.x, c.y);
          if (placeCache.size >= 500_000) placeCache.clear();
          placeCache.set(ownString(placeText), p);
        } else if (!c.missing) return reject(c.reason, c.column);
        else p = (lsoa && ctx.placer.fromLsoa(lsoa, month)) || Placer.NONE;
      }
      // An LSOA placement depends on the month too, so only coordinate places go by text.
      handler.placeText = p.placedBy === 'point' ? placeText : null;
      if (p.placedBy === 'none') unplaced.add(lsoa ? `unknown LSOA ${lsoa}` : 'no LSOA', line);
      const id = get(f, iId).trim();
      const key = id ? idKey('p', id) : keys.key([month, type, numPart(lonText), numPart(latText), location, lsoa]);
      handler.placement = p;
      const outcome = get(f, iOutcome).trim();
      return [
        ctx.importId, key, id || null, month, null, null, type, null,
        p.lon, p.lat, p.easting, p.northing, location || null, lsoa || null,
        p.ward, p.placedBy, p.outOfArea, outcome || null, null,
      ];
    },
    fastRows(sink, head, placeMemo, splitter) {
      // Comma-separated rows only; the reader takes ASCII rows (a byte is then a character in
      // every encoding read) and hands anything else to the text reader.
      if (!(sink instanceof CrimeSink) || head.delimiter !== ',') return null;
      // The place is read as one run of bytes: longitude, latitude, location and LSOA code in that order.
      // So are crime type and outcome.
      const all = [iId, iMonth, iLon, iType];
      if (all.some((i) => i < 0) || iLat !== iLon + 1 || iLoc !== iLon + 2 || iLsoa !== iLon + 3 || iOutcome !== iType + 1) return null;
      const cols = { width: ctx.header.length, id: iId, month: iMonth, lon: iLon, type: iType };
      // A new place by coordinates, exactly as row() places one (anything else goes through row()).
      const pointAt = (lonText: string, latText: string): Placement | null => {
        const c = readLonLat(lonText, latText, lonCol, latCol);
        return c.ok ? ctx.placer.fromLonLat(c.x, c.y) : null;
      };
      // With a splitter on another thread, it also places new points and keys rows without an ID.
      const layout = { cols, crlf: head.newline === '\r\n', handler: splitter ? { wardsId: ctx.wards.id, wards: ctx.wards.source, keyPrefix: keys.prefix } : undefined };
      return new PoliceUkFastRows({ layout, splitter, importId: ctx.importId, contentKeys: keys, store: sink, handler, pointAt, placeMemo });
    },
    warnings() {
      const w: string[] = [];
      for (const [t, { n, first }] of unknownTypes.entries()) {
        w.push(
          `Unknown crime type "${t}" on ${n} row${n === 1 ? '' : 's'} (first at line ${first}, column "${typeCol}"): ` +
            `imported as written. police.uk types are: ${POLICE_UK_CRIME_TYPES.join(', ')}.`,
        );
      }
      for (const [why, { n, first }] of unplaced.entries()) {
        w.push(
          `${n} row${n === 1 ? '' : 's'} without usable coordinates and ${why} (first at line ${first}): ` +
            'they have no ward: ward tables count them as "with no ward", never in a ward.',
        );
      }
      return w;
    },
  };
  return handler;
}
