import { CCHI_CATEGORY_SCHEME_ID } from '../harm/defaultSchemes';

const slug = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'unnamed';

/**
 * A file name that says what the file holds, e.g. `ward-harm_cchi_serious-violence_2013-12-to-2014-11.xlsx`:
 * what, harm scheme, category set (or all-records) and period, so a folder of exports reads
 * without opening them.
 */
export function exportFileName(what: string, o: { schemeId: string; categorySet: string | null; from: string | null; to: string | null }, ext: string): string {
  const scheme = o.schemeId === CCHI_CATEGORY_SCHEME_ID ? 'cchi' : slug(o.schemeId);
  const period = o.from && o.to ? (o.from === o.to ? o.from : `${o.from}-to-${o.to}`) : 'all-months';
  return `${slug(what)}_${scheme}_${o.categorySet ? slug(o.categorySet) : 'all-records'}_${period}.${ext}`;
}
