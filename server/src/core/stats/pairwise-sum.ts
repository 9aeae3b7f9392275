/**
 * numpy's float64 summation, reproduced operation for operation.
 *
 * `np.sum`, `np.mean` and `mean(axis=1)` on contiguous float64 data do not add
 * left to right: numpy's add-reduce inner loop calls `DOUBLE_pairwise_sum`
 * (numpy/_core/src/umath/loops_utils.h.src). Floating-point addition is not
 * associative, so a port that sums in another order differs in the last bits,
 * and a last-bit difference can flip a `m_r >= obs` tie in a permutation count.
 * EVALSIG's p-values and intervals are reproduced bit for bit only with the
 * same order, which is this one:
 *
 * - n < 8: a plain loop starting from -0.0 (numpy 2.x starts at -0.0 so that a
 *   sum of negative zeros stays -0.0);
 * - 8 ≤ n ≤ 128: eight accumulators r[j] = x[j], then r[j] += x[i + j] per full
 *   block of eight, combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the
 *   n mod 8 leftovers added one by one;
 * - n > 128: split at n2 = ⌊n/2⌋ − ⌊n/2⌋ mod 8 and add the two halves' sums.
 */

/** numpy's block size: below it the eight-accumulator loop, above it a split. */
const PW_BLOCKSIZE = 128;

/** One leaf of the recursion (n ≤ 128), exactly as numpy's C loop. */
function leafSum(x: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let res = -0.0;
    for (let i = 0; i < n; i++) res += x[start + i];
    return res;
  }
  let r0 = x[start], r1 = x[start + 1], r2 = x[start + 2], r3 = x[start + 3];
  let r4 = x[start + 4], r5 = x[start + 5], r6 = x[start + 6], r7 = x[start + 7];
  const full = n - (n % 8);
  let i = 8;
  for (; i < full; i += 8) {
    const p = start + i;
    r0 += x[p]; r1 += x[p + 1]; r2 += x[p + 2]; r3 += x[p + 3];
    r4 += x[p + 4]; r5 += x[p + 5]; r6 += x[p + 6]; r7 += x[p + 7];
  }
  let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
  for (; i < n; i++) res += x[start + i];
  return res;
}

function pairwiseRec(x: Float64Array, start: number, n: number): number {
  if (n <= PW_BLOCKSIZE) return leafSum(x, start, n);
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseRec(x, start, n2) + pairwiseRec(x, start + n2, n - n2);
}

/** `np.sum(x[offset : offset + length])` bit for bit (the slice is contiguous). */
export function pairwiseSum(x: Float64Array, offset = 0, length = x.length - offset): number {
  if (offset < 0 || length < 0 || offset + length > x.length) {
    throw new RangeError(`pairwiseSum: range [${offset}, ${offset + length}) outside 0..${x.length}`);
  }
  return pairwiseRec(x, offset, length);
}

/** `np.mean(x)`: the pairwise sum divided by n (NaN for an empty array, as numpy). */
export function npMean(x: Float64Array): number {
  return pairwiseSum(x) / x.length;
}

/**
 * `np.var(x, ddof=ddof)` as numpy's `_var` computes it: the mean, then the
 * deviations squared as `x * x` (not `**2`), pairwise-summed, divided by
 * max(n − ddof, 0) (so n ≤ ddof gives ±Infinity or NaN, as numpy does).
 */
export function npVar(x: Float64Array, ddof = 0): number {
  const n = x.length;
  const mean = pairwiseSum(x) / n;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dev = x[i] - mean;
    sq[i] = dev * dev;
  }
  return pairwiseSum(sq) / Math.max(n - ddof, 0);
}

/** `np.std(x, ddof=ddof)` = sqrt of `npVar` (numpy takes `um.sqrt` of the variance). */
export function npStd(x: Float64Array, ddof = 0): number {
  return Math.sqrt(npVar(x, ddof));
}
