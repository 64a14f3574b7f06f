import type { HotspotChoice } from './types';

/** A unit (grid cell or LSOA) that may become a hotspot, with its basis-period figures. */
export interface Candidate {
  id: string;
  count: number;
  harm: number;
  /** Gi* z of the cell (highest among an LSOA's cells); null when not computed. */
  giZ: number | null;
  /** Passes the Gi* rule of the choice (always true when the rule is off). */
  hot: boolean;
  /** BNG centre, metres. */
  e: number;
  n: number;
  districtCode: string | null;
}

export interface Chosen {
  candidate: Candidate;
  chosenBy: 'rank' | 'hand';
}

export interface UnitChoice {
  chosen: Chosen[];
  /** Units that passed the rules (harm > 0, Gi* rule, not removed by hand). */
  eligible: number;
  /** The quota per district actually asked for (district code -> number), when there is one. */
  quotas: Map<string, number> | null;
  warnings: string[];
}

/** Harm first, then count, then id: a total order, so the same data always gives the same choice. */
export function byRank(a: Candidate, b: Candidate): number {
  return b.harm - a.harm || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Largest-remainder (Hamilton) apportionment of `total` hotspots over districts in
 * proportion to their harm; ties on the remainder go to the district with more harm, then
 * the lower code, so the split is reproducible.
 */
export function apportion(total: number, harmByDistrict: Map<string, number>): Map<string, number> {
  const codes = [...harmByDistrict.keys()].sort();
  const sum = codes.reduce((s, c) => s + Math.max(0, harmByDistrict.get(c)!), 0);
  const out = new Map<string, number>(codes.map((c) => [c, 0]));
  if (!(sum > 0) || total <= 0) return out;
  const exact = codes.map((c) => ({ c, q: (total * Math.max(0, harmByDistrict.get(c)!)) / sum }));
  let given = 0;
  for (const { c, q } of exact) {
    out.set(c, Math.floor(q));
    given += Math.floor(q);
  }
  const order = [...exact].sort(
    (a, b) => (b.q - Math.floor(b.q)) - (a.q - Math.floor(a.q)) || harmByDistrict.get(b.c)! - harmByDistrict.get(a.c)! || (a.c < b.c ? -1 : 1),
  );
  for (let k = 0; given < total && k < order.length; k++, given++) out.set(order[k]!.c, out.get(order[k]!.c)! + 1);
  return out;
}

/**
 * Hotspot choice (DOMAIN.md, issue 7 item 1): hand-added units first; then, in rank order
 * among eligible units (harm > 0, hot by the Gi* rule, not removed by hand), each unit whose
 * district still has quota and whose centre is at least `minSeparation` metres from every unit
 * already chosen. A unit removed by hand is skipped and the next-ranked takes its place.
 * `districts` is every district of the force (for fixed quotas); `districtHarm` the basis harm
 * of all units per district (for proportional quotas). Never returns fewer than asked without
 * a warning that says why.
 */
export function chooseUnits(
  candidates: Candidate[],
  choice: HotspotChoice,
  districts: { code: string; name: string }[],
  unitWord: { one: string; many: string },
): UnitChoice {
  const warnings: string[] = [];
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const removed = new Set(choice.handRemoved);
  const chosen: Chosen[] = [];
  const taken = new Set<string>();
  for (const id of choice.handAdded) {
    const c = byId.get(id);
    if (!c) {
      warnings.push(`Hand-added ${unitWord.one} ${id} is not in the study area, so it was left out.`);
      continue;
    }
    if (removed.has(id) || taken.has(id)) continue;
    chosen.push({ candidate: c, chosenBy: 'hand' });
    taken.add(id);
  }
  for (const id of choice.handRemoved) {
    if (!byId.has(id)) warnings.push(`Hand-removed ${unitWord.one} ${id} is not in the study area (nothing to remove).`);
  }

  const eligible = candidates.filter((c) => c.harm > 0 && c.hot && !removed.has(c.id) && !taken.has(c.id)).sort(byRank);
  const sep2 = choice.minSeparation > 0 ? choice.minSeparation * choice.minSeparation : 0;
  const farEnough = (c: Candidate) =>
    sep2 === 0 || chosen.every((o) => (o.candidate.e - c.e) ** 2 + (o.candidate.n - c.n) ** 2 >= sep2 * (1 - 1e-12));

  let quotas: Map<string, number> | null = null;
  const pd = choice.perDistrict;
  if (pd.mode === 'fixed') {
    quotas = new Map(districts.map((d) => [d.code, pd.each]));
  } else if (pd.mode === 'proportional') {
    const harm = new Map<string, number>(districts.map((d) => [d.code, 0]));
    for (const c of candidates) if (c.districtCode && harm.has(c.districtCode)) harm.set(c.districtCode, harm.get(c.districtCode)! + c.harm);
    quotas = apportion(choice.count, harm);
  }

  const ranked: Chosen[] = [];
  let separationSkips = 0;
  if (quotas) {
    const left = new Map(quotas);
    for (const c of eligible) {
      const q = c.districtCode ? left.get(c.districtCode) : undefined;
      if (!q) continue;
      if (!farEnough(c)) { separationSkips++; continue; }
      const pick: Chosen = { candidate: c, chosenBy: 'rank' };
      chosen.push(pick);
      ranked.push(pick);
      left.set(c.districtCode!, q - 1);
    }
    const names = new Map(districts.map((d) => [d.code, d.name]));
    for (const [code, q] of quotas) {
      const got = q - left.get(code)!;
      if (got < q) {
        warnings.push(
          `${names.get(code) ?? code}: only ${got} of the ${q} hotspots of its quota could be chosen ` +
            `(too few ${unitWord.many} there pass the rules${sep2 ? ' and the minimum separation' : ''}).`,
        );
      }
    }
  } else {
    for (const c of eligible) {
      if (ranked.length >= choice.count) break;
      if (!farEnough(c)) { separationSkips++; continue; }
      const pick: Chosen = { candidate: c, chosenBy: 'rank' };
      chosen.push(pick);
      ranked.push(pick);
    }
    if (ranked.length < choice.count) {
      warnings.push(
        `Only ${ranked.length} of the ${choice.count} hotspots asked for could be chosen: ${eligible.length} ` +
          `${eligible.length === 1 ? unitWord.one : unitWord.many} pass the rules (harm above 0` +
          `${choice.minGiConfidence === null ? '' : `, hot at ${choice.minGiConfidence}% or more by Gi*`})` +
          `${separationSkips ? `, and ${separationSkips} of them were too close to a hotspot already chosen` : ''}. ` +
          'Use a longer basis period, a lower Gi* rule (or none), or a smaller separation.',
      );
    }
  }
  return { chosen, eligible: eligible.length, quotas, warnings };
}
