// Probability distributions for the statistical gate (normal, Student t, chi-square, binomial)
// with ~1e-15 relative accuracy into the far tails, so p-values and confidence bounds agree
// with scipy (EVALSIG) to ~1e-13. Pure ES2022: no I/O, no Node types. This module is the public
// entry point; the numerical work lives in normal.ts, incomplete.ts and special-functions.ts.
//
// Tails are always computed directly (never as 1 − something close to 1); every distribution
// keeps a helper that returns both tails of the same evaluation.

import { betaPrefix, gammaPair, incompleteBeta } from './incomplete';
import { centralHalf, normalPdf, normalPpf, upperTail } from './normal';
import { logGamma } from './special-functions';

export { erf, erfc, logGamma } from './special-functions';
export { regularizedBeta, regularizedGammaP, regularizedGammaQ } from './incomplete';
export { normalCdf, normalPpf, normalSf } from './normal';

// ---------------------------------------------------------------------------------------------
// Student t
// ---------------------------------------------------------------------------------------------

interface TTail {
  /** P(T > t) */
  tail: number;
  /** P(|T| < t) */
  central: number;
  /** t·pdf(t) */
  tpdf: number;
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * Both tails of Student's t at t ≥ 0 from one incomplete beta evaluation:
 * 2·P(T > t) = I_x(df/2, ½) with x = df/(df + t²), P(|T| < t) = I_y(½, df/2), y = 1 − x.
 * x and y are each formed without subtraction, and the smaller one anchors the computation.
 */
function tTail(t: number, df: number): TTail {
  if (t === 0) return { tail: 0.5, central: 0, tpdf: 0 };
  if (t === Infinity) return { tail: 0, central: 1, tpdf: 0 };
  if (df === Infinity) return { tail: upperTail(t), central: 2 * centralHalf(t), tpdf: t * normalPdf(t) };
  if (df === 1) {
    // Cauchy: atan2(1, t)/π instead of ½ − atan(t)/π, which cancels for large t.
    return { tail: Math.atan2(1, t) / Math.PI, central: (2 * Math.atan(t)) / Math.PI, tpdf: 1 / (Math.PI * (t + 1 / t)) };
  }
  const a = df / 2;
  const r = (t * t) / df;
  let x: number;
  let y: number;
  if (r < 1) {
    y = r / (1 + r);
    x = 1 / (1 + r);
  } else {
    const s = df / t / t;
    if (s < 1e-280) {
      // x underflows long before the tail does when df < 2: leading term of the series,
      // I_x(a, ½) = x^a/(a·B(a, ½))·(1 + O(x)), in logarithms.
      const tail = 0.5 * Math.exp(a * (Math.log(df) - 2 * Math.log(t)) - Math.log(a) - logBeta(a, 0.5));
      return { tail, central: 1 - 2 * tail, tpdf: 2 * a * tail };
    }
    x = s / (1 + s);
    y = 1 / (1 + s);
  }
  const res = incompleteBeta(a, 0.5, x, y);
  return { tail: 0.5 * res.value, central: res.complement, tpdf: res.prefix };
}

/**
 * Student t CDF P(T ≤ t) for real df > 0 (df = Infinity gives the normal; NaN for df ≤ 0).
 * Incomplete beta with a saddle-point prefactor (DiDonato–Morris expansion for large df, so
 * df = 1e6…1e300 stay accurate); df = 1 in closed form. Relative error ~1e-15; in far tails
 * ~4e-16·|ln P| (≲ 1e-13 near 1e-300).
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || !(df > 0)) return NaN;
  if (t < 0) return tTail(-t, df).tail;
  return 0.5 + 0.5 * tTail(t, df).central;
}

/** Student t survival function P(T > t), computed directly in the upper tail; as studentTCdf. */
export function studentTSf(t: number, df: number): number {
  return studentTCdf(-t, df);
}

/** Cornish–Fisher expansion of the t quantile in the normal quantile z (A&S 26.7.5); a start value. */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * (3 + z2 * (16 + 5 * z2))) / 96;
  const g3 = (z * (-15 + z2 * (17 + z2 * (19 + 3 * z2)))) / 384;
  const g4 = (z * (-945 + z2 * (-1920 + z2 * (1482 + z2 * (776 + 79 * z2))))) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * t > 0 with P(T > t) = q (0 < q < ½). Near the centre (q ≥ ¼) it solves P(|T| < t) = 1 − 2q,
 * which has no cancellation as t → 0. Safeguarded Newton in u = ln t (the tail is close to a
 * power law there), bracketed by a rigorous lower bound and the power-law upper bound, then
 * Newton steps in t itself for the last digits.
 */
