/**
 * `np.quantile(x, q)` with numpy's default method 'linear' (Hyndman–Fan type 7),
 * reproduced to the last bit: EVALSIG's bootstrap intervals are these quantiles
 * of the resampled means, and Tollgate must print the same doubles.
 */

/**
 * Quantile q ∈ [0, 1] of already-sorted data (ascending, NaN last as
 * `sortFloat64` leaves it). numpy's arithmetic, step by step:
 *   h = (N − 1)·q, i = ⌊h⌋, g = h − i, a = x[i], b = x[i + 1];
 *   result = b − (b − a)·(1 − g) when g ≥ 0.5, else a + (b − a)·g.
 * The two forms are numpy's `_lerp`: it interpolates from whichever end is
 * nearer, and the two forms round differently, so both are needed.
 * At or beyond the last index (h ≥ N − 1) numpy sets both neighbours to
 * x[N − 1] but still interpolates, with g = h + 1 (its previous index became
 * −1): the result is x[N − 1] for finite data and NaN for an infinite maximum,
 * and we copy that rather than short-cut it.
 */
export function quantileLinear(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileLinear: empty data');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileLinear: q = ${q} is outside [0, 1]`);
  // numpy returns NaN when the data hold a NaN (sorted last).
  if (Number.isNaN(sorted[n - 1])) return NaN;
  const h = (n - 1) * q;
  const atEnd = h >= n - 1;
  const i = atEnd ? -1 : Math.floor(h);
  const g = h - i;
  const a = atEnd ? sorted[n - 1] : sorted[i];
  const b = atEnd ? a : sorted[i + 1];
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}

/**
 * Sorted copy in numeric order. TypedArray sort compares numerically (never as
 * strings) and puts NaN last, as numpy's sort does. It orders −0 before +0,
 * where numpy leaves equal zeros in unspecified order; only the sign of a zero
 * result could differ, never a value.
 */
export function sortFloat64(x: Float64Array): Float64Array {
  return Float64Array.from(x).sort();
}
