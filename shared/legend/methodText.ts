/**
 * The sentences that say how a number was made (scheme, period, cell size, study area,
 * neighbourhood, correction, inference), written once. The app's panels, legends and popups,
 * the CLI and every export take their method text from here, so the same run reads the same
 * wherever it is shown. Long forms are the `key: value` method lines files start with; short
 * forms are the one-line statements under legends and in popups.
 */
import type { HotspotMethod } from '../hotspots/runHotspotAnalysis';
import type { CellShape } from '../hotspots/lattice';
import { KDE_DEFAULT_CELLS } from '../hotspots/kde';
import { describePeriod, type Period } from '../wards/periodChange';
import { GI_CLASS_RULE, WARD_CLASS_RULE } from './classes';

export { GI_CLASS_RULE };

/** Metres as written in method text: whole metres plain, others to the centimetre. */
export function fmtM(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** "2014-08 to 2014-11"; a missing end means the selection held no records. */
export function monthsText(p: { from: string | null; to: string | null }): string {
  return `${p.from ?? 'no records'} to ${p.to ?? 'no records'}`;
}

/** "Serious violence" or "all records", with the crime types when some were chosen. */
export function categoryText(set: string | null, types?: string[] | null): string {
  return `${set ?? 'all records'}${types?.length ? `; crime types: ${types.join(', ')}` : ''}`;
}

/** The cells in full: "squares aligned to the British National Grid". */
export function cellShapeText(shape: CellShape): string {
  return shape === 'square' ? 'squares aligned to the British National Grid' : 'hexagons anchored at the BNG origin';
}

/** The cells in a legend's few words: "150 m BNG squares". */
export function cellShort(size: number, shape: CellShape): string {
  return `${size} m ${shape === 'square' ? 'BNG squares' : 'hexagons'}`;
}

/** How a cell id is built, so an analyst can join exports to their own grid. */
export function cellIdFormat(shape: CellShape): string {
  return shape === 'square' ? 'SQ{size}_E{SW corner easting}_N{SW corner northing} (BNG)' : 'HX{size}_Q{q}_R{r} (axial, hex 0,0 centred on BNG 0,0)';
}

/** The Gi* neighbourhood: binary weights within a distance, self included. */
export function neighbourhoodRule(distance: number, shape: CellShape, isDefault: boolean): string {
  return `binary weights, cells with centres within ${fmtM(distance)} m (inclusive, relative tolerance 1e-9), self included` +
    (isDefault ? ` (default: cell size x sqrt 2 = ${shape === 'square' ? '8 touching cells' : '6 touching hexagons'} + self)` : '');
}

/** The multiple-testing correction in full. */
export function correctionText(fdr: boolean): string {
  return fdr
    ? 'Benjamini-Hochberg false discovery rate over all study-area cells (classes use adjusted p)'
    : 'none (raw p-values; expect about 10% of cells to reach 90% by chance)';
}

/** The correction in a legend's few words. */
export function correctionShort(fdr: boolean): string {
  return fdr ? 'FDR (Benjamini-Hochberg) corrected' : 'no multiple-testing correction';
}

export const NORMAL_INFERENCE = 'two-sided normal p-values';

export function giStatisticText(inference: string): string {
  return `Getis-Ord Gi* z-score on harm per cell; mean and S over all study-area cells; ${inference}`;
}

export function studyAreaText(label: string, cells: number, layer: string): string {
  return `${label}: ${cells} cells whose centre lies inside the "${layer}" areas there (cells with no records count as zero; mean and variance over these cells only)`;
}

export function kdeKernelText(binned: boolean): string {
  return 'quartic, radial; density in harm per km^2 at cell centres' + (binned ? '; points binned to their cell centres first (too many for exact evaluation)' : '');
}

/** "Gi* hot cells at 95% or more": the hotspot sets PAI, plans and the candidate layer use. */
export function hotAtOrAbove(percent: number): string {
  return `Gi* hot cells at ${percent}% or more`;
}

export const HOTSPOT_SET_TEXT = 'cells classed hot at 95% or 99% (used for PAI)';

/** Every setting of a Gi* run as `key: value` lines: CSV `# ` lines, GeoJSON metadata, the XLSX Method sheet, the panel. */
export function hotspotMethodLines(m: HotspotMethod): string[] {
  const lines = [
    `scheme: ${m.scheme}`,
    `category set: ${categoryText(m.categorySet, m.types)}`,
    `period: ${monthsText(m.period)} (months inclusive)`,
    ...(m.period.dataLabel ? [`months with data: ${m.period.dataLabel}`] : []),
    `cell size: ${m.cell.size} m ${cellShapeText(m.cell.shape)} (${m.cell.chosen}); ids ${m.cell.idFormat}`,
    `study area: ${m.studyArea}`,
    `neighbourhood: ${m.neighbourhood.rule}`,
    `statistic: ${m.statistic}`,
    `correction: ${m.correction.text}`,
    `classes: ${m.classRule}`,
  ];
  if (m.kde) lines.push(`kde: ${m.kde.kernel}; bandwidth ${m.kde.bandwidth.toFixed(1)} m (${kdeRuleLong(m)})`);
  lines.push(`hotspot set: ${m.hotspotSet}`);
  const x = m.excluded;
  lines.push(
    `excluded: ${x.outOfArea} records outside the force area, ${x.unplaced} without a location, ` +
      `${x.outsideStudyArea} outside the study-area cells; ${x.unweighted.count} records with no weight in the scheme (counted, not in harm)`,
  );
  // The weight table is a method line of its own, not a note.
  for (const n of m.notes) lines.push(n.startsWith('weights: ') ? n : `note: ${n}`);
  return lines;
}

/** Scheme and set as a legend opens: "CCHI, Serious violence". */
function schemeAndSet(m: Pick<HotspotMethod, 'scheme' | 'categorySet'>): string {
  return `${m.scheme}${m.categorySet ? `, ${m.categorySet}` : ''}`;
}

/** The statement under the Gi* legend: scheme, period, cells, neighbourhood, correction. */
export function giLegendText(m: HotspotMethod): string {
  return `${schemeAndSet(m)}, ${monthsText(m.period)}; ${cellShort(m.cell.size, m.cell.shape)}; neighbours within ${m.neighbourhood.distance.toFixed(1)} m incl. self; ${correctionShort(m.correction.fdr)}.`;
}

/** The cell popup's method: scheme, period, cells, correction, study area. */
export function giCellMethod(m: HotspotMethod, studyArea: string): string {
  return `${schemeAndSet(m)}; ${monthsText(m.period)}; ${cellShort(m.cell.size, m.cell.shape)}; ${correctionShort(m.correction.fdr)}; ${studyArea}`;
}

/** Heading of a ward's hot cells in its profile. */
export function giWardHotspotsLabel(m: HotspotMethod): string {
  return `Gi* hot cells of the last run (${m.scheme}; ${categoryText(m.categorySet)}; ${monthsText(m.period)}; ${m.cell.size} m cells)`;
}

/** The XLSX title block: what the rows are, with the Method sheet named for the rest. */
export function giWorkbookSubtitle(m: HotspotMethod): string {
  return `${m.scheme}; ${categoryText(m.categorySet)}; ${m.period.dataLabel ?? monthsText(m.period)}; ${cellShort(m.cell.size, m.cell.shape)}. How it was made: see the Method sheet.`;
}

/** How the KDE bandwidth was set, in the method lines. */
function kdeRuleLong(m: HotspotMethod): string {
  const k = m.kde!;
  const nrd = `mean of MASS bandwidth.nrd per axis: E ${k.bandwidthX.toFixed(1)} m, N ${k.bandwidthY.toFixed(1)} m`;
  if (k.chosen === 'default') return `default: ${KDE_DEFAULT_CELLS} x the ${fmtM(m.cell.size)} m cell size, for micro-places; the rule of thumb (${nrd}) is an option`;
  return k.chosen === 'rule-of-thumb' ? `rule of thumb, ${nrd}` : 'user';
}

/** "bandwidth 300 m (default: 2 x the 150 m cell)", as the legend and the panel say it. */
export function kdeBandwidthText(m: HotspotMethod): string {
  const k = m.kde;
  if (!k) return '';
  const rule = k.chosen === 'default' ? `default: ${KDE_DEFAULT_CELLS} x the ${fmtM(m.cell.size)} m cell` : k.chosen === 'rule-of-thumb' ? 'rule of thumb, MASS bandwidth.nrd' : 'set by you';
  return `bandwidth ${k.bandwidth.toFixed(0)} m (${rule})`;
}

/** The statement under the KDE legend: kernel, bandwidth and its rule, scheme, period, how it is drawn. */
export function kdeLegendText(m: HotspotMethod): string {
  if (!m.kde) return '';
  return `Quartic kernel, ${kdeBandwidthText(m)}; ${schemeAndSet(m)}; ${monthsText(m.period)}; colour on a square-root scale of the peak so lesser clusters show; under 1% of the peak not drawn.`;
}

/** The trend context lines: scheme, weights, set, cells, neighbourhood, period length. */
export function trendContextLines(o: {
  scheme: string; weights: string | null; categorySet: string | null; types?: string[];
  cellSize: number; shape: CellShape; distance: number; distanceDefault: boolean; months: number; from: string; to: string;
}): string[] {
  return [
    `scheme: ${o.scheme}`,
    ...(o.weights ? [o.weights] : []),
    `category set: ${categoryText(o.categorySet, o.types)}`,
    `cell size: ${o.cellSize} m ${cellShapeText(o.shape)}`,
    `neighbourhood: ${neighbourhoodRule(o.distance, o.shape, o.distanceDefault)}`,
    `period length: ${o.months} month${o.months === 1 ? '' : 's'}, back from ${o.to} (first month ${o.from})`,
  ];
}

/** The sfhotspot rules as applied, with the two deliberate differences. */
export function trendClassificationText(o: {
  periodsUsed: number; emptyPeriods: number; recent: number; criticalP: number; fdr: boolean;
  persistentProp: number; hotspotProp: number; recentProp: number;
}): string {
  return (
    `sfhotspot hotspot_classify rules over ${o.periodsUsed} periods with records (${o.emptyPeriods} empty periods dropped), last ${o.recent} recent; ` +
    `significant = p < ${o.criticalP} (${o.fdr ? 'BH-adjusted across cells per period' : 'raw p'}); ` +
    `persistent: share of periods >= ${o.persistentProp}; emerging: older share < ${o.hotspotProp} and recent share >= ${o.recentProp}; ` +
    `former: older share >= ${o.hotspotProp} and recent share < ${o.hotspotProp}; intermittent: share >= ${o.hotspotProp}; ` +
    `differences from sfhotspot: recent = exactly the last ${o.recent} periods; p adjusted across cells, not across a cell's periods`
  );
}

/** "2024-01, 2024-02..2024-03": the periods of a trend run. */
export function periodsText(periods: { from: string; to: string }[]): string {
  return periods.map((p) => (p.from === p.to ? p.from : `${p.from}..${p.to}`)).join(', ');
}

/** Every setting of a trend run as `key: value` lines (the app's list, the CSV, the GeoJSON metadata). */
export function trendMethodLines(t: { studyArea: string; periods: { from: string; to: string }[]; method: string }, context: string[]): string[] {
  return [...context, `study area: ${t.studyArea}`, `periods: ${periodsText(t.periods)}`, `classification: ${t.method}`];
}

/** The statement under the trend legend. */
export function trendLegendText(periods: { from: string; to: string }[], methodLines: string[]): string {
  return `Trend classes over ${periods.length} periods; ${methodLines.slice(0, 4).join('; ')}.`;
}

/** How trends were run, after a cell's trend in its popup: "4 periods, 2018-01 to 2018-12". */
export function trendNote(periods: { from: string; to: string }[]): string {
  return `${periods.length} periods, ${periods[0]?.from ?? ''} to ${periods.at(-1)?.to ?? ''}`;
}

/** A ward-table period: "Dec 2013 to Nov 2014; 12 of 12 months have data (window Dec 2013 to Nov 2014 (12 months))". */
export function wardPeriodText(label: string, window: Period): string {
  return `${label} (window ${describePeriod(window)})`;
}

/** The statement under the ward legend: scheme, set, period, exclusions, how the classes were cut. */
export function wardLegendText(m: {
  scheme: string; categorySet: string | null; periods: { current: Period }; periodLabels: { current: string };
  excluded: { current: { outOfArea: number; unplaced: number } };
}): string {
  const ex = m.excluded.current;
  return `${m.scheme}; ${categoryText(m.categorySet)}; ${wardPeriodText(m.periodLabels.current, m.periods.current)}; ` +
    `excluded: ${ex.outOfArea} outside the force area, ${ex.unplaced} with no ward. Classes: ${WARD_CLASS_RULE}.`;
}
