import { LSOA11_TO_WARD, LSOA21_TO_WARD } from './lsoaWardLookup.generated';

export type LsoaVintage = 'lsoa11' | 'lsoa21';

let maps: { lsoa11: Map<string, string>; lsoa21: Map<string, string> } | undefined;

function unpack(packed: string): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i + 18 <= packed.length; i += 18) m.set(packed.slice(i, i + 9), packed.slice(i + 9, i + 18));
  return m;
}

function load() {
  maps ??= { lsoa11: unpack(LSOA11_TO_WARD), lsoa21: unpack(LSOA21_TO_WARD) };
  return maps;
}

/**
 * police.uk moved from 2011 to 2021 LSOA codes in its 2023 releases (unconfirmed cut-over;
 * files up to 2022 carry 2011 codes). Most codes exist in both vintages, so the record's month
 * decides which lookup is tried first; a code known only to the other vintage still resolves.
 */
export const LSOA21_FROM_MONTH = '2023-01';

/** Ward 2025 code for an LSOA code (West Yorkshire bundled lookups), with the vintage used. */
export function lsoaToWard(code: string, month: string | null): { ward: string; vintage: LsoaVintage } | null {
  const { lsoa11, lsoa21 } = load();
  const c = code.trim().toUpperCase();
  if (c === '') return null;
  const order: LsoaVintage[] = month !== null && month >= LSOA21_FROM_MONTH ? ['lsoa21', 'lsoa11'] : ['lsoa11', 'lsoa21'];
  for (const v of order) {
    const ward = (v === 'lsoa11' ? lsoa11 : lsoa21).get(c);
    if (ward) return { ward, vintage: v };
  }
  return null;
}
