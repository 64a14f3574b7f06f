import type { ProjectDb as Database } from '../repository/db';
import { areaFeatures, DEFAULT_LAYER } from '../areas/areaLayer';
import { getCategorySet } from '../harm/categorySets';
import { loadScheme, schemeName } from '../harm/crimeSelection';
import { basisFilter, resolveBasis } from './planBasis';
import { DEFAULT_CELL_SIZE, studyGridFor } from '../hotspots/projectGrid';
import { runHotspotAnalysis } from '../hotspots/runHotspotAnalysis';
import { byRank, chooseUnits } from './chooseUnits';
import { commonLocations, distinctNames } from './hotspotNames';
import { DEFAULT_CHOICE, DEFAULT_DOSAGE } from './planDefaults';
import { planMethodLines } from './planMethod';
import { cellUnits, lsoaUnits, wardIndex, type HotspotDraft, type UnitSet } from './planUnits';
import { PolygonIndex, projectRings } from './polygonIndex';
import { mergedHotspotId, shortHash } from './shortHash';
import type { DosageSettings, HotspotChoice, PatrolPlan, PlanHotspot } from './types';
import { bngToLonLat } from '../geo/bng';
import { checkDate, checkDosage } from './planChecks';

export { DEFAULT_CHOICE, DEFAULT_DOSAGE } from './planDefaults';
export { suggestWindows } from './suggestWindows';
export { basisFilter, resolveBasis } from './planBasis';

export interface PlanRequest {
  name: string;
  /** Patrol period, local YYYY-MM-DD inclusive. */
  from: string;
  to: string;
  /** Basis months YYYY-MM; default the latest 12 months with data. */
  basisFrom?: string;
  basisTo?: string;
  schemeId?: string;
  categorySetId?: string | null;
  cellSize?: number;
  choice?: Partial<HotspotChoice>;
  dosage?: Partial<DosageSettings>;
  seed?: number;
  id?: string;
}

export function resolveChoice(req: PlanRequest): HotspotChoice {
  const c: HotspotChoice = { ...DEFAULT_CHOICE, ...req.choice };
  c.handAdded = [...new Set(c.handAdded ?? [])];
  c.handRemoved = [...new Set(c.handRemoved ?? [])];
  if (!Number.isInteger(c.count) || c.count < 0) throw new Error(`The number of hotspots must be a whole number of 0 or more (got ${c.count}).`);
  if (!(c.minSeparation >= 0)) throw new Error(`The minimum separation must be 0 or more metres (got ${c.minSeparation}).`);
  if (c.perDistrict.mode === 'fixed' && (!Number.isInteger(c.perDistrict.each) || c.perDistrict.each < 1)) {
    throw new Error(`The hotspots per district must be a whole number of 1 or more (got ${c.perDistrict.each}).`);
  }
  if (c.unit !== 'cell' && c.unit !== 'lsoa') throw new Error(`Units must be cells or LSOAs (got "${String(c.unit)}").`);
  if (c.minGiConfidence !== null && ![90, 95, 99].includes(c.minGiConfidence)) throw new Error(`The Gi* rule must be 90, 95, 99 or none (got ${String(c.minGiConfidence)}).`);
  return c;
}

/**
 * Chooses a plan's hotspots and states how (DOMAIN.md "Hotspot policing as the Home Office
 * funds it"). Pure computation on the project: it does not save (the caller calls savePlan);
 * the schedule is made from the plan by buildSchedule.
 */