function tQuantileMagnitude(q: number, df: number): number {
  if (df === 1) return q < 0.25 ? 1 / Math.tan(Math.PI * q) : Math.tan(Math.PI * 0.5 * (1 - 2 * q));
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  const central = q >= 0.25;
  const target = central ? 1 - 2 * q : q;
  const lnTarget = Math.log(target);
  const lnB = logBeta(df / 2, 0.5);
  const lnDf = Math.log(df);
  // P(T > t) ≤ df^{df/2}·t^{−df}/(df·B): its inverse bounds the quantile from above.
  let hi = 0.5 * lnDf - (lnDf + lnB + Math.log(q)) / df + 1e-9;
  // Central: P(|T| < t) ≤ 2·pdf(0)·t. Tail: the t tail is heavier than the normal one.
  let lo = central ? lnTarget - Math.LN2 + 0.5 * lnDf + lnB - 1e-9 : Math.log(-normalPpf(q)) - 1e-9;
  let u = Math.log(cornishFisher(-normalPpf(q), df));
  if (!(u > lo && u < hi)) u = 0.5 * (lo + hi);
  for (let i = 0; i < 200; i++) {
    const r = tTail(Math.exp(u), df);
    const val = central ? r.central : r.tail;
    const f = Math.log(val) - lnTarget;
    if (f === 0) break;
    const slope = central ? (2 * r.tpdf) / val : -r.tpdf / val;
    if (central ? f < 0 : f > 0) lo = u;
    else hi = u;
    let next = u - f / slope;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const step = Math.abs(next - u);
    u = next;
    if (step < 1e-9 || hi - lo < 1e-15 * Math.max(1, Math.abs(u))) break;
  }
  // Beyond the largest double (tiny df, tiny q) the quantile is infinite.
  if (u > 709.7 && !central && tTail(Number.MAX_VALUE, df).tail > target) return Infinity;
  let t = Math.exp(u);
  for (let i = 0; i < 4 && t < Infinity; i++) {
    const r = tTail(t, df);
    const dt = central ? (-(r.central - target) * t) / (2 * r.tpdf) : ((r.tail - target) * t) / r.tpdf;
    if (!Number.isFinite(dt)) break;
    t += dt;
    if (Math.abs(dt) <= 1e-15 * t) break;
  }
  return t;
}

/**
 * Student t quantile (inverse CDF) for real df > 0: −∞ at p = 0, +∞ at 1, NaN outside [0, 1];
 * ±∞ also when the quantile exceeds the largest double (tiny df and p). Closed forms for
 * df = 1, 2; otherwise Newton on the accurate CDF (centre: on P(|T| < t), so p ≈ ½ has no
 * cancellation; tails: on ln P(T > t)). Within a few ulp (~1e-15); ≲ 2e-14 for p < 1e-100.
 */
export function studentTPpf(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || !(df > 0) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalPpf(p);
  const m = tQuantileMagnitude(p < 0.5 ? p : 1 - p, df);
  return p < 0.5 ? -m : m;
}

// ---------------------------------------------------------------------------------------------
// Chi-square and binomial
// ---------------------------------------------------------------------------------------------

/**
 * Chi-square CDF P(χ²_df ≤ x) = P(df/2, x/2) for real df > 0 (NaN otherwise); 0 for x ≤ 0.
 * Relative error ~1e-15; in far tails ~4e-16·|ln P| (≲ 1.5e-13 near 1e-300).
 */
export function chi2Cdf(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0) || df === Infinity) return NaN;
  if (x <= 0) return 0;
  return gammaPair(df / 2, x / 2)[0];
}

/**
 * Chi-square survival function P(χ²_df > x) = Q(df/2, x/2), computed directly in the upper tail
 * (continued fraction), so chi2Sf(200, 1) ≈ 2.1e-45 keeps full relative accuracy; as chi2Cdf.
 */
export function chi2Sf(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0) || df === Infinity) return NaN;
  if (x <= 0) return 1;
  return gammaPair(df / 2, x / 2)[1];
}

/** P(X = j) for 0 ≤ j ≤ n via the saddle-point beta prefactor (Loader-style, no cancellation). */
function binomialPmf(j: number, n: number, p: number, q: number): number {
  return j > 0 ? betaPrefix(j, n - j + 1, p, q) / (q * j) : betaPrefix(1, n, p, q) / (p * n);
}

/**
 * Sum of P(X = i) from i = j away from the mode (downwards if `down`), until the terms no longer
 * matter. The terms shrink monotonically, so this is the small tail; the ratio recurrence is
 * re-anchored on an exactly evaluated term every 32 steps so rounding cannot accumulate.
 */
