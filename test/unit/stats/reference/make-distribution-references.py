#!/usr/bin/env python3
"""High-precision reference values for server/src/core/stats/distributions.ts.

Regenerate (Python 3.8+, standard library only, about a minute on 2 cores):

    python3 test/unit/stats/reference/make-distribution-references.py

writes distribution-references.json next to this script. Every value is computed here with
`decimal` (50 to 1300 significant digits) or `fractions`, from closed forms or convergent series
that share no code and, where possible, no algorithm with the TypeScript implementation:

* Phi / erfc: Maclaurin series of Phi(z) - 1/2 for z < 8, Laplace continued fraction (evaluated
  backwards with a fixed, doubled-until-stable depth) beyond.
* Student t, integer df: the finite closed forms of Abramowitz & Stegun 26.7.3 / 26.7.4 (atan and
  a finite trigonometric sum). Non-integer df and df = 1e6: the hypergeometric series of
  I_y(1/2, df/2) with y = t^2 / (df + t^2) (ratio y, so it converges fast where used).
* Chi-square, integer df: Poisson sum (even df) and erfc plus a finite series (odd df).
* Regularized gamma / beta with non-integer parameters: their power series, each used only on
  the side where it converges geometrically.
* Binomial: exact rational arithmetic (`fractions`) for n <= 1000; for larger n (up to 1e9) a
  50+ digit sum of the probability mass, started at k with log-gamma and continued by the exact
  term ratio.
* Quantiles: safeguarded Newton iteration in high precision on the CDFs above.

`--coefficients` prints the (zeta(k) - 1)/k table used by the TypeScript log-gamma series.
Independent methods are cross-checked against each other (self_checks) before anything is
written.

Every number is evaluated at two or more increasing precisions until two consecutive results
agree to 30 significant digits, so cancellation (for instance 1 - A(t) far in a tail) is
detected and absorbed by raising the precision. Values are written with 25 significant digits;
inputs are the exact binary64 values given in the JSON (Python repr round-trips in JavaScript).
"""

import json
import math
import os
import random
import statistics
import sys
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, localcontext
from fractions import Fraction

D = Decimal
if hasattr(sys, 'set_int_max_str_digits'):
    sys.set_int_max_str_digits(0)

PRECISIONS = (50, 80, 130, 200, 320, 500, 800, 1300)
AGREE_DIGITS = 30
OUT_DIGITS = 25


def ctx(prec):
    return localcontext(Context(prec=prec, Emax=MAX_EMAX, Emin=MIN_EMIN))


def prec():
    from decimal import getcontext
    return getcontext().prec


def eps():
    return D(10) ** (-prec() - 3)


# --------------------------------------------------------------------------------------------
# Constants and elementary functions at the current precision
# --------------------------------------------------------------------------------------------

_cache = {}


def _atan_inv(n):
    """atan(1/n) by its alternating series (n integer > 1)."""
    x = D(1) / n
    x2 = x * x
    term, s, k = x, x, 0
    tol = eps()
    while abs(term) > tol:
        k += 1
        term = -term * x2
        s += term / (2 * k + 1)
    return s


def pi():
    key = ('pi', prec())
    if key not in _cache:
        with ctx(prec() + 10):
            v = 16 * _atan_inv(5) - 4 * _atan_inv(239)  # Machin
        _cache[key] = +v
    return _cache[key]


def atan(x):
    """atan for Decimal x, via two angle halvings and the Maclaurin series."""
    if x < 0:
        return -atan(-x)
    if x > 1:
        return pi() / 2 - atan(1 / x)
    for _ in range(3):  # tan(theta/2) = x / (1 + sqrt(1 + x^2))
        x = x / (1 + (1 + x * x).sqrt())
    x2 = x * x
    term, s, k = x, x, 0
    tol = eps()
    while abs(term) > tol * abs(s):
        k += 1
        term = -term * x2
        s += term / (2 * k + 1)
    return 8 * s


_bern = [Fraction(1)]


def bernoulli(m):
    """B_m (B_1 = -1/2 convention, unused here) by the classical recurrence, exact."""
    while len(_bern) <= m:
        j = len(_bern)
        s = Fraction(0)
        c = 1  # C(j+1, k)
        for k in range(j):
            s += c * _bern[k]
            c = c * (j + 1 - k) // (k + 1)
        _bern.append(-s / (j + 1))
    return _bern[m]


