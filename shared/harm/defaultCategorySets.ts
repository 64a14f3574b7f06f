import type { CategorySet } from './categorySets';

/**
 * Default category sets. Both are editable; they are starting points, not definitions.
 *
 * Serious violence. police.uk categories are coarse: "Violence and sexual offences" lumps
 * homicide and GBH with common assault, harassment and sexual offences, so on police.uk data
 * the set is necessarily broad: Violence and sexual offences + Robbery + Possession of
 * weapons (the three categories that hold the Serious Violence Strategy's homicide, knife
 * and gun violence and robbery). On force extracts with Home Office offence codes it is
 * narrowed to the offences the Serious Violence Duty / Grip programme focus on: homicide
 * (1 murder, 4/1 manslaughter, 4/2 infanticide), attempted murder (2), threats to kill (3B),
 * serious wounding and endangering life (5A-5E, including s18 GBH with intent), GBH without
 * intent (8F, 8G racially/religiously aggravated), robbery (34A business, 34B personal),
 * kidnapping (36) and possession of weapons (10A firearms with intent, 10B firearms,
 * 10C other weapons, 10D article with blade or point).
 *
 * SOC-related. No category names organised crime; the closest police.uk proxies are
 * Drugs (supply dominates county-lines harm) and Possession of weapons (drug-market
 * violence). Robbery and Other crime are left out because most of their volume is
 * not SOC and would swamp the signal. With offence codes: trafficking in controlled drugs
 * (92A, supply/production), the weapons codes (10A-10D), modern slavery (106) and
 * kidnapping (36).
 *
 * Codes follow the Home Office Counting Rules classification as we understand it; forces
 * should check them against the HOCR version in their extract (they are matched after
 * normalising leading zeros, so "034B" = "34B").
 */
export const DEFAULT_CATEGORY_SETS: readonly CategorySet[] = [
  {
    id: 'serious-violence',
    label: 'Serious violence',
    description:
      'police.uk: Violence and sexual offences + Robbery + Possession of weapons (broad: police.uk categories are coarse). ' +
      'Offence codes: homicide, attempted murder, threats to kill, serious wounding/GBH, robbery, kidnapping, weapons.',
    rule: {
      categories: ['Violence and sexual offences', 'Robbery', 'Possession of weapons'],
      offenceCodes: ['1', '2', '3B', '4/1', '4/2', '5A', '5B', '5C', '5D', '5E', '8F', '8G', '34A', '34B', '36', '10A', '10B', '10C', '10D'],
      flags: ['knife-enabled', 'firearm-enabled'],
    },
  },
  {
    id: 'soc-related',
    label: 'SOC-related',
    description:
      'police.uk: Drugs + Possession of weapons (proxies; no category names organised crime). ' +
      'Offence codes: drug trafficking/supply, weapons, modern slavery, kidnapping.',
    rule: {
      categories: ['Drugs', 'Possession of weapons'],
      offenceCodes: ['92A', '10A', '10B', '10C', '10D', '106', '36'],
      flags: ['soc', 'county-lines', 'ocg', 'ocg-linked', 'usg-linked', 'ocg-usg-linked'],
    },
  },
  {
    id: 'knife-enabled',
    label: 'Knife-enabled (flag)',
    description: 'Records whose extract flags mark them knife-enabled (force extracts only; police.uk has no flags).',
    rule: { flags: ['knife-enabled', 'knife'] },
  },
];