function binomialTailSum(j: number, n: number, p: number, q: number, down: boolean): number {
  const ratio = down ? q / p : p / q;
  let i = j;
  let term = binomialPmf(i, n, p, q);
  let sum = term;
  let carry = 0; // compensated summation (up to ~1e4 terms near the centre)
  for (let step = 1; down ? i > 0 : i < n; step++) {
    const r = down ? (i / (n - i + 1)) * ratio : ((n - i) / (i + 1)) * ratio;
    term *= r;
    i += down ? -1 : 1;
    if (step % 32 === 0) term = binomialPmf(i, n, p, q);
    const next = sum + term;
    carry += sum - next + term;
    sum = next;
    // The ratios keep falling (log-concave mass), so the rest is below term·r/(1 − r); near the
    // centre of a wide law r ≈ 1 − 8/σ and a plain "term is tiny" test would stop too early.
    if (r < 1 && term * r <= (1 - r) * sum * 1e-17) break;
  }
  return sum + carry;
}

/**
 * For n ≤ 50: P(X ≤ j) if `lower`, else P(X > j), summed from the smallest term with exact
 * binomial coefficients (C(50, 25) < 2⁵³). With p = ½ (McNemar's exact test) every term and
 * partial sum is a dyadic rational that fits a double, so the result is exact.
 */
function binomialSmallN(j: number, n: number, p: number, q: number, lower: boolean): number {
  // q = 1 − p is rounded when p < ½: carry its rounding error so that q^m stays within ~1 ulp
  // instead of m ulp.
  const qLow = 1 - q - p;
  const terms: number[] = [];
  let c = 1;
  for (let i = 0; i <= n; i++) {
    const m = n - i;
    terms.push(c * Math.pow(p, i) * (Math.pow(q, m) * (1 + (m * qLow) / q)));
    c = (c * m) / (i + 1);
  }
  let sum = 0;
  if (lower) for (let i = 0; i <= j; i++) sum += terms[i];
  else for (let i = n; i > j; i--) sum += terms[i];
  return sum;
}

/** [P(X ≤ k), P(X > k)] for X ~ Bin(n, p). */
function binomialPair(k: number, n: number, p: number): [number, number] {
  if (Number.isNaN(k) || !Number.isInteger(n) || n < 0 || !(p >= 0 && p <= 1)) return [NaN, NaN];
  const j = Math.floor(k);
  if (j < 0) return [0, 1];
  if (j >= n) return [1, 0];
  if (p === 0) return [1, 0];
  if (p === 1) return [0, 1];
  // 1 − p is exact for p ≥ ½; for p < ½ p itself is the accurate variable and q only a multiplier.
  const q = 1 - p;
  const mode = Math.floor((n + 1) * p);
  if (n <= 50) {
    const lower = binomialSmallN(j, n, p, q, j < mode);
    return j < mode ? [lower, 1 - lower] : [1 - lower, lower];
  }
  // The continued fraction for I_p(j + 1, n − j) loses ~3e-16·√(npq) near the centre (4e-12
  // at n = 1e9) and ~1e-16/p in the Poisson regime; summing the mass of the small tail directly
  // does not, and needs at most ~9 standard deviations of terms (≈ 5 ms at n·p·q = 1e9).
  if (n * p * q <= 1e9) {
    if (j < mode) {
      const lower = binomialTailSum(j, n, p, q, true);
      return [lower, 1 - lower];
    }
    const upper = binomialTailSum(j + 1, n, p, q, false);
    return [1 - upper, upper];
  }
  const r = incompleteBeta(j + 1, n - j, p, q);
  return [r.complement, r.value];
}

/**
 * Binomial CDF P(X ≤ k), X ~ Bin(n, p), n a non-negative integer, 0 ≤ p ≤ 1 (NaN otherwise);
 * non-integer k is floored (as scipy). Sums the smaller tail directly (exact coefficients for
 * n ≤ 50, so p = ½ is exact; saddle-point terms up to n·p·q = 1e9), the incomplete beta
 * I_{1−p}(n − k, k + 1) beyond. Relative error ~1e-15, ≲ 1e-13 in tails near 1e-300.
 */
export function binomialCdf(k: number, n: number, p: number): number {
  return binomialPair(k, n, p)[0];
}

/** Binomial survival function P(X > k) = I_p(k + 1, n − k), computed directly; as binomialCdf. */
export function binomialSf(k: number, n: number, p: number): number {
  return binomialPair(k, n, p)[1];
}