def lngamma(x):
    """ln Gamma(x) for Decimal x > 0: upward shift, then Stirling's series truncated where its
    terms fall below the working precision (shift chosen so that this happens)."""
    x = D(x)
    p = prec()
    shift_to = D(p) / 2 + 30
    prod = D(1)
    while x < shift_to:
        prod *= x
        x += 1
    s = (x - D('0.5')) * x.ln() - x + (2 * pi()).ln() / 2
    tol = eps()
    xpow = x
    x2 = x * x
    k = 1
    while True:
        b = bernoulli(2 * k)
        term = D(b.numerator) / D(b.denominator) / (2 * k * (2 * k - 1) * xpow)
        s += term
        if abs(term) < tol:
            break
        xpow *= x2
        k += 1
        if k > 400:
            raise RuntimeError('lngamma series did not converge')
    return s - prod.ln()


# --------------------------------------------------------------------------------------------
# Adaptive precision driver
# --------------------------------------------------------------------------------------------

def hp(f, *args):
    """Evaluate f(*args) at increasing precision until two consecutive values agree."""
    prev = None
    for p in PRECISIONS:
        with ctx(p):
            v = f(*args)
        if prev is not None and v != 0 and abs(v - prev) <= abs(v) * D(10) ** (-AGREE_DIGITS):
            return v
        prev = v
    raise RuntimeError('no convergence for %s%r (last %s)' % (f.__name__, args, prev))


def s(v):
    """Decimal -> 25 significant digits string."""
    with ctx(60):
        return format(+v, '.%de' % (OUT_DIGITS - 1))


# --------------------------------------------------------------------------------------------
# Normal distribution and erf
# --------------------------------------------------------------------------------------------

def phi_pdf(z):
    return (-z * z / 2).exp() / (2 * pi()).sqrt()


def norm_q(z):
    """Q(z) = 1 - Phi(z) for Decimal z >= 0."""
    if z < 8:
        # Phi(z) - 1/2 = phi(z) * sum z^(2n+1) / (2n+1)!!
        term = z
        acc = z
        n = 0
        tol = eps()
        z2 = z * z
        while term > tol * acc:
            n += 1
            term = term * z2 / (2 * n + 1)
            acc += term
        return D(1) / 2 - phi_pdf(z) * acc
    # Laplace continued fraction Q(z) = phi(z) / (z + 1/(z + 2/(z + 3/(z + ...))))
    depth = 200
    prev = None
    while True:
        r = D(0)
        for k in range(depth, 0, -1):
            r = k / (z + r)
        v = phi_pdf(z) / (z + r)
        if prev is not None and abs(v - prev) <= abs(v) * eps() * 10:
            return v
        prev = v
        depth *= 2


def norm_cdf(x):
    x = D(x)
    return norm_q(-x) if x < 0 else 1 - norm_q(x)


def norm_sf(x):
    x = D(x)
    return norm_q(x) if x >= 0 else 1 - norm_q(-x)


def erfc_dec(x):
    x = D(x)
    z = x * D(2).sqrt()
    return 2 * norm_q(z) if z >= 0 else 2 - 2 * norm_q(-z)


def erf_dec(x):
    x = D(x)
    z = abs(x) * D(2).sqrt()
    v = 1 - 2 * norm_q(z)
    return v if x >= 0 else -v


def norm_ppf(p_float):
    """Phi^{-1}(p): Newton on Q in high precision (p given as a binary64)."""
    p = D(p_float)
    if p == D('0.5'):
        return D(0)
    target = p if p < D('0.5') else 1 - p
    sign = -1 if p < D('0.5') else 1
    guess = -statistics.NormalDist().inv_cdf(float(min(p_float, 1 - p_float)))
    if not guess > 0:
        guess = math.sqrt(-2 * math.log(float(target)))
    z = D(guess)
    tol = D(10) ** (20 - prec())
    for _ in range(100):
        step = (norm_q(z) - target) / phi_pdf(z)
        z += step
        if abs(step) <= abs(z) * tol:
            break
    return sign * z  # accuracy is judged by hp() comparing two precisions


# --------------------------------------------------------------------------------------------
# Student t
# --------------------------------------------------------------------------------------------

