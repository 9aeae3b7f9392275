/** Paired t test on d = b − a (EVALSIG `paired_t_test`, spec §2.3; scipy `ttest_rel(b, a)`). */
import { studentTCdf, studentTPpf, studentTSf } from './distributions';
import { type Alternative, checkPaired, ciQuantiles, type MethodOutcome } from './outcome';
import { npMean, npStd } from './pairwise-sum';

export function pairedT(d: Float64Array, alt: Alternative, ciLevel: number): MethodOutcome {
  checkPaired(d.length);
  const n = d.length;
  const mean = npMean(d);
  const sd = npStd(d, 1);
  const se = sd / Math.sqrt(n);
  if (se === 0) {
    // Every pair moved by the same amount: nothing to test.
    return { delta: mean, ci: [mean, mean], pValue: mean === 0 ? 1.0 : 0.0, method: 'paired_t', sdDiff: 0.0 };
  }
  return { ...tInference(mean, se, n - 1, alt, ciLevel), method: 'paired_t', sdDiff: sd };
}

/** p-value and CI for an estimate with a t-distributed standard error (shared with cluster_robust). */
export function tInference(
  estimate: number,
  se: number,
  df: number,
  alt: Alternative,
  ciLevel: number,
): { delta: number; ci: [number, number]; pValue: number } {
  const t = estimate / se;
  const pValue =
    alt === 'two-sided' ? 2 * studentTSf(Math.abs(t), df) : alt === 'greater' ? studentTSf(t, df) : studentTCdf(t, df);
  const [qLo, qHi] = ciQuantiles(ciLevel, alt);
  const lo = qLo > 0 ? estimate + studentTPpf(qLo, df) * se : -Infinity;
  const hi = qHi < 1 ? estimate + studentTPpf(qHi, df) * se : Infinity;
  return { delta: estimate, ci: [lo, hi], pValue };
}
