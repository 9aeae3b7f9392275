// numpy's pairwise summation: the order of additions decides the last bits, and
// those decide ties in permutation counts, so it must be numpy's order exactly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { npMean, npStd, npVar, pairwiseSum } from '../../../server/src/core/stats/pairwise-sum';

/**
 * A direct transcription of numpy's DOUBLE_pairwise_sum (loops_utils.h.src),
 * kept deliberately close to the C (r[] array, explicit index arithmetic).
 */
function numpyPairwise(a: number[], start: number, n: number): number {
  if (n < 8) {
    let res = -0.0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  } else if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => a[start + j]);
    let i: number;
    for (i = 8; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[start + i + j];
    }
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.trunc(n / 2);
  n2 -= n2 % 8;
  return numpyPairwise(a, start, n2) + numpyPairwise(a, start + n2, n - n2);
}

/** Deterministic test data with many non-dyadic values and mixed magnitudes. */
function data(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32;
    return (u - 0.5) * 10 ** ((s & 7) - 3) + 0.1;
  });
}

describe('pairwiseSum', () => {
  it('matches the transcription of numpy bit for bit at every shape of the recursion', () => {
    const sizes = [...Array.from({ length: 300 }, (_, i) => i), 1000, 1031, 4096, 5003, 20_000, 100_003];
    for (const n of sizes) {
      const x = data(n, n + 1);
      assert.ok(Object.is(pairwiseSum(x), numpyPairwise(Array.from(x), 0, n)), `n = ${n}`);
    }
  });

  it('sums a sub-range as numpy sums a contiguous slice', () => {
    const x = data(500, 3);
    assert.equal(pairwiseSum(x, 37, 300), numpyPairwise(Array.from(x), 37, 300));
    assert.equal(pairwiseSum(x, 490), numpyPairwise(Array.from(x), 490, 10));
    assert.throws(() => pairwiseSum(x, 400, 200), RangeError);
  });

  it('differs from left-to-right summation on a constructed input', () => {
    // 1 followed by fifteen 2^-53: each left-to-right step rounds 1 + 2^-53 back
    // to 1 (ties to even), while numpy's accumulators r1..r7 each reach 2^-52
    // before meeting the 1, so the pairwise total is exactly 1 + 7·2^-52.
    const x = Float64Array.from({ length: 16 }, (_, i) => (i === 0 ? 1 : 2 ** -53));
    let naive = 0;
    for (const v of x) naive += v;
    assert.equal(naive, 1);
    assert.equal(pairwiseSum(x), 1 + 7 * 2 ** -52);
    assert.equal(pairwiseSum(x), numpyPairwise(Array.from(x), 0, 16));
  });

  it('differs from left-to-right summation on random data too (so order is not a detail)', () => {
    let differ = 0;
    for (let seed = 0; seed < 50; seed++) {
      const x = data(1000, seed);
      let naive = 0;
      for (const v of x) naive += v;
      if (naive !== pairwiseSum(x)) differ++;
    }
    assert.ok(differ > 10, `only ${differ} of 50 differ`);
  });

  it('keeps a sum of negative zeros negative, as numpy 2.x', () => {
    assert.ok(Object.is(pairwiseSum(Float64Array.of(-0, -0, -0)), -0));
    assert.ok(Object.is(pairwiseSum(new Float64Array(0)), -0));
  });
});

describe('npMean, npVar, npStd', () => {
  it('mean is the pairwise sum divided by n', () => {
    const x = data(777, 5);
    assert.equal(npMean(x), numpyPairwise(Array.from(x), 0, 777) / 777);
    assert.ok(Number.isNaN(npMean(new Float64Array(0))));
  });

  it('var and std follow numpy _var (deviations squared with x*x, pairwise, / (n - ddof))', () => {
    const x = data(333, 9);
    const arr = Array.from(x);
    const mean = numpyPairwise(arr, 0, 333) / 333;
    const sq = arr.map((v) => (v - mean) * (v - mean));
    assert.equal(npVar(x, 1), numpyPairwise(sq, 0, 333) / 332);
    assert.equal(npVar(x), numpyPairwise(sq, 0, 333) / 333);
    assert.equal(npStd(x, 1), Math.sqrt(numpyPairwise(sq, 0, 333) / 332));
    assert.equal(npStd(Float64Array.of(1, 2, 3, 4), 1), Math.sqrt(5 / 3));
  });

  it('divides by max(n - ddof, 0) like numpy', () => {
    assert.equal(npVar(Float64Array.of(1, 3), 2), Infinity);
    assert.ok(Number.isNaN(npVar(Float64Array.of(2), 1)));
  });
});
