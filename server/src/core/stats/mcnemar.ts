/**
 * McNemar's test for 0/1 scores (EVALSIG `mcnemar_test`, spec §2.6): exact
 * binomial up to 25 discordant pairs, χ² (two-sided, continuity-corrected) or
 * normal z (one-sided) above; Wald CI on the difference of proportions.
 *
 * Fixed: EVALSIG casts scores with `astype(int)`, so 0.7 silently becomes 0
 * and passes the binary check. Tollgate refuses non-binary scores.
 */
import { DataError } from '../errors';
import { chi2Sf, normalCdf, normalPpf, normalSf } from './distributions';
import { type Alternative, differences, type MethodOutcome } from './outcome';
import { npStd } from './pairwise-sum';

const EXACT_THRESHOLD = 25;

export interface McNemarOutcome extends MethodOutcome {
  /** Items only the baseline got right. */
  readonly baselineOnly: number;
  /** Items only the candidate got right. */
  readonly candidateOnly: number;
}

export function mcnemar(a: Float64Array, b: Float64Array, alt: Alternative, ciLevel: number): McNemarOutcome {
  requireBinary(a, 'baseline');
  requireBinary(b, 'candidate');
  const n = a.length;
  let bWins = 0;
  let cWins = 0;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    sumA += x;
    sumB += y;
    if (x === 1 && y === 0) bWins++;
    else if (x === 0 && y === 1) cWins++;
  }
  const discordant = bWins + cWins;
  const delta = sumB / n - sumA / n;
  const method = discordant <= EXACT_THRESHOLD ? 'mcnemar_exact' : 'mcnemar_chi2';
  const pValue = discordant === 0 ? 1.0 : discordant <= EXACT_THRESHOLD ? exactP(cWins, discordant, alt) : largeP(bWins, cWins, alt);
  const ci = waldCi(bWins, cWins, n, alt, ciLevel);
  // compare() feeds the MDE with the SD of the float differences (0 for a single pair).
  const sdDiff = n > 1 ? npStd(differences(a, b), 1) : 0.0;
  return { delta, ci, pValue, method, sdDiff, baselineOnly: bWins, candidateOnly: cWins };
}

function requireBinary(x: Float64Array, side: string): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== 0 && v !== 1) {
      throw new DataError(`McNemar requires binary {0,1} scores on both sides; the ${side} has ${v} (aligned item ${i})`);
    }
  }
}

/**
 * scipy `binomtest(c, D, 0.5)`. With p = ½ every binomial tail is an exact
 * dyadic rational, (Σ C(D, i)) / 2^D, which doubles hold exactly for D ≤ 25;
 * scipy's incomplete-beta route agrees to within an ulp or two.
 */
function exactP(c: number, d: number, alt: Alternative): number {
  const total = 2 ** d;
  const atMost = (k: number): number => {
    let sum = 0;
    let coef = 1; // C(d, i); exact, at most C(25, 12) = 5,200,300
    for (let i = 0; i <= k; i++) {
      sum += coef;
      coef = (coef * (d - i)) / (i + 1);
    }
    return sum;
  };
  const lowerTail = atMost(c) / total; // P(X ≤ c)
  const upperTail = (total - atMost(c - 1)) / total; // P(X ≥ c)
  if (alt === 'greater') return upperTail;
  if (alt === 'less') return lowerTail;
  if (2 * c === d) return 1.0;
  return Math.min(1.0, 2 * Math.min(lowerTail, upperTail));
}

function largeP(bWins: number, cWins: number, alt: Alternative): number {
  const discordant = bWins + cWins;
  if (alt === 'two-sided') return chi2Sf((Math.abs(bWins - cWins) - 1) ** 2 / discordant, 1);
  const z = (cWins - bWins) / Math.sqrt(discordant);
  return alt === 'greater' ? normalSf(z) : normalCdf(z);
}

function waldCi(bWins: number, cWins: number, n: number, alt: Alternative, level: number): [number, number] {
  const diff = (cWins - bWins) / n;
  const variance = (bWins + cWins - (cWins - bWins) ** 2 / n) / n ** 2;
  const se = Math.sqrt(Math.max(variance, 0.0));
  if (alt === 'two-sided') {
    const z = normalPpf((1 + level) / 2);
    return [diff - z * se, diff + z * se];
  }
  const z = normalPpf(level);
  return alt === 'greater' ? [diff - z * se, Infinity] : [-Infinity, diff + z * se];
}
