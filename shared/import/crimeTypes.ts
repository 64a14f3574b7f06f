/** The police.uk street-crime categories (data.police.uk, current list). */
export const POLICE_UK_CRIME_TYPES = [
  'Anti-social behaviour', 'Bicycle theft', 'Burglary', 'Criminal damage and arson', 'Drugs',
  'Other crime', 'Other theft', 'Possession of weapons', 'Public order', 'Robbery',
  'Shoplifting', 'Theft from the person', 'Vehicle crime', 'Violence and sexual offences',
] as const;

const CANONICAL = new Map<string, string>(POLICE_UK_CRIME_TYPES.map((t) => [t.toLowerCase(), t]));

/** The official spelling of a known type (case-insensitive), or null for a type police.uk does not use. */
export function canonicalCrimeType(text: string): string | null {
  return CANONICAL.get(text.trim().toLowerCase().replace(/\s+/g, ' ')) ?? null;
}
