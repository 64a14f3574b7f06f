import type { SqlValue } from '../repository/db';
import { ContentKeys, idKey, numPart } from './dedupe';
import type { ExtractMapping } from './extractMapping';
import { reject, Tally, type FormatHandler, type HandlerContext, type RowRejection } from './formatHandler';
import { headerIndex, normaliseHeader } from './headers';
import { parseDateTime, parseMonth } from './monthParse';
import { Placer, readBng, readLonLat, type CoordResult, type Placement } from './placement';

const YES = /^(y|yes|true|t|1|x)$/i;
const NO = /^(n|no|false|f|0|)$/i;

/**
 * A force extract mapped by the user (ExtractMapping). Placement order: the record's own
 * coordinates, then its ward field, then its LSOA, else no ward (placed_by 'none').
 * Flags are stored as a JSON object of the flags that are set, e.g. {"knife_enabled":true}.
 */
export function extractHandler(ctx: HandlerContext): FormatHandler {
  const m = ctx.mapping as ExtractMapping;
  const idx = headerIndex(ctx.header);
  const col = (name: string | undefined): number => (name ? idx.get(normaliseHeader(name)) ?? -1 : -1);
  const get = (f: string[], i: number): string => (i >= 0 ? (f[i] ?? '').trim() : '');
  const iRef = col(m.crimeRef), iCode = col(m.offenceCode), iType = col(m.crimeType);
  const iFrom = col(m.committedFrom), iTo = col(m.committedTo), iMonth = col(m.month);
  const loc = m.location;
  const iX = col(loc?.kind === 'lonlat' ? loc.lon : loc?.easting), iY = col(loc?.kind === 'lonlat' ? loc.lat : loc?.northing);
  const iWardCode = col(m.wardCode), iWardName = col(m.wardName), iLsoa = col(m.lsoa);
  const iLoc = col(m.locationText), iOutcome = col(m.outcome);
  const flags = Object.entries(m.flags ?? {}).map(([name, c]) => ({ name, i: col(c), column: c }));
  const keys = new ContentKeys('c');
  const unknownWards = new Tally();
  const unplaced = new Tally();

  const handler: FormatHandler = {
    format: 'extract',
    table: 'crimes',
    placement: null,
    mappingJson: JSON.stringify(m),
    row(f: string[], line: number): SqlValue[] | RowRejection {
      const type = get(f, iType), code = get(f, iCode);
      if (!type && !code) return reject('neither an offence code nor a crime type is given', m.crimeType ?? m.offenceCode);
      let from: string | null = null, to: string | null = null;
      const fromText = get(f, iFrom), toText = get(f, iTo);
      if (fromText) {
        from = parseDateTime(fromText);
        if (!from) return reject(`expected a date such as 01/02/2025 13:45 or 2025-02-01T13:45, found "${fromText}"`, m.committedFrom);
      }
      if (toText) {
        to = parseDateTime(toText);
        if (!to) return reject(`expected a date such as 01/02/2025 13:45 or 2025-02-01T13:45, found "${toText}"`, m.committedTo);
        if (from && to < from) return reject(`committed to (${to}) is before committed from (${from})`, m.committedTo);
      }
      let month = from ? from.slice(0, 7) : null;
      if (!month) {
        const monthText = get(f, iMonth);
        month = parseMonth(monthText);
        if (!month) {
          return reject(
            iMonth >= 0 ? `expected a month such as 2025-02 or Feb-25, found "${monthText}"` : 'the committed-from date is empty',
            m.month ?? m.committedFrom,
          );
        }
      }
      const flagObj: Record<string, true> = {};
      for (const fl of flags) {
        const v = get(f, fl.i);
        if (YES.test(v)) flagObj[fl.name] = true;
        else if (!NO.test(v)) return reject(`expected yes/no (Y, N, Yes, No, True, False, 1, 0 or blank), found "${v}"`, fl.column);
      }
      const xText = get(f, iX), yText = get(f, iY);
      let c: CoordResult = { ok: false, missing: true };
      if (loc?.kind === 'lonlat') c = readLonLat(xText, yText, loc.lon, loc.lat);
      else if (loc?.kind === 'bng') c = readBng(xText, yText, loc.easting, loc.northing);
      if (!c.ok && !c.missing) return reject(c.reason, c.column);
      const lsoa = get(f, iLsoa);
      let p: Placement | null = null;
      if (c.ok) p = loc?.kind === 'bng' ? ctx.placer.fromBng(c.x, c.y) : ctx.placer.fromLonLat(c.x, c.y);
      if (!p) {
        const ward = get(f, iWardCode) || get(f, iWardName);
        if (ward) {
          p = ctx.placer.fromWardField(ward);
          if (!p) unknownWards.add(ward, line);
        }
      }
      if (!p && lsoa) p = ctx.placer.fromLsoa(lsoa, month);
      if (!p) {
        p = Placer.NONE;
        unplaced.add('', line);
      }
      const ref = get(f, iRef);
      const location = get(f, iLoc);
      const key = ref
        ? idKey('x', ref)
        : keys.key([from ?? month, to ?? '', type.toLowerCase(), code, numPart(xText), numPart(yText), location, lsoa, get(f, iWardCode), get(f, iWardName)]);
      handler.placement = p;
      const flagKeys = Object.keys(flagObj);
      return [
        ctx.importId, key, ref || null, month, from, to, type || null, code || null,
        p.lon, p.lat, p.easting, p.northing, location || null, lsoa || null,
        p.ward, p.placedBy, p.outOfArea, get(f, iOutcome) || null, flagKeys.length ? JSON.stringify(flagObj) : null,
      ];
    },
    warnings() {
      const w: string[] = [];
      for (const [ward, { n, first }] of unknownWards.entries()) {
        w.push(`Ward "${ward}" on ${n} row${n === 1 ? '' : 's'} (first at line ${first}) matches no ward of the project's layer by code or name.`);
      }
      for (const [, { n, first }] of unplaced.entries()) {
        w.push(`${n} row${n === 1 ? '' : 's'} had no usable location, ward or LSOA (first at line ${first}): imported with no ward (placed_by 'none').`);
      }
      return w;
    },
  };
  return handler;
}
