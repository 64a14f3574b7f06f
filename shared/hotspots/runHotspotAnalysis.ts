import type { Database } from 'sql.js';
import { applicability, dataCoverage, periodCoverageLabel } from '../wards/dataCoverage';
import { DEFAULT_LAYER } from '../areas/areaLayer';
import { selectCrimePoints } from '../harm/crimePoints';
import { schemeName, type CrimeFilter } from '../harm/crimeSelection';
import type { UnweightedReport } from '../harm/harmWeighting';
import { countIntoCells } from './cellCounts';
import { classify } from './classify';
import { concentration, pai, type Concentration } from './concentration';
import { bhAdjust } from './fdr';
import { giStar } from './giStar';
import { kdeOnGrid } from './kde';
import { GI_CLASS_RULE } from '../legend/classes';
import { cellIdFormat, correctionText, giStatisticText, HOTSPOT_SET_TEXT, hotspotMethodLines, kdeKernelText, neighbourhoodRule, NORMAL_INFERENCE, studyAreaText } from '../legend/methodText';
import { cellIdAt, type CellShape } from './lattice';
import { twoSidedP } from './normal';
import { DEFAULT_CELL_SIZE } from './projectGrid';
import { permutationSteps, PERMUTATION_METHOD, type PermutationResult } from './permutation';
import { chooseStudyArea, districtCoverage, type StudyAreaSpec } from './studyAreaChoice';
import { WARN_CELL_LIMIT } from './studyArea';
import { temporalProfile, type TemporalProfile } from './temporalProfile';

export interface HotspotParams extends CrimeFilter {
  /** Cell size in metres (square side, or hex centre spacing). Default 150. */
  cellSize?: number;
  shape?: CellShape;
  /** Gi* neighbourhood distance in metres. Default cellSize * sqrt(2). */
  distance?: number;
  /** Benjamini-Hochberg FDR correction. Default on. */
  fdr?: boolean;
  /** KDE on the cell centres: false to skip; bandwidth in metres, or 'nrd' for the MASS rule of thumb (default 2 x cell size). */
  kde?: boolean | { bandwidth?: number | 'nrd' };
  /** Area layer forming the study area. Default 'wards'. */
  layer?: string;
  /** The cells analysed: the whole force (default), some districts, or a polygon. */
  studyArea?: StudyAreaSpec;
  /** Inference: the normal approximation (default, matches spdep::localG) or conditional permutation. */
  inference?: { kind: 'normal' } | { kind: 'permutation'; permutations?: number; seed?: number };
}

/** What a long run can be told: cancel, and how far it is. */
export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (stage: string, done: number) => void;
}

/** Per-cell results as typed arrays in study-grid order. */
export interface HotspotCells {
  shape: CellShape;
  size: number;
  n: number;
  ids: string[];
  /** Lattice coordinates: (col, row) for squares, axial (q, r) for hexes. */
  ci: Int32Array;
  cj: Int32Array;
  /** BNG easting/northing of each cell centre. */
  cx: Float64Array;
  cy: Float64Array;
  /** Code of the area (ward) holding the centre. */
  areaCode: string[];
  count: Float64Array;
  harm: Float64Array;
  z: Float64Array;
  p: Float64Array;
  /** BH-adjusted p; NaN when the correction is off. */
  pFdr: Float64Array;
  /** +3/+2/+1 hot 99/95/90%, 0 not significant, -1/-2/-3 cold 90/95/99% (see classify.ts). */
  cls: Int8Array;
  /** KDE density (harm per km^2) at the cell centre, when computed. */
  kde: Float64Array | null;
}

export interface HotspotMethod {
  scheme: string;
  schemeId: string;
  categorySet: string | null;
  period: { from: string | null; to: string | null; /** The months that have data ("Aug 2014 to Nov 2014; 4 of 12 months have data"). */ dataLabel?: string };
  types: string[] | null;
  cell: { shape: CellShape; size: number; idFormat: string; chosen: 'default' | 'user' };
  studyArea: string;
  neighbourhood: { distance: number; chosen: 'default' | 'user'; rule: string };
  statistic: string;
  correction: { fdr: boolean; text: string };
  classRule: string;
  kde: { bandwidth: number; bandwidthX: number; bandwidthY: number; chosen: 'default' | 'user' | 'rule-of-thumb'; kernel: string } | null;
  hotspotSet: string;
  excluded: { outOfArea: number; unplaced: number; outsideStudyArea: number; outsideStudyAreaHarm: number; unweighted: UnweightedReport };
  notes: string[];
}

export interface HotspotSummary {
  cells: number;
  records: number;
  recordsInCells: number;
  totalHarm: number;
  emptyCells: number;
  hot: { c99: number; c95: number; c90: number };
  cold: { c99: number; c95: number; c90: number };
  concentration: Concentration;
  /** PAI of the hotspot set (hot at 95% or more); null when undefined. */
  pai: number | null;
  hotspotCells: number;
  temporal: TemporalProfile;
}

