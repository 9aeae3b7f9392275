// Special functions behind the statistical gate: erf/erfc, log-gamma and the numerical
// building blocks shared by the incomplete gamma/beta functions and the distributions.
// Pure ES2022 (no I/O). Accuracy targets and the reference data are described in
// test/unit/stats/reference/make-distribution-references.py.

export const EPS = 2.220446049250313e-16;
export const SQRT_PI = 1.772453850905516;
export const SQRT_2PI = 2.5066282746310007;
export const LN_SQRT_2PI = 0.9189385332046728;
const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * exp(−s·x²) for s = 1 or s = 1/2. Rounding x² to a double would cost a relative error of
 * about x²·2⁻⁵³ (≈1e-13 near the underflow limit), so x is split into a 22-bit head whose square
 * is exact and a tail that only enters a small second exponential (Cody's trick).
 */
export function expNegSquare(x: number, s: number): number {
  const ax = Math.abs(x);
  if (ax >= 64) return 0;
  const hi = Math.trunc(ax * 65536) / 65536;
  const lo = ax - hi;
  return Math.exp(-s * hi * hi) * Math.exp(-s * lo * (ax + hi));
}

/**
 * Σₙ x·uⁿ/(2n+1)!! — with u = x² this is (Φ(x) − ½)/φ(x), with u = 2x² it is
 * erf(x)·e^{x²}·√π/2. Every term is positive, so the sum keeps full relative accuracy even
 * where the Maclaurin series of erf would cancel.
 */
export function oddFactorialSeries(x: number, u: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 1000; n++) {
    term *= u / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
  }
  return sum;
}

/**
 * Laplace's continued fraction 1/(z + s/(z + 2s/(z + 3s/(z + …)))) for z > 0: with s = 1 it is
 * the Mills ratio Q(z)/φ(z), with s = ½ it is √π·e^{z²}·erfc(z). Evaluated backwards from a
 * depth fixed in advance (≈ 1300 terms at the smallest z²/s used, 0.35; 38 at z²/s = 25):
 * unlike a forward Lentz product of hundreds of factors, whose rounding errors add up to
 * ~1e-15, the backward recurrence damps them.
 */
export function laplaceFraction(z: number, s: number): number {
  const depth = Math.ceil(20 + (450 * s) / (z * z));
  let r = 0;
  for (let k = depth; k >= 1; k--) r = (k * s) / (z + r);
  return 1 / (z + r);
}

/** Below this erfc is taken as 1 − erf (erfc(0.42) ≈ 0.55: no real cancellation), above it erf as 1 − erfc. */
const ERFC_CF_FROM = 0.42;

/** erfc(x) for x ≥ 0. */
function erfcNonNegative(x: number): number {
  if (x < ERFC_CF_FROM) return 1 - TWO_OVER_SQRT_PI * expNegSquare(x, 1) * oddFactorialSeries(x, 2 * x * x);
  if (x > 27.3) return 0;
  return (expNegSquare(x, 1) / SQRT_PI) * laplaceFraction(x, 0.5);
}

/**
 * Error function erf(x) for any real x; relative error ≲ 6e-16 everywhere (positive-term series
 * below 0.42, so no cancellation at small |x|; 1 − erfc above).
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < ERFC_CF_FROM) return TWO_OVER_SQRT_PI * expNegSquare(x, 1) * oddFactorialSeries(x, 2 * x * x);
  const r = 1 - erfcNonNegative(ax);
  return x < 0 ? -r : r;
}

/**
 * Complementary error function erfc(x) = 1 − erf(x) for any real x, computed directly (continued
 * fraction for x ≥ 0.42) so it keeps ≲ 6e-16 relative accuracy down to the underflow limit
 * (erfc(26.5) ≈ 1e-307); 0 beyond x ≈ 27.3.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return x < 0 ? 2 - erfcNonNegative(-x) : erfcNonNegative(x);
}

// (ζ(k) − 1)/k for k = 2..30 (from make-distribution-references.py --coefficients).
const ZETA_MINUS_ONE_OVER_K = [
  3.224670334241132e-1, 6.73523010531981e-2, 2.0580808427784546e-2, 7.385551028673986e-3,
  2.8905103307415234e-3, 1.192753911703261e-3, 5.096695247430425e-4, 2.2315475845357939e-4,
  9.945751278180853e-5, 4.492623673813314e-5, 2.050721277567069e-5, 9.439488275268397e-6,
  4.374866789907488e-6, 2.039215753801366e-6, 9.55141213040742e-7, 4.492469198764566e-7,
  2.1207184805554665e-7, 1.0043224823968099e-7, 4.7698101693639804e-8, 2.2711094608943164e-8,
  1.0838659214896955e-8, 5.183475041970047e-9, 2.4836745438024785e-9, 1.1921401405860912e-9,
  5.731367241678862e-10, 2.7595228851242334e-10, 1.330476437424449e-10, 6.4229645638381e-11,
  3.1044247747322276e-11,
];
const ONE_MINUS_EULER_GAMMA = 0.42278433509846713;

/**
 * ln Γ(2 + z) for |z| ≤ ½ from its Taylor series (1 − γ)z + Σ (−1)ᵏ (ζ(k) − 1) zᵏ/k. Being a
 * series in z itself, it keeps relative accuracy next to the zero of ln Γ at 2 (and, via
 * ln Γ(1 + z) = ln Γ(2 + z) − ln(1 + z), next to the zero at 1).
 */
