// Standard normal distribution: Φ, 1 − Φ and Φ⁻¹ to about 1 ulp, including the far tails.
// Tails are always computed directly (Laplace continued fraction times an exp(−x²/2) free of the
// x² rounding error), never as 1 − something close to 1.

import { SQRT_2PI, expNegSquare, laplaceFraction, oddFactorialSeries, twoProduct } from './special-functions';

/**
 * Below this Φ − ½ comes from the positive series, above it Q from the continued fraction. The
 * series' error grows with the cancellation in Q = ½ − (Φ − ½), the fraction's is flat (~3 ulp,
 * from φ): they cross where Q ≈ ¼, i.e. z ≈ 0.67 (measured worst 4.4e-16 either side).
 */
const NORMAL_CF_FROM = 0.67;
/** Q(1.5): the quantile switches between its centred and its tail iteration here. */
const CENTRAL_P_LOW = 0.0668072012688581;

/** φ(z) */
export function normalPdf(z: number): number {
  return expNegSquare(z, 0.5) / SQRT_2PI;
}

/** Q(z) = 1 − Φ(z) for z ≥ 0 (cancellation at most 2× below the switch, none above). */
export function upperTail(z: number): number {
  if (z < NORMAL_CF_FROM) return 0.5 - normalPdf(z) * oddFactorialSeries(z, z * z);
  if (z > 38.6) return 0;
  return normalPdf(z) * laplaceFraction(z, 1);
}

/** Φ(z) − ½ for z ≥ 0, with full relative accuracy as z → 0. */
export function centralHalf(z: number): number {
  if (z < NORMAL_CF_FROM) return normalPdf(z) * oddFactorialSeries(z, z * z);
  return 0.5 - upperTail(z);
}

/**
 * Standard normal CDF Φ(x). Relative error ≲ 5e-16 for all x, including the lower tail down to
 * the underflow limit (Φ(−37) ≈ 5.7e-300); the lower tail is never formed as 1 − Φ(|x|).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return x < 0 ? upperTail(-x) : 0.5 + centralHalf(x);
}

/** Standard normal survival function 1 − Φ(x) = Φ(−x), computed directly; accuracy as normalCdf. */
export function normalSf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return x > 0 ? upperTail(x) : 0.5 + centralHalf(-x);
}

/** Abramowitz & Stegun 26.2.23: |error| < 4.5e-4 for 0 < q ≤ ½; only a starting point. */
function roughUpperQuantile(q: number): number {
  const t = Math.sqrt(-2 * Math.log(q));
  return t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
}

/** z ≳ 1.5 with Q(z) = q for 0 < q < Q(1.5): Halley's iteration on Q, in Mills-ratio form. */
function upperQuantile(q: number): number {
  let z = roughUpperQuantile(q);
  for (let i = 0; i < 10; i++) {
    // u = (q − Q(z))/φ(z) = q/φ(z) − Q(z)/φ(z); the Mills ratio needs no exponential, and q/φ(z),
    // which would overflow past z ≈ 37.7 (q < 1e-300), is taken from logarithms there.
    const mills = z < NORMAL_CF_FROM ? 0.5 / normalPdf(z) - oddFactorialSeries(z, z * z) : laplaceFraction(z, 1);
    const qOverPdf = z < 37 ? (q * SQRT_2PI) / expNegSquare(z, 0.5) : Math.exp(Math.log(q) + 0.5 * z * z) * SQRT_2PI;
    const u = qOverPdf - mills;
    const dz = u / (1 + 0.5 * z * u);
    z -= dz;
    if (Math.abs(dz) <= 1e-15 * z) break;
  }
  return z;
}

// --- double-double arithmetic, only for the last correction of the central quantile ----------

type DD = [number, number];
const SQRT_2PI_DD: DD = [2.5066282746310007, -1.8328579980459167e-16];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}


function ddAdd(x: DD, y: DD): DD {
  const [s, e] = twoSum(x[0], y[0]);
  const [h, l] = twoSum(s, e + x[1] + y[1]);
  return [h, l];
}

function ddMul(x: DD, y: DD): DD {
  const [p, e] = twoProduct(x[0], y[0]);
  return twoSum(p, e + x[0] * y[1] + x[1] * y[0]);
}

function ddDiv(x: DD, d: number): DD {
  const q = x[0] / d;
  const [p, e] = twoProduct(q, d);
  return twoSum(q, (x[0] - p - e + x[1]) / d);
}

/**
 * One Newton step for Φ(x) − ½ = c whose residual S(x) − c·√(2π)·e^{x²/2} is evaluated in
 * double-double (S = (Φ − ½)/φ by its positive series). Near |x| ≈ 1 the quantile's condition
 * number is ~2, so a residual rounded in plain doubles (exp alone is good to ~1 ulp) leaves
 * 2–6 ulp errors; this leaves ~½ ulp.
 */
function polishCentral(x: number, c: DD): number {
  const x2 = twoProduct(x, x);
  const half = ddDiv(x2, 2);
  let term: DD = [x, 0];
  let s: DD = [x, 0];
  let eTerm: DD = [1, 0];
  let e: DD = [1, 0];
  for (let n = 1; n < 60; n++) {
    term = ddDiv(ddMul(term, x2), 2 * n + 1);
    s = ddAdd(s, term);
    eTerm = ddDiv(ddMul(eTerm, half), n);
    e = ddAdd(e, eTerm);
    if (Math.abs(term[0]) < 1e-34 * Math.abs(s[0]) && eTerm[0] < 1e-34) break;
  }
  const rhs = ddMul(ddMul(c, SQRT_2PI_DD), e);
  const u = ddAdd(s, [-rhs[0], -rhs[1]]);
  // d/dx [S − c/φ] = 1 + x·S − x·c/φ = 1 + x·u ≈ 1 at the root
  return x - (u[0] + u[1]) / (1 + x * u[0]);
}

/** x with Φ(x) − ½ = c for |x| ≲ 1.5: Halley on the centred CDF (no cancellation near 0), then polishCentral. */
function centralQuantile(c: DD): number {
  const cc = c[0] + c[1];
  let x = roughUpperQuantile(0.5 - Math.abs(cc));
  if (cc < 0) x = -x;
  for (let i = 0; i < 10; i++) {
    const u = oddFactorialSeries(x, x * x) - (cc * SQRT_2PI) / expNegSquare(x, 0.5);
    const dx = u / (1 + 0.5 * x * u);
    x -= dx;
    if (Math.abs(dx) <= 1e-13 * Math.abs(x)) break;
  }
  return polishCentral(x, c);
}

/**
 * Standard normal quantile Φ⁻¹(p) (scipy.special.ndtri): −∞ at 0, +∞ at 1, NaN outside [0, 1].
 * Halley-refined on the accurate Φ above (centre: on Φ − ½ with c = p − ½ held exactly, finished
 * in double-double; tails: on the tail probability, 1 − p being exact for p ≥ ½), so it is within
 * ~1 ulp of the exact quantile of the given double for every p from 5e-324 to 1 − 2⁻⁵³.
 */
export function normalPpf(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p < CENTRAL_P_LOW) return -upperQuantile(p);
  if (p > 1 - CENTRAL_P_LOW) return upperQuantile(1 - p);
  return centralQuantile(twoSum(p, -0.5));
}