export function buildPlan(db: Database, req: PlanRequest): PatrolPlan {
  const name = req.name.trim();
  if (!name) throw new Error('A plan needs a name.');
  checkDate(req.from, 'The patrol period start');
  checkDate(req.to, 'The patrol period end');
  if (req.from > req.to) throw new Error(`The patrol period starts (${req.from}) after it ends (${req.to}).`);
  const choice = resolveChoice(req);
  // Copies, so a caller editing the plan's windows or teams never edits the defaults.
  const dosage: DosageSettings = structuredClone({ ...DEFAULT_DOSAGE, ...req.dosage });
  checkDosage(dosage);
  const cellSize = req.cellSize ?? DEFAULT_CELL_SIZE;
  if (!(cellSize > 0)) throw new Error(`The cell size must be a positive number of metres (got ${cellSize}).`);
  const basis = resolveBasis(db, req);
  const filter = basisFilter(db, req);
  const scheme = loadScheme(db, filter.schemeId);
  const set = req.categorySetId ? getCategorySet(db, req.categorySetId) : null;
  if (req.categorySetId && !set) throw new Error(`No category set "${req.categorySetId}" in this project.`);

  const hs = runHotspotAnalysis(db, { ...filter, cellSize, shape: 'square', kde: false });
  const grid = studyGridFor(db, 'square', cellSize);
  const wards = wardIndex(db);
  const districtNames = new Map<string, string>();
  for (const w of wards.values()) if (w.districtCode) districtNames.set(w.districtCode, w.districtName ?? w.districtCode);
  const districts = [...districtNames].map(([code, nm]) => ({ code, name: nm })).sort((a, b) => (a.code < b.code ? -1 : 1));

  let units: UnitSet;
  if (choice.unit === 'cell') {
    units = cellUnits(hs, grid, wards, choice);
  } else {
    const wfc = areaFeatures(db, DEFAULT_LAYER);
    units = lsoaUnits(db, filter, hs, wards, new PolygonIndex(wfc.features.map((f) => projectRings(f.geometry))), wfc.features.map((f) => String(f.id)), choice);
  }
  const picked = chooseUnits(units.candidates, choice, districts, units.word);
  const warnings = [...picked.warnings];

  // Groups: one per chosen unit, or touching chosen cells merged (union-find on the lattice).
  const ids = picked.chosen.map((c) => c.candidate.id);
  const by = new Map(picked.chosen.map((c) => [c.candidate.id, c]));
  const parent = new Map(ids.map((id) => [id, id]));
  const root = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  if (choice.mergeTouching && choice.unit === 'cell') {
    for (const id of ids) for (const t of units.touching(id)) if (parent.has(t)) parent.set(root(t), root(id));
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const r = root(id);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(id);
  }
  const drafts: (HotspotDraft & { chosenBy: 'rank' | 'hand' })[] = [];
  for (const members of groups.values()) {
    members.sort();
    const id = members.length === 1 ? members[0]! : mergedHotspotId(members);
    drafts.push({ ...units.draft(members, id), chosenBy: members.every((m) => by.get(m)!.chosenBy === 'hand') ? 'hand' : 'rank' });
  }
  if (groups.size < ids.length) {
    warnings.push(`${ids.length} ${units.word.many} were chosen and touching ones merged, giving ${groups.size} hotspots.`);
  }
  drafts.sort((a, b) => byRank({ ...a, hot: true, districtCode: null }, { ...b, hot: true, districtCode: null }));

  const unitToHotspot = new Map<string, number>();
  drafts.forEach((d, k) => d.unitIds.forEach((u) => unitToHotspot.set(u, k)));
  const locations = commonLocations(db, filter, drafts.length, (e, n) => {
    const u = units.unitAt(e, n);
    return u === null ? -1 : unitToHotspot.get(u) ?? -1;
  });
  const wardNames = drafts.map((d) => (d.wardCode ? wards.get(d.wardCode)?.name ?? null : null));
  const names = distinctNames(
    drafts.map((d, k) => locations[k] ?? wardNames[k] ?? d.id),
    wardNames,
    drafts.map((_, k) => k + 1),
  );
  const hotspots: PlanHotspot[] = drafts.map((d, k) => {
    const ward = d.wardCode ? wards.get(d.wardCode) : undefined;
    const [lon, lat] = bngToLonLat(d.e, d.n);
    return {
      id: d.id, rank: k + 1, name: names[k]!, cellIds: d.unitIds,
      wardCode: d.wardCode, wardName: ward?.name ?? null,
      districtCode: ward?.districtCode ?? null, districtName: ward?.districtName ?? null,
      count: d.count, harm: Number(d.harm.toFixed(6)), giZ: d.giZ === null ? null : Number(d.giZ.toFixed(6)),
      geometry: d.wgs, bngGeometry: d.bng,
      centre: { lon: Number(lon.toFixed(7)), lat: Number(lat.toFixed(7)), e: Number(d.e.toFixed(2)), n: Number(d.n.toFixed(2)) },
      chosenBy: d.chosenBy,
    };
  });
  if (hotspots.length === 0) warnings.push('No hotspot was chosen: the plan has nothing to patrol.');
  if (basis.monthsWithData.length < basis.months) {
    warnings.push(`Only ${basis.monthsWithData.length} of the ${basis.months} basis months have crime data (${basis.monthsWithData.join(', ') || 'none'}): hotspots are ranked on those months alone.`);
  }
  for (const w of hs.warnings) if (!/KDE/.test(w)) warnings.push(`Basis data: ${w}`);

  const seedDefault = req.seed === undefined;
  const seed = seedDefault ? parseInt(shortHash(`${name}|${req.from}|${req.to}`).slice(0, 7), 16) : req.seed!;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0x7fffffff) throw new Error(`The seed must be a whole number from 0 to 2147483647 (got ${seed}).`);
  const createdAt = new Date().toISOString();
  const id = req.id ?? `P${req.from.replace(/-/g, '')}_${shortHash(`${name}|${req.from}|${req.to}|${createdAt}|${seed}`).slice(0, 6)}`;
  const plan: Omit<PatrolPlan, 'method'> = {
    id, name, createdAt, from: req.from, to: req.to, basisFrom: basis.from, basisTo: basis.to,
    schemeId: scheme.id, schemeLabel: schemeName(scheme), categorySetId: set?.id ?? null, categorySetLabel: set?.label ?? null,
    cellSize, cellShape: 'square', choice, dosage, seed, hotspots, warnings,
  };
  const method = planMethodLines(plan, {
    basisDefault: basis.isDefault, basisMonthsWithData: basis.monthsWithData, basisMonths: basis.months, seedDefault, cellSizeDefault: req.cellSize === undefined, eligible: picked.eligible,
    quotas: picked.quotas, districtNames, hotspotAnalysis: hs, chosenUnits: ids.length,
  });
  return { ...plan, method };
}
