import type { SqlValue } from '../repository/db';
import { ContentKeys, numPart } from './dedupe';
import { reject, Tally, type FormatHandler, type HandlerContext, type RowRejection } from './formatHandler';
import { headerIndex, normaliseHeader, STOP_SEARCH_COLUMNS } from './headers';
import { londonMonthOf, parseDateTime } from './monthParse';
import { Placer, readLonLat, type Placement } from './placement';

/** The police.uk columns kept as they are in stop_searches.record (JSON), beyond the typed columns. */
const RECORD_COLUMNS = [
  'Part of a policing operation', 'Policing operation', 'Gender', 'Age range', 'Self-defined ethnicity',
  'Officer-defined ethnicity', 'Outcome linked to object of search', 'Removal of more than just outer clothing',
] as const;

/**
 * police.uk stop-and-search. Dates are UTC instants; the month is the UK local month.
 * Records carry no id, so duplicates are found by a content key over every column.
 */
export function stopSearchHandler(ctx: HandlerContext): FormatHandler {
  const idx = headerIndex(ctx.header);
  const col = (name: string): number => idx.get(normaliseHeader(name)) ?? -1;
  const get = (f: string[], i: number): string => (i >= 0 ? (f[i] ?? '').trim() : '');
  const iType = col('Type'), iDate = col('Date'), iLat = col('Latitude'), iLon = col('Longitude');
  const iLeg = col('Legislation'), iObj = col('Object of search'), iOutcome = col('Outcome');
  const record = RECORD_COLUMNS.map((c) => ({ c, i: col(c) })).filter((x) => x.i >= 0);
  const known = new Set<number>(STOP_SEARCH_COLUMNS.map(col));
  const extra = ctx.header.map((h, i) => ({ c: h, i })).filter((x) => !known.has(x.i));
  const keys = new ContentKeys('s');
  const unplaced = new Tally();

  const handler: FormatHandler = {
    format: 'stop-search',
    table: 'stop_searches',
    placement: null,
    row(f: string[], line: number): SqlValue[] | RowRejection {
      const dateText = get(f, iDate);
      // police.uk writes 2021-08-01T00:00:00+00:00; a spreadsheet round trip gives local 01/08/2021 00:00.
      const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(dateText);
      const local = hasZone ? null : parseDateTime(dateText);
      const month = hasZone ? londonMonthOf(dateText) : local ? local.slice(0, 7) : null;
      if (!month) return reject(`expected a date-time such as 2021-08-01T00:00:00+00:00, found "${dateText}"`, ctx.header[iDate]);
      const c = readLonLat(get(f, iLon), get(f, iLat), ctx.header[iLon]!, ctx.header[iLat]!);
      if (!c.ok && !c.missing) return reject(c.reason, c.column);
      const p: Placement = c.ok ? ctx.placer.fromLonLat(c.x, c.y) : Placer.NONE;
      if (!c.ok) unplaced.add('', line);
      const rec: Record<string, string> = {};
      for (const { c: name, i } of record) rec[name] = get(f, i);
      for (const { c: name, i } of extra) rec[name] = get(f, i);
      const key = keys.key(f.map((v, i) => (i === iLat || i === iLon ? numPart(v) : v.trim())));
      handler.placement = p;
      return [
        ctx.importId, key, hasZone ? dateText : local, month, get(f, iType) || null,
        p.lon, p.lat, p.easting, p.northing, p.ward, p.placedBy, p.outOfArea,
        get(f, iLeg) || null, get(f, iObj) || null, get(f, iOutcome) || null, JSON.stringify(rec),
      ];
    },
    warnings() {
      const w: string[] = [];
      for (const [, { n, first }] of unplaced.entries()) {
        w.push(`${n} search${n === 1 ? '' : 'es'} without coordinates (first at line ${first}): they have no ward: ward tables count them as "with no ward", never in a ward.`);
      }
      return w;
    },
  };
  return handler;
}
