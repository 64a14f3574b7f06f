import { GI_CLASS_RULE, GI_CLASSES, GI_NOT_SIGNIFICANT, giClass } from '../legend/classes';

/**
 * Hot/cold classes from Gi* z and a p-value (the BH-adjusted one when FDR is on):
 *   hot 99% : z > 0 and p < 0.01     cold 99% : z < 0 and p < 0.01
 *   hot 95% : z > 0 and p < 0.05     cold 95% : z < 0 and p < 0.05
 *   hot 90% : z > 0 and p < 0.10     cold 90% : z < 0 and p < 0.10
 *   otherwise not significant (0); NaN z or p is not significant.
 * Without FDR these are ArcGIS's two-sided thresholds |z| >= 1.645 / 1.960 / 2.576. With FDR
 * the same cut-offs apply to BH q-values, which equals running the BH step-up at each level.
 * Encoded as +3/+2/+1 (hot 99/95/90), 0, -1/-2/-3 (cold 90/95/99).
 */
export function classify(z: Float64Array, p: Float64Array): Int8Array {
  const out = new Int8Array(z.length);
  for (let k = 0; k < z.length; k++) {
    const zk = z[k]!;
    const pk = p[k]!;
    if (!(pk < 0.1) || Number.isNaN(zk) || zk === 0) continue;
    const level = pk < 0.01 ? 3 : pk < 0.05 ? 2 : 1;
    out[k] = zk > 0 ? level : -level;
  }
  return out;
}

/** Short labels by class code, as exports write them (see shared/legend/classes.ts). */
export const CLASS_LABELS: Record<number, string> = Object.fromEntries([...GI_CLASSES, GI_NOT_SIGNIFICANT].map((c) => [c.code, c.short]));

export function classLabel(c: number): string {
  return giClass(c).short;
}

export const CLASS_RULE = GI_CLASS_RULE;
