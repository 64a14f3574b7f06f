// The street-name tally moved to shared/hotspots so the map's cell names reuse it; re-exported for plans.
export { commonLocations } from '../hotspots/commonLocations';

/**
 * Officers must tell hotspots apart: a name shared by several hotspots gets its ward added,
 * and, if still shared, the hotspot's rank.
 */
export function distinctNames(names: string[], wards: (string | null)[], ranks: number[]): string[] {
  const tally = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const first = tally(names);
  const withWard = names.map((n, k) => (first.get(n)! > 1 && wards[k] && !n.includes(wards[k]) ? `${n}, ${wards[k]}` : n));
  const second = tally(withWard);
  return withWard.map((n, k) => (second.get(n)! > 1 ? `${n} (hotspot ${ranks[k]})` : n));
}
