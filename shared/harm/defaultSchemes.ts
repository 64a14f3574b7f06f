/**
 * Harm schemes every new project starts with. The CCHI table is embedded here as data so
 * that shared/ never reads files; its origin:
 *   fixtures/cchi_weights_by_policeuk_category_west_yorkshire_cbl-realcrime.csv, transcribed
 *   from isthisben/cbl-realcrime data/cchi_weights_by_force_category.csv (commit 5591939d),
 *   itself derived from the Cambridge Crime Harm Index 2026 update (Cambridge Centre for
 *   Evidence-Based Policing): median CCHI days per Home Office PRC offence subgroup,
 *   volume-weighted over each police.uk category with West Yorkshire 2024/25 counts.
 * These are category AVERAGES, not the official per-offence index: indicative only, editable.
 */
export const COUNT_SCHEME_ID = 'count';
export const CCHI_CATEGORY_SCHEME_ID = 'cchi-category';
/** Schemes installDefaults seeds: compared with their installed table, and not deletable in the UI. */
export function isInstalledScheme(id: string): boolean {
  return id === COUNT_SCHEME_ID || id === CCHI_CATEGORY_SCHEME_ID;
}
export const CCHI_CATEGORY_LABEL = 'CCHI, derived category averages';

/**
 * Anti-social behaviour has no CCHI value (it is not a notifiable crime). We follow the
 * source repository and give it a floor of 1 day, the same as the lowest crime
 * (shoplifting): ASB then never outweighs any crime, yet it is counted rather than silently
 * weighted 0. Users who want ASB out of harm can use a category set or edit the weight.
 */
export const ASB_FLOOR_DAYS = 1;

export const CCHI_WEST_YORKSHIRE_BY_CATEGORY: Readonly<Record<string, number>> = {
  'Violence and sexual offences': 175.29,
  'Public order': 7.5,
  'Criminal damage and arson': 12.27,
  Shoplifting: 1.0,
  'Other theft': 2.0,
  'Vehicle crime': 5.0,
  Burglary: 246.39,
  Drugs: 3.46,
  'Theft from the person': 2.0,
  Robbery: 365.0,
  'Possession of weapons': 273.75,
  'Bicycle theft': 2.0,
  'Other crime': 10.0,
  'Anti-social behaviour': ASB_FLOOR_DAYS,
};

export const CCHI_CATEGORY_DESCRIPTION =
  'Cambridge Crime Harm Index days per police.uk category: volume-weighted averages of the median ' +
  'CCHI per Home Office offence subgroup, West Yorkshire 2024/25 volumes. Indicative only: police.uk ' +
  `categories are too coarse for the index. Anti-social behaviour has no CCHI and is given a floor of ${ASB_FLOOR_DAYS} day.`;

export const CCHI_CATEGORY_SOURCE =
  'isthisben/cbl-realcrime data/cchi_weights_by_force_category.csv (commit 5591939d), derived from the ' +
  'Cambridge Crime Harm Index 2026 update (Cambridge Centre for Evidence-Based Policing); ASB floor of 1 day as in that repository.';

export const COUNT_DESCRIPTION = 'Every record counts 1 (no harm weighting).';
