/**
 * EVALSIG's random resampling (paired sign-flip permutation, paired bootstrap,
 * cluster bootstrap) reproduced bit for bit: same numpy generator stream
 * (default_rng(seed): SeedSequence → PCG64), same draw order (row-major, like
 * numpy's R × n matrices), same pairwise summation for every row mean.
 *
 * Unlike EVALSIG it never builds an R × n matrix: the WebAssembly kernel
 * produces each row in 128-element leaves, in the order numpy's pairwise sum
 * consumes them, so memory is O(n + R). Where WebAssembly is missing the same
 * interface runs on the BigInt reference (identical results, ~100× slower).
 */
import { checkBound } from './numpy-random';
import { referenceResampler } from './kernel/reference-resampler';
import { instantiateKernel, kernelSupported } from './kernel/wasm-kernel';
import { wasmResampler } from './kernel/wasm-resampler';

export interface Resampler {
  /** R rows; row r draws n values integers(0,2) in order (row-major, like rng.choice([-1.0, 1.0], size=(R, n)): 0 → −1, 1 → +1) and returns mean_j(s_rj · d_j) computed with numpy pairwise summation (row-wise mean(axis=1)). */
  signFlipMeans(d: Float64Array, rows: number): Float64Array;
  /** R rows; row r draws n values integers(0, n) (like rng.integers(0, n, size=(R, n))) and returns the pairwise-summed mean of d[idx_r·]. */
  bootstrapMeans(d: Float64Array, rows: number): Float64Array;
  /** EVALSIG's cluster bootstrap loop: for r in 0..R-1: chosen = integers(0, G, size=G); sample = concat(values[offsets[k]..offsets[k+1]) for k in chosen, in drawn order); mean(sample) with pairwise summation over the concatenation. offsets has G+1 entries. */
  clusterBootstrapMeans(values: Float64Array, offsets: Int32Array, rows: number): Float64Array;
  /** count draws of integers(0, k) (for tests and for callers that need raw draws). */
  integers(k: number, count: number): Float64Array;
}

/** The kernel addresses values with 32-bit offsets; keep every count well inside. */
const MAX_LENGTH = 2 ** 28;

function checkCount(name: string, x: number): void {
  if (!Number.isInteger(x) || x < 0 || x > MAX_LENGTH) {
    throw new RangeError(`${name} must be an integer in [0, ${MAX_LENGTH}], got ${x}`);
  }
}

function checkData(d: Float64Array, rows: number): void {
  checkCount('rows', rows);
  checkCount('length of d', d.length);
  // integers(0, 0) is an error in numpy; a zero-length row draws nothing instead.
  if (d.length === 0 && rows > 0) throw new RangeError('cannot resample an empty array');
}

/** offsets: G + 1 non-decreasing indices into values, G ≥ 1; every resample must stay addressable. */
function checkClusters(values: Float64Array, offsets: Int32Array, rows: number): void {
  checkCount('rows', rows);
  checkCount('length of values', values.length);
  const g = offsets.length - 1;
  if (g < 1) throw new RangeError('cluster bootstrap needs at least one cluster');
  let largest = 0;
  for (let k = 0; k < g; k++) {
    const lo = offsets[k];
    const hi = offsets[k + 1];
    if (lo < 0 || hi < lo || hi > values.length) {
      throw new RangeError(`cluster ${k} spans [${lo}, ${hi}), outside 0..${values.length}`);
    }
    largest = Math.max(largest, hi - lo);
  }
  // A resample may repeat the largest cluster G times.
  if (largest * g > MAX_LENGTH) throw new RangeError('clusters too large to resample');
}

/** Argument checks shared by both implementations, so they fail alike. */
function checked(impl: Resampler): Resampler {
  return {
    signFlipMeans(d, rows) {
      checkData(d, rows);
      return impl.signFlipMeans(d, rows);
    },
    bootstrapMeans(d, rows) {
      checkData(d, rows);
      return impl.bootstrapMeans(d, rows);
    },
    clusterBootstrapMeans(values, offsets, rows) {
      checkClusters(values, offsets, rows);
      return impl.clusterBootstrapMeans(values, offsets, rows);
    },
    integers(k, count) {
      checkBound(k);
      checkCount('count', count);
      return impl.integers(k, count);
    },
  };
}

/** One generator stream: successive calls continue numpy's stream exactly (e.g. EVALSIG's permutation test draws the sign matrix, then the bootstrap index matrix, from the same generator). */
export function createResampler(seed: number | bigint): Resampler {
  const kernel = instantiateKernel();
  return kernel ? checked(wasmResampler(kernel, seed)) : createReferenceResampler(seed);
}

/** Same interface on the BigInt reference (slow); used by tests to cross-check and as fallback if WebAssembly is unavailable. */
export function createReferenceResampler(seed: number | bigint): Resampler {
  return checked(referenceResampler(seed));
}

/** Whether createResampler runs on the WebAssembly kernel here (false: reference fallback). */
export function kernelAvailable(): boolean {
  return kernelSupported();
}