export interface HotspotResult {
  cells: HotspotCells;
  summary: HotspotSummary;
  method: HotspotMethod;
  /** The method as readable lines ("scheme: ...", "period: ..."): every output states them. */
  methodLines: string[];
  warnings: string[];
  /** The study area used, and the districts in it that hold records (to offer a restriction). */
  studyArea: { label: string; districts: string[]; districtsWithData: string[] };
}

export { DEFAULT_CELL_SIZE, studyGridFor } from './projectGrid';

/** The whole hotspot analysis, as plain data for the CLI and the UI worker. */
export function runHotspotAnalysis(db: Database, params: HotspotParams = {}, run: RunOptions = {}): HotspotResult {
  const steps = hotspotAnalysisSteps(db, params, run);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    run.onProgress?.('permutations', r.value);
  }
}

/**
 * The analysis for the worker: identical results, but it returns to the event loop between
 * slices of the permutation work, so progress reaches the UI and a cancel is heard.
 */
export async function runHotspotAnalysisAsync(db: Database, params: HotspotParams = {}, run: RunOptions = {}): Promise<HotspotResult> {
  const steps = hotspotAnalysisSteps(db, params, run);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    run.onProgress?.('permutations', r.value);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (run.signal?.aborted) throw new Error('Hotspot analysis cancelled.');
  }
}

