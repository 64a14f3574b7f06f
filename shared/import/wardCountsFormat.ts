import type { SqlValue } from '../repository/db';
import { reject, Tally, type FormatHandler, type HandlerContext, type RowRejection } from './formatHandler';
import { normaliseHeader } from './headers';
import { ImportError } from './importError';
import { parseCount, parseDateTime, parseMonth } from './monthParse';

/** Which column holds what, found from header names. */
export interface WardCountColumns {
  wardCode: number;
  wardName: number;
  month: number;
  from: number;
  to: number;
  crimeType: number;
  count: number;
}

export function findWardCountColumns(header: readonly string[]): WardCountColumns {
  const n = header.map(normaliseHeader);
  const find = (...res: RegExp[]) => {
    for (const re of res) {
      const i = n.findIndex((h) => re.test(h));
      if (i >= 0) return i;
    }
    return -1;
  };
  return {
    wardCode: find(/^(ward)?(code|cd)$/, /^wd\d\dcd$/),
    wardName: find(/^ward(name|nm)?$/, /^wd\d\dnm$/),
    month: find(/^(month|period)$/),
    from: find(/^(period)?(from|start)(date)?$/),
    to: find(/^(period)?(to|end)(date)?$/),
    crimeType: find(/^(crime|offence)?(type|category)$/, /^offence$/),
    count: find(/^(count|crimes|number|n|total|offences)$/),
  };
}

const lastDay = (ym: string) => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return `${ym}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * Ward-level counts (ward code or name, month or date range, crime type, count). Wards are
 * matched to the project's layer by code, else by name ignoring case, punctuation and
 * "&"/"and"; a ward that matches nothing is a rejection naming the value. A month is stored as
 * its first and last day.
 */
export function wardCountsHandler(ctx: HandlerContext): FormatHandler {
  const c = findWardCountColumns(ctx.header);
  const missing: string[] = [];
  if (c.wardCode < 0 && c.wardName < 0) missing.push('ward code or ward name');
  if (c.month < 0 && (c.from < 0 || c.to < 0)) missing.push('month, or period from and to');
  if (c.crimeType < 0) missing.push('crime type');
  if (c.count < 0) missing.push('count');
  if (missing.length) {
    throw new ImportError(
      `${ctx.fileName} line 1: not a ward-counts header: missing ${missing.join('; ')} (found: ${ctx.header.join(', ')}). Nothing was imported.`,
      ctx.fileName, 1,
    );
  }
  const get = (f: string[], i: number): string => (i >= 0 ? (f[i] ?? '').trim() : '');
  const name = (i: number) => ctx.header[i];
  const byName = new Tally();

  const handler: FormatHandler = {
    format: 'ward-counts',
    table: 'ward_counts',
    placement: null,
    row(f: string[], line: number): SqlValue[] | RowRejection {
      const codeText = get(f, c.wardCode), nameText = get(f, c.wardName);
      let ward: string | null = null;
      if (codeText) ward = ctx.wards.size ? ctx.wards.resolve(codeText) : codeText;
      if (!ward && nameText) {
        ward = ctx.wards.resolve(nameText);
        if (ward) byName.add(nameText, line);
      }
      if (!ward) {
        const col = codeText ? c.wardCode : c.wardName;
        return reject(
          codeText || nameText
            ? `no ward with code or name "${codeText || nameText}" in the project's ward layer`
            : 'the ward is empty',
          name(col),
        );
      }
      let from: string | null, to: string | null;
      if (c.month >= 0 && get(f, c.month)) {
        const m = parseMonth(get(f, c.month));
        if (!m) return reject(`expected a month such as 2025-02, Feb-25 or 01/02/2025, found "${get(f, c.month)}"`, name(c.month));
        [from, to] = [`${m}-01`, lastDay(m)];
      } else {
        from = parseDateTime(get(f, c.from))?.slice(0, 10) ?? null;
        to = parseDateTime(get(f, c.to))?.slice(0, 10) ?? null;
        if (!from) return reject(`expected a start date such as 01/02/2025, found "${get(f, c.from)}"`, name(c.from >= 0 ? c.from : c.month));
        if (!to) return reject(`expected an end date such as 28/02/2025, found "${get(f, c.to)}"`, name(c.to >= 0 ? c.to : c.month));
        if (to < from) return reject(`the period ends (${to}) before it starts (${from})`, name(c.to));
      }
      const type = get(f, c.crimeType);
      if (!type) return reject('crime type is empty', name(c.crimeType));
      const countText = get(f, c.count);
      const count = parseCount(countText);
      if (count === null || count < 0) return reject(`expected a count such as 1234 or "1,234", found "${countText}"`, name(c.count));
      return [ctx.importId, `w${ward}|${from}|${to}|${type.toLowerCase()}`, ward, from, to, type, count];
    },
    warnings() {
      if (byName.size === 0) return [];
      const names = byName.entries().map(([n]) => `"${n}"`);
      return [`${names.length} ward name${names.length === 1 ? ' was' : 's were'} matched by name rather than code: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}.`];
    },
  };
  return handler;
}