function logGammaTwoPlus(z: number): number {
  let acc = 0;
  for (let i = ZETA_MINUS_ONE_OVER_K.length - 1; i >= 0; i--) acc = acc * -z + ZETA_MINUS_ONE_OVER_K[i];
  return z * (ONE_MINUS_EULER_GAMMA + z * acc);
}

// B₂ₖ/(2k(2k−1)) for k = 1..8: Stirling's series; at z ≥ 10 the first omitted term is < 2e-18.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/** (w + ½)·ln(1 + 1/w) − 1, the one-step change of the Stirling correction. */
function stirlingStep(w: number): number {
  if (w < 1) return (w + 0.5) * Math.log1p(1 / w) - 1;
  // With u = 1/(2w+1) it equals atanh(u)/u − 1 = u²/3 + u⁴/5 + …, which avoids the cancellation.
  const u = 1 / (2 * w + 1);
  const u2 = u * u;
  let term = u2;
  let acc = 0;
  for (let k = 3; k < 200; k += 2) {
    acc += term / k;
    term *= u2;
    if (term <= acc * 1e-17) break;
  }
  return acc;
}

/**
 * Stirling correction μ(z) = ln Γ(z) − (z − ½)·ln z + z − ln √(2π) for z > 0, to ~1e-16
 * absolute. Stirling's series for z ≥ 10, the exact recurrence μ(z) = μ(z + 1) + stirlingStep(z)
 * below. Used to write Γ-ratios without the huge cancelling logarithms.
 */
export function stirlingCorrection(z: number): number {
  if (z >= 10) {
    const r = 1 / z;
    const r2 = r * r;
    let acc = 0;
    for (let i = STIRLING.length - 1; i >= 0; i--) acc = acc * r2 + STIRLING[i];
    return acc * r;
  }
  let acc = 0;
  let w = z;
  while (w < 10) {
    acc += stirlingStep(w);
    w += 1;
  }
  return acc + stirlingCorrection(w);
}

/**
 * Natural log of the gamma function for x > 0 (NaN for x < 0 or NaN, +∞ at 0 and +∞).
 * Relative error ≲ 5e-16 everywhere, including next to the zeros at 1 and 2: a Taylor series
 * about 2 for x ≤ 2.5 (x < 10 is brought down to it by the recurrence) and Stirling's series
 * beyond, so there is no Lanczos-style cancellation near the zeros.
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0 || x === Infinity) return Infinity;
  if (x < 0.5) return logGammaTwoPlus(x) - Math.log1p(x) - Math.log(x);
  if (x < 1.5) {
    const z = x - 1;
    return logGammaTwoPlus(z) - Math.log1p(z);
  }
  if (x <= 2.5) return logGammaTwoPlus(x - 2);
  if (x < 10) {
    let y = x;
    let prod = 1;
    while (y > 2.5) {
      y -= 1;
      prod *= y;
    }
    return logGammaTwoPlus(y - 2) + Math.log(prod);
  }
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
}

/**
 * t − ln(1 + t) for t > −1 with full relative accuracy (it is ≈ t²/2 near 0, where the direct
 * difference would lose everything). For −½ ≤ t ≤ 1 it uses u = t/(2 + t):
 * t − ln(1 + t) = t·u − 2(u³/3 + u⁵/5 + …), a sum without cancellation.
 */
export function xMinusLog1p(t: number): number {
  if (t < -0.5 || t > 1) return t - Math.log1p(t);
  const u = t / (2 + t);
  const u2 = u * u;
  let term = u * u2;
  let acc = 0;
  for (let k = 3; k < 200; k += 2) {
    acc += term / k;
    term *= u2;
    if (Math.abs(term) <= Math.abs(acc) * 1e-17) break;
  }
  return t * u - 2 * acc;
}

const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp)

/** a·b as an unevaluated sum [p, e] with p = fl(a·b), exactly (Dekker's two-product). */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/**
 * n·v − c with the product taken exactly, so the result keeps its relative
 * accuracy when n·v ≈ c — the deviation of x from the mode of a beta/binomial law, whose
 * error would otherwise be multiplied by a + b (up to 1e6 for the binomial tests).
 */
export function productMinus(n: number, v: number, c: number): number {
  const p = n * v;
  if (!(Math.abs(p) < 1e290)) return p - c;
  const [, err] = twoProduct(n, v);
  return p - c + err;
}