function* hotspotAnalysisSteps(db: Database, params: HotspotParams, run: RunOptions): Generator<number, HotspotResult, void> {
  const size = params.cellSize ?? DEFAULT_CELL_SIZE;
  const shape = params.shape ?? 'square';
  const distance = params.distance ?? size * Math.SQRT2;
  if (!(distance > 0)) throw new Error(`Neighbourhood distance must be positive (got ${distance}).`);
  const fdr = params.fdr ?? true;
  const area = chooseStudyArea(db, shape, size, params.studyArea, params.layer);
  const grid = area.grid;
  const sel = selectCrimePoints(db, params);
  const warnings: string[] = [];

  // Points used: inside the force area with a location. Others are counted, not dropped silently.
  const use: number[] = [];
  let outOfArea = 0, unplaced = 0;
  for (let r = 0; r < sel.n; r++) {
    if (sel.outOfArea[r]) outOfArea += sel.records[r]!;
    else if (!Number.isFinite(sel.e[r]!) || !Number.isFinite(sel.nn[r]!)) unplaced += sel.records[r]!;
    else use.push(r);
  }
  const e = Float64Array.from(use, (r) => sel.e[r]!);
  const nn = Float64Array.from(use, (r) => sel.nn[r]!);
  const w = Float64Array.from(use, (r) => sel.harm[r]!);
  const rec = Float64Array.from(use, (r) => sel.records[r]!);
  const usedRecords = rec.reduce((s, v) => s + v, 0);
  const counts = countIntoCells(grid, e, nn, w, rec);
  const coverage = districtCoverage(db, area, counts.count, params.layer);
  if (coverage.warning) warnings.push(coverage.warning);

  const gi = giStar(grid, counts.harm, distance);
  const inference = params.inference ?? { kind: 'normal' };
  let p: Float64Array;
  let inferenceText = NORMAL_INFERENCE;
  let signZ = gi.z;
  if (inference.kind === 'permutation') {
    const perm: PermutationResult = yield* permutationSteps(grid, counts.harm, distance, {
      permutations: inference.permutations, seed: inference.seed, signal: run.signal,
    });
    p = perm.pseudoP;
    inferenceText = PERMUTATION_METHOD(perm.permutations, perm.seed);
    // Hot or cold by the side of the permutation mean; magnitude carried by z for the legend.
    signZ = Float64Array.from(gi.z, (z, k) => (perm.direction[k] === 0 ? 0 : Math.abs(z) * perm.direction[k]!));
  } else {
    p = Float64Array.from(gi.z, twoSidedP);
  }
  const pFdr = fdr ? bhAdjust(p) : new Float64Array(grid.n).fill(NaN);
  const cls = classify(signZ, fdr ? pFdr : p);

  let kde: HotspotMethod['kde'] = null;
  let kdeDensity: Float64Array | null = null;
  if (params.kde !== false && usedRecords >= 2) {
    const bw = typeof params.kde === 'object' ? params.kde.bandwidth : undefined;
    const k = kdeOnGrid(grid, e, nn, w, bw, rec);
    kdeDensity = k.density;
    kde = {
      bandwidth: k.bandwidth, bandwidthX: k.bandwidthX, bandwidthY: k.bandwidthY,
      chosen: k.rule === 'cells' ? 'default' : k.rule === 'nrd' ? 'rule-of-thumb' : 'user',
      kernel: kdeKernelText(k.binned),
    };
    if (k.bandwidth < size) {
      warnings.push(`The KDE bandwidth (${k.bandwidth.toFixed(0)} m) is below the cell size (${size} m): the surface will look like isolated spikes.`);
    }
  }

  const hotspotSet = Uint8Array.from(cls, (c) => (c >= 2 ? 1 : 0));
  const tally = (v: number) => cls.reduce((s, c) => s + (c === v ? 1 : 0), 0);
  let emptyCells = 0;
  for (let k = 0; k < grid.n; k++) if (counts.count[k] === 0) emptyCells++;
  const totalHarm = counts.harm.reduce((s, v) => s + v, 0);
  const temporal = temporalProfile(
    use.map((r) => sel.committedFrom[r] ?? null),
    use.map((r) => sel.committedTo[r] ?? null),
    w,
  );

  if (grid.n > WARN_CELL_LIMIT) {
    warnings.push(`The grid has ${grid.n.toLocaleString('en-GB')} cells (over ${WARN_CELL_LIMIT.toLocaleString('en-GB')}): check the cell size and the boundary layer.`);
  }
  if (grid.n > 0 && emptyCells / grid.n > 0.5) {
    // Sparse data does not hide hotspots from Gi*: with a mean near 0, any cluster stands out.
    // What it does is make the normal approximation unreliable.
    warnings.push(
      `${((100 * emptyCells) / grid.n).toFixed(1)}% of cells have no records: with so many zeros the normal approximation behind Gi* p-values is poor` +
        (inference.kind === 'normal' ? ' and tends to call small clusters hot; consider permutation inference, a longer period or larger cells.' : '; permutation inference is in use.'),
    );
  }
  const recs = (k: number) => `${k} record${k === 1 ? '' : 's'}`;
  if (counts.outside > 0) warnings.push(`${recs(counts.outside)} outside the study-area cells, not counted.`);
  if (outOfArea > 0) warnings.push(`${recs(outOfArea)} flagged outside the force area, not counted.`);
  if (unplaced > 0) warnings.push(`${recs(unplaced)} without a location, not counted.`);
  if (sel.unweighted.count > 0) warnings.push(sel.notes[sel.notes.length - 1]!);
  if (!(gi.sd > 0)) warnings.push('Every cell has the same value, so Gi* is undefined (shown as blank).');
  const cov = dataCoverage(db, params.layer);
  const periodFrom = params.from ?? sel.firstMonth, periodTo = params.to ?? sel.lastMonth;
  // With nothing selected the period falls back to the months the data covers, so a set that cannot apply still says why.
  const fitFrom = periodFrom ?? cov.crimes.months[0], fitTo = periodTo ?? cov.crimes.months[cov.crimes.months.length - 1];
  if (fitFrom && fitTo) warnings.unshift(...applicability(cov, { from: fitFrom, to: fitTo }, sel.categorySet, sel.scheme).warnings);

  const method: HotspotMethod = {
    scheme: schemeName(sel.scheme),
    schemeId: sel.scheme.id,
    categorySet: sel.categorySet?.label ?? null,
    period: { from: periodFrom, to: periodTo, dataLabel: periodFrom && periodTo ? periodCoverageLabel({ from: periodFrom, to: periodTo }, cov.crimes.months) : undefined },
    types: params.types?.length ? params.types : null,
    cell: {
      shape, size,
      idFormat: cellIdFormat(shape),
      chosen: params.cellSize === undefined ? 'default' : 'user',
    },
    studyArea: studyAreaText(area.label, grid.n, params.layer ?? DEFAULT_LAYER),
    neighbourhood: {
      distance,
      chosen: params.distance === undefined ? 'default' : 'user',
      rule: neighbourhoodRule(distance, shape, params.distance === undefined),
    },
    statistic: giStatisticText(inferenceText),
    correction: {
      fdr,
      text: correctionText(fdr),
    },
    classRule: GI_CLASS_RULE,
    kde,
    hotspotSet: HOTSPOT_SET_TEXT,
    excluded: {
      outOfArea, unplaced,
      outsideStudyArea: counts.outside, outsideStudyAreaHarm: counts.outsideHarm,
      unweighted: sel.unweighted,
    },
    notes: sel.notes,
  };
  const cells: HotspotCells = {
    shape, size, n: grid.n,
    ids: Array.from({ length: grid.n }, (_, k) => cellIdAt(grid, k)),
    // Copies: the grid is cached, and a caller may transfer (detach) these buffers.
    ci: grid.ci.slice(), cj: grid.cj.slice(), cx: grid.cx.slice(), cy: grid.cy.slice(),
    areaCode: Array.from(grid.area, (a) => grid.areaCodes[a] ?? ''),
    count: counts.count, harm: counts.harm, z: gi.z, p, pFdr, cls, kde: kdeDensity,
  };
  const summary: HotspotSummary = {
    cells: grid.n, records: sel.total, recordsInCells: usedRecords - counts.outside, totalHarm, emptyCells,
    hot: { c99: tally(3), c95: tally(2), c90: tally(1) },
    cold: { c99: tally(-3), c95: tally(-2), c90: tally(-1) },
    concentration: concentration(counts.harm),
    pai: pai(counts.harm, hotspotSet),
    hotspotCells: hotspotSet.reduce((s, v) => s + v, 0),
    temporal,
  };
  return {
    cells, summary, method, methodLines: hotspotMethodLines(method), warnings,
    studyArea: { label: area.label, districts: area.districts, districtsWithData: coverage.withData },
  };
}

/** The method as `key: value` lines; written in shared/legend/methodText.ts. */
export { hotspotMethodLines as methodLines } from '../legend/methodText';