def t_sf_closed(t, nu):
    """P(T > t) for t >= 0 and integer nu, Abramowitz & Stegun 26.7.3/26.7.4."""
    nu_d = D(nu)
    s2 = nu_d + t * t
    sin = t / s2.sqrt()
    cos2 = nu_d / s2
    if nu % 2 == 1:
        theta = atan(t / nu_d.sqrt())
        if nu == 1:
            a = 2 * theta / pi()
        else:
            cos = cos2.sqrt()
            term = cos
            acc = cos
            for k in range(1, (nu - 3) // 2 + 1):
                term = term * cos2 * (2 * k) / (2 * k + 1)
                acc += term
            a = 2 * (theta + sin * acc) / pi()
    else:
        term = D(1)
        acc = D(1)
        for k in range(1, (nu - 2) // 2 + 1):
            term = term * cos2 * (2 * k - 1) / (2 * k)
            acc += term
        a = sin * acc
    return (1 - a) / 2


def beta_series(x, a, b):
    """I_x(a, b) by its hypergeometric series, Decimal arguments; converges with ratio x."""
    lnpre = a * x.ln() + b * (1 - x).ln() - (lngamma(a) + lngamma(b) - lngamma(a + b))
    term = D(1)
    acc = D(1)
    n = 0
    tol = eps()
    while True:
        term = term * (a + b + n) / (a + 1 + n) * x
        acc += term
        n += 1
        if term < tol * acc and (a + b + n) / (a + 1 + n) * x < D('0.9'):
            break
        if n > 2_000_000:
            raise RuntimeError('beta series did not converge')
    return lnpre.exp() * acc / a


def beta_reg(x, a, b):
    """I_x(a, b), choosing the side where the series converges with ratio <= 1/2."""
    x, a, b = D(x), D(a), D(b)
    if x <= D('0.5'):
        return beta_series(x, a, b)
    return 1 - beta_series(1 - x, b, a)


def t_sf_series(t, nu):
    """P(T > t), t >= 0, any real nu: (1 - I_y(1/2, nu/2)) / 2, y = t^2/(nu + t^2)."""
    if t == 0:
        return D('0.5')
    nu = D(nu)
    y = t * t / (nu + t * t)
    if y <= D('0.5'):
        a = beta_series(y, D('0.5'), nu / 2)
    else:
        a = 1 - beta_series(nu / (nu + t * t), nu / 2, D('0.5'))
    return (1 - a) / 2


def t_sf_any(t, nu):
    return t_sf_closed(t, nu) if (float(nu).is_integer() and nu <= 5000) else t_sf_series(t, nu)


def t_cdf(t_float, nu):
    t = D(t_float)
    return t_sf_any(-t, nu) if t < 0 else 1 - t_sf_any(t, nu)


def t_sf(t_float, nu):
    t = D(t_float)
    return t_sf_any(t, nu) if t >= 0 else 1 - t_sf_any(-t, nu)


def t_pdf(t, nu):
    """Density; only used for Newton steps, so 100 digits are plenty (a relative error d in it
    just makes Newton converge linearly with ratio d)."""
    with ctx(min(prec(), 100)):
        nu = D(nu)
        lc = lngamma((nu + 1) / 2) - lngamma(nu / 2) - (nu * pi()).ln() / 2
        return (lc - (nu + 1) / 2 * (1 + t * t / nu).ln()).exp()


def t_ppf(p_float, nu):
    """Quantile by safeguarded Newton on P(T > t) = min(p, 1 - p), t > 0."""
    p = D(p_float)
    if p == D('0.5'):
        return D(0)
    target = p if p < D('0.5') else 1 - p
    sign = -1 if p < D('0.5') else 1
    lo = D(0)
    hi = D(1)
    while t_sf_any(hi, nu) > target:
        lo = hi
        hi *= 4
    t = (lo + hi) / 2
    tol = D(10) ** (15 - prec())
    # Newton (sf decreases with slope -pdf), bisection whenever a step leaves the bracket
    for _ in range(300):
        f = t_sf_any(t, nu) - target
        if f > 0:
            lo = t
        else:
            hi = t
        nt = t + f / t_pdf(t, nu)
        if not (lo < nt < hi):
            nt = (lo + hi) / 2 if (lo == 0 or hi / lo < 4) else (lo * hi).sqrt()
        if abs(nt - t) <= abs(t) * tol:
            return sign * nt
        t = nt
    return sign * t  # accuracy is judged by hp() comparing two precisions


# --------------------------------------------------------------------------------------------
# Chi-square, incomplete gamma
# --------------------------------------------------------------------------------------------

def chi2_sf_closed(x_float, df):
    x = D(x_float)
    h = x / 2
    if df % 2 == 0:
        term = D(1)
        acc = D(1)
        for k in range(1, df // 2):
            term = term * h / k
            acc += term
        return (-h).exp() * acc
    q = erfc_dec(h.sqrt())
    # sum_{k=1}^{m} h^(k-1/2) / Gamma(k+1/2),  Gamma(3/2) = sqrt(pi)/2
    term = h.sqrt() / (pi().sqrt() / 2)
    acc = term
    for k in range(2, (df - 1) // 2 + 1):
        term = term * h / (k - D('0.5'))
        acc += term
    return q + (-h).exp() * acc if df > 1 else q


def chi2_cdf_series(x_float, df):
    return gamma_p_series(D(df) / 2, D(x_float) / 2)


def gamma_log_estimates(a, x):
    """Rough (float) ln P(a, x) and ln Q(a, x), used only to skip values that underflow."""
    lp = a * math.log(x) - x - math.lgamma(a + 1) if x < a + 1 else 0.0
    lq = (a - 1) * math.log(x) - x - math.lgamma(a) + math.log(x / max(x - a + 1, 1.0)) if x > a else 0.0
    return lp, lq


def gamma_p_series(a, x):
    """P(a, x) = x^a e^-x / Gamma(a+1) * sum x^n / (a+1)_n."""
    a, x = D(a), D(x)
    term = D(1)
    acc = D(1)
    n = 0
    tol = eps()
    while True:
        n += 1
        term = term * x / (a + n)
        acc += term
        if term < tol * acc and x / (a + n) < D('0.9'):
            break
    return (a * x.ln() - x - lngamma(a + 1)).exp() * acc


def gamma_q_dec(a, x):
    return 1 - gamma_p_series(a, x)


# --------------------------------------------------------------------------------------------
# Binomial
# --------------------------------------------------------------------------------------------

def binom_exact(k, n, p_float):
    """(P(X <= k), P(X > k)) as exact Fractions."""
    p = Fraction(p_float)
    q = 1 - p
    total = Fraction(0)
    c = 1
    for j in range(0, k + 1):
        total += c * p ** j * q ** (n - j)
        c = c * (n - j) // (j + 1)
    return total, 1 - total


def frac_to_dec(f):
    with ctx(60):
        return D(f.numerator) / D(f.denominator)


def binom_dec(k, n, p_float, want):
    """P(X <= k) or P(X > k) by summing the mass from the boundary outwards (Decimal)."""
    p = D(p_float)
    q = 1 - p
    mode = int((n + 1) * p_float)
    lnc = lngamma(D(n + 1))
    tol = eps()

    def pmf(j):
        return (lnc - lngamma(D(j + 1)) - lngamma(D(n - j + 1)) + j * p.ln() + (n - j) * q.ln()).exp()

    if k < mode:  # lower sum is the small one
        term = pmf(k)
        acc = term
        j = k
        while j > 0:
            term = term * j / (n - j + 1) * q / p
            acc += term
            j -= 1
            if term < tol * acc:
                break
        cdf = acc
        return cdf if want == 'cdf' else 1 - cdf
    term = pmf(k + 1)
    acc = term
    j = k + 1
    while j < n:
        term = term * (n - j) / (j + 1) * p / q
        acc += term
        j += 1
        if term < tol * acc:
            break
    sf = acc
    return sf if want == 'sf' else 1 - sf


# --------------------------------------------------------------------------------------------
# Zeta coefficients used by the TypeScript log-gamma series (printed with --coefficients)
# --------------------------------------------------------------------------------------------

def zeta_minus_one(k):
    """zeta(k) - 1 for integer k >= 2 by Euler-Maclaurin with cut M."""
    m = 40
    acc = sum(D(1) / D(n) ** k for n in range(2, m))
    mk = D(m)
    acc += mk ** (1 - k) / (k - 1) + mk ** (-k) / 2
    rising = D(k)  # k (k+1) ... (k + 2j - 2)
    for j in range(1, 40):
        b = bernoulli(2 * j)
        acc += D(b.numerator) / D(b.denominator) / math.factorial(2 * j) * rising * mk ** (-k - 2 * j + 1)
        rising *= (k + 2 * j - 1) * (k + 2 * j)
    return acc


# --------------------------------------------------------------------------------------------
# Cross-checks between independent methods (run before anything is written)
# --------------------------------------------------------------------------------------------

def close(u, v, digits=25):
    return abs(u - v) <= abs(v) * D(10) ** (-digits)


def self_checks():
    with ctx(80):
        for nu in (3, 4, 30, 99):
            for t in ('0.5', '2', '7'):
                assert close(t_sf_closed(D(t), nu), t_sf_series(D(t), nu)), ('t', nu, t)
        for df in (1, 2, 5, 10, 31):
            for x in (0.5, 3.84, 20.0):
                assert close(chi2_sf_closed(x, df), gamma_q_dec(D(df) / 2, D(x) / 2)), ('chi2', df, x)
                assert close(1 - chi2_sf_closed(x, df), chi2_cdf_series(x, df), 20), ('chi2 cdf', df, x)
        for k, n, p in ((450, 1000, 0.5), (3, 1000, 0.001), (995, 1000, 0.999), (7, 10, 0.3)):
            cdf, sf = binom_exact(k, n, p)
            assert close(binom_dec(k, n, p, 'cdf'), frac_to_dec(cdf)), ('binom cdf', k, n, p)
            assert close(binom_dec(k, n, p, 'sf'), frac_to_dec(sf)), ('binom sf', k, n, p)
            assert close(beta_reg(p, k + 1, n - k), frac_to_dec(sf)), ('beta/binom', k, n, p)
        assert close(erfc_dec(D(1)), D('0.15729920705028513065877936491739074070393300203369719'), 40)
        assert close(lngamma(D('0.5')), (pi().ln()) / 2, 60)
        assert close(norm_cdf(-5.0), D('2.86651571879193911673752e-7'), 22)


# --------------------------------------------------------------------------------------------
# Reference sets
# --------------------------------------------------------------------------------------------

def main():
    if '--coefficients' in sys.argv:
        with ctx(60):
            for k in range(2, 41):
                print(k, format(zeta_minus_one(k) / k, '.25e'))
            print('euler gamma check', format(lngamma(D(2) + D('1e-30')) / D('1e-30'), '.25e'))
        return

    self_checks()
    out = {'_comment': 'Generated by make-distribution-references.py (see its docstring); do not edit.'}

    erf_x = [1e-300, 1e-20, 1e-8, 0.001, 0.1, 0.3, 0.5, 0.75, 0.9, 0.99, 1.0, 1.01, 1.2, 1.5, 2.0, 2.5,
             3.0, 3.5, 4.0, 5.0, 6.0, -0.2, -1.3, -4.5]
    out['erf'] = [[x, s(hp(erf_dec, x))] for x in erf_x]
    erfc_x = [-6.0, -2.0, -0.5, -1e-10, 0.0, 1e-10, 0.01, 0.1, 0.3, 0.5, 0.8, 0.99, 1.0, 1.01, 1.3, 1.5,
              2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.5, 15.0, 20.0, 22.2, 25.0, 26.0, 26.5, 26.55]
    out['erfc'] = [[x, s(hp(erfc_dec, x))] for x in erfc_x]

    cdf_x = [-37.5, -37.0, -36.0, -35.0, -30.0, -25.0, -20.0, -15.0, -10.0, -8.0, -7.0, -6.0, -5.0, -4.5,
             -4.0, -3.5, -3.0, -2.5, -2.0, -1.96, -1.75, -1.5, -1.25, -1.0, -0.75, -0.5, -0.25, -0.1,
             -1e-5, -1e-10, -1e-300, 0.0, 1e-10, 0.1, 0.5, 1.0, 1.4, 1.5, 1.6, 2.0, 3.0, 5.0, 8.0]
    out['normalCdf'] = [[x, s(hp(norm_cdf, x))] for x in cdf_x]
    sf_x = [-3.0, -1.0, 0.0, 0.5, 1.0, 1.5, 1.644853626951472, 1.959963984540054, 2.0, 2.5, 3.0, 4.0,
            5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0, 15.0, 20.0, 25.0, 30.0, 35.0, 37.0, 37.5]
    out['normalSf'] = [[x, s(hp(norm_sf, x))] for x in sf_x]
    rnd_x = random.Random(7)
    dense_x = [round(rnd_x.uniform(-38.0, 9.0), 6) for _ in range(400)]
    dense_x += [round(rnd_x.uniform(-2.5, 0.5), 9) for _ in range(200)]  # around the method switch
    out['normalCdfDense'] = [[x, s(hp(norm_cdf, x))] for x in sorted(dense_x)]
    dense_e = sorted(round(rnd_x.uniform(0.0, 2.0), 9) for _ in range(200))
    out['erfDense'] = [[x, s(hp(erf_dec, x))] for x in dense_e if x > 0]
    out['erfcDense'] = [[x, s(hp(erfc_dec, x))] for x in dense_e]
    ppf_p = [1e-300, 1e-250, 1e-200, 1e-150, 1e-100, 1e-50, 1e-30, 1e-20, 1e-16, 1e-12, 1e-10, 1e-8,
             1e-6, 1e-5, 1e-4, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.13, 0.15, 0.2,
             0.2499, 0.25, 0.2501, 0.3, 0.35, 0.4, 0.45, 0.49, 0.499999, 0.4999999999, 0.5,
             0.5000000001, 0.500001, 0.51, 0.6, 0.7, 0.75, 0.7501, 0.8, 0.85, 0.9, 0.95, 0.975,
             0.99, 0.995, 0.999, 0.9999, 1 - 1e-8, 1 - 1e-12, 1 - 1e-15, 1 - 1e-16,
             1 - 0.025000000000000022, 1 - 0.050000000000000044, 0.025000000000000022,
             0.050000000000000044]
    out['normalPpf'] = [[p, s(hp(norm_ppf, p)) if p != 0.5 else '0'] for p in ppf_p]
    # a dense grid (log-spaced towards 0, uniform pseudo-random in the body, mirrored)
    rnd = random.Random(20240601)
    grid = sorted(set([10 ** (-e / 7) for e in range(1, 300 * 7, 17)] + [rnd.random() for _ in range(300)]))
    grid += [1 - p for p in grid if p < 0.5]
    out['normalPpfDense'] = [[p, s(hp(norm_ppf, p))] for p in grid if 0 < p < 1 and p != 0.5]

    lg_x = [1e-300, 1e-100, 1e-10, 1e-5, 0.001, 0.1, 0.25, 0.4999, 0.5, 0.5001, 0.75, 0.9, 0.99,
            0.999999, 0.9999999999, 1.0000000001, 1.000001, 1.01, 1.1, 1.25, 1.4999, 1.5, 1.5001, 1.75,
            1.9, 1.99, 1.999999, 1.9999999999, 2.0000000001, 2.000001, 2.01, 2.25, 2.4999, 2.5, 2.5001,
            3.0, 3.5, 4.25, 5.0, 7.7, 9.5, 9.999, 10.0, 10.5, 12.3, 20.0, 50.5, 100.0, 171.5, 1000.25,
            12345.678, 1e6, 1e10, 1e15, 1e100, 1e300]
    out['logGamma'] = [[x, s(hp(lngamma, D(x)))] for x in lg_x]
    out['logGammaZeros'] = [1.0, 2.0]

    # Student t
    dfs = [1, 2, 3, 4, 5, 7, 10, 29, 30, 99, 1000]
    ts = [0.0, 1e-10, 1e-3, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0, 10.0, 20.0, 50.0, 100.0, 1e3,
          1e5, 1e10, 1e50, 1e100]
    tcdf, tsf = [], []
    def negligible(t, df):  # rough ln P(T > t) below ~ -700: the value underflows anyway
        return (df + 1) / 2 * math.log1p(t * t / df) > 710 if t < 1e150 else df * math.log(t) > 700

    for df in dfs:
        for t in ts:
            if negligible(t, df):
                continue
            v = hp(t_sf, t, df)
            if v < D('1e-300'):
                continue
            tsf.append([t, df, s(v)])
            tcdf.append([-t, df, s(v)])
            tcdf.append([t, df, s(hp(t_cdf, t, df))])
    for df in [40, 41, 50, 64, 200, 500, 5000]:
        for t in [0.01, 0.7, 1.5, 1.8, 2.5, 4.0, 8.0, 16.0, 30.0]:
            if negligible(t, df):
                continue
            v = hp(t_sf, t, df)
            tsf.append([t, df, s(v)])
            tcdf.append([-t, df, s(v)])
            tcdf.append([t, df, s(hp(t_cdf, t, df))])
    for df in [1e6, 0.5, 1.5, 2.5, 7.3, 29.5, 123.456, 5e4 + 0.5]:
        for t in [1e-8, 0.3, 1.0, 1.96, 3.0, 5.0, 6.0, 10.0, 15.0, 30.0]:
            if df == 1e6 and t > 30 or negligible(t, df):
                continue
            v = hp(t_sf, t, df)
            if v < D('1e-300'):
                continue
            tsf.append([t, df, s(v)])
            tcdf.append([-t, df, s(v)])
    out['studentTCdf'] = tcdf
    out['studentTSf'] = tsf

    tp = []
    ps = [1e-300, 1e-100, 1e-20, 1e-12, 1e-6, 0.001, 0.01, 0.025, 0.05, 0.1, 0.25, 0.4, 0.49, 0.4999999,
          0.5, 0.5000001, 0.6, 0.75, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 1 - 1e-9, 1 - 1e-12]
    for df in [1, 2, 3, 5, 10, 29, 30, 99, 1000]:
        for p in ps:
            if df >= 10 and p < 1e-100:
                continue
            tp.append([p, df, s(hp(t_ppf, p, df)) if p != 0.5 else '0'])
    for df in [1e6, 2.5, 7.3, 0.7]:
        for p in [1e-12, 0.001, 0.025, 0.05, 0.3, 0.5000001, 0.8, 0.95, 0.975]:
            tp.append([p, df, s(hp(t_ppf, p, df))])
    for df in range(1, 1001):
        tp.append([0.975, df, s(hp(t_ppf, 0.975, df))])
    for df in [1, 2, 3, 5, 9, 10, 19, 29, 49, 99, 199, 499, 999]:
        tp.append([0.050000000000000044, df, s(hp(t_ppf, 0.050000000000000044, df))])
        tp.append([0.025000000000000022, df, s(hp(t_ppf, 0.025000000000000022, df))])
    out['studentTPpf'] = tp

    # Chi-square
    c_cdf, c_sf = [], []
    chi_grid = [(df, x) for df in [1, 2, 3, 4, 5, 7, 10, 29, 30, 99, 1000]
                for x in [1e-10, 1e-3, 0.1, 0.5, 1.0, 2.0, 3.84, 5.0, 7.0, 10.0, 20.0, 50.0, 100.0, 200.0,
                          500.0, 1000.0, 1200.0, 1400.0]]
    chi_grid += [(10000, x) for x in [9000.0, 9500.0, 9900.0, 10000.0, 10100.0, 10500.0, 11000.0]]
    for df, x in chi_grid:
        if True:
            lp, lq = gamma_log_estimates(df / 2, x / 2)
            if lq > -700:
                sf = hp(chi2_sf_closed, x, df)
                if sf >= D('1e-300'):
                    c_sf.append([x, df, s(sf)])
            if lp > -700:
                cdf = hp(chi2_cdf_series, x, df)
                if cdf >= D('1e-300'):
                    c_cdf.append([x, df, s(cdf)])
    out['chi2Cdf'] = c_cdf
    out['chi2Sf'] = c_sf

    gp, gq = [], []
    for a, x in [(0.1, 0.01), (0.1, 1.0), (0.1, 5.0), (0.5, 1e-8), (0.5, 0.3), (0.5, 2.0), (1.7, 0.5),
                 (1.7, 2.7), (1.7, 8.0), (12.3, 5.0), (12.3, 12.3), (12.3, 13.3), (12.3, 30.0),
                 (150.5, 120.0), (150.5, 150.0), (150.5, 152.0), (150.5, 200.0),
                 (50000.25, 49000.0), (50000.25, 50000.0), (50000.25, 51000.0), (3.0, 40.0),
                 (0.5, 100.0), (2.5, 300.0)]:
        lp, lq = gamma_log_estimates(a, x)
        if lp > -700:
            p = hp(gamma_p_series, a, x)
            if p >= D('1e-300'):
                gp.append([a, x, s(p)])
        if lq > -700:
            q = hp(gamma_q_dec, a, x)
            if q >= D('1e-300'):
                gq.append([a, x, s(q)])
    out['gammaP'] = gp
    out['gammaQ'] = gq

    bet = []
    for x, a, b in [(0.3, 2.5, 3.7), (0.7, 2.5, 3.7), (0.999, 0.5, 0.5), (0.001, 0.5, 0.5),
                    (1e-10, 0.5, 10.0), (0.5, 1000.5, 999.5), (0.49, 1000.5, 999.5),
                    (0.9, 0.1, 0.2), (0.2, 30.0, 70.0), (0.25, 30.0, 70.0), (0.45, 30.0, 70.0),
                    (0.01, 1.0, 1.0), (0.5, 7.0, 7.0), (0.999999, 40.0, 1.5), (0.1, 2.0, 300.0),
                    (0.9999, 2e4, 1e-3), (1e-5, 1e-3, 2e4), (0.3, 1e-3, 2e4),
                    # x close to 1 with a >> b (the asymptotic-expansion regime) and its borders
                    (0.9, 25.0, 3.5), (0.97, 25.0, 3.5), (0.99, 100.0, 40.0), (0.999, 1000.0, 40.0),
                    (0.7, 20.0, 0.5), (0.6, 30.0, 30.0), (0.6, 40.0, 40.0), (0.9995, 1e5, 10.0),
                    (0.99999, 1e5, 1.5), (0.95, 20.5, 0.25), (0.9, 300.0, 39.0), (0.7, 45.0, 2.0)]:
        v = hp(beta_reg, x, a, b)
        if v >= D('1e-300'):
            bet.append([x, a, b, s(v)])
    out['regularizedBeta'] = bet

    bc, bs = [], []
    small = []
    for n in [1, 5, 10, 20, 25]:
        for k in range(-1, n + 1):
            small.append((k, n, 0.5))
    for n, p, ks in [(10, 0.3, [0, 1, 3, 7, 9]), (100, 0.01, [0, 1, 5, 20, 99]),
                     (100, 0.5, [0, 10, 40, 49, 50, 60, 99]), (1000, 0.5, [0, 100, 450, 499, 500, 550, 999]),
                     (1000, 0.999, [900, 990, 998, 999]), (1000, 1e-6, [0, 1, 2, 10])]:
        for k in ks:
            small.append((k, n, p))
    for k, n, p in small:
        if k < 0:
            continue
        cdf, sf = binom_exact(k, n, p)
        if cdf > 0 and frac_to_dec(cdf) >= D('1e-300'):
            bc.append([k, n, p, s(frac_to_dec(cdf))])
        if sf > 0 and frac_to_dec(sf) >= D('1e-300'):
            bs.append([k, n, p, s(frac_to_dec(sf))])
    for n, p, ks in [(100000, 0.5, [48000, 49500, 49999, 50000, 50500, 52000]),
                     (100000, 0.001, [50, 90, 100, 110, 200]),
                     (1000000, 0.5, [497000, 499000, 499900, 499999, 500000, 500001, 501000, 503000]),
                     (1000000, 0.3, [297000, 299999, 300000, 301000, 303000]),
                     (1000000, 1e-5, [0, 5, 10, 20, 40]),
                     (10 ** 8, 0.5, [5 * 10 ** 7 - 30000, 5 * 10 ** 7 - 1000, 5 * 10 ** 7]),
                     (10 ** 8, 0.3, [3 * 10 ** 7 + 100, 3 * 10 ** 7 + 20000]),
                     (10 ** 8, 1e-6, [80, 100, 120]),
                     (10 ** 9, 0.5, [5 * 10 ** 8 - 100000, 5 * 10 ** 8])]:
        for k in ks:
            cdf = hp(binom_dec, k, n, p, 'cdf')
            sf = hp(binom_dec, k, n, p, 'sf')
            if cdf >= D('1e-300'):
                bc.append([k, n, p, s(cdf)])
            if sf >= D('1e-300'):
                bs.append([k, n, p, s(sf)])
    out['binomialCdf'] = bc
    out['binomialSf'] = bs

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'distribution-references.json')
    with open(path, 'w') as fh:  # one row per line
        parts = []
        for key, value in out.items():
            if isinstance(value, list):
                rows = ',\n'.join('    ' + json.dumps(r) for r in value)
                parts.append('  %s: [\n%s\n  ]' % (json.dumps(key), rows))
            else:
                parts.append('  %s: %s' % (json.dumps(key), json.dumps(value)))
        fh.write('{\n' + ',\n'.join(parts) + '\n}\n')
    print('wrote', path, sum(len(v) for v in out.values() if isinstance(v, list)), 'values')


if __name__ == '__main__':
    main()
