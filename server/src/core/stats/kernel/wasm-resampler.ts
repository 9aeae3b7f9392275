/**
 * The Resampler on the WebAssembly kernel. Per call it copies the inputs into
 * the kernel's memory (O(n)), runs R rows there and copies R means back; the
 * kernel itself never holds more than one 128-element leaf of a row.
 */
import { pcg64Init } from '../numpy-random';
import type { Resampler } from '../resampler';
import { ensureMemory, KERNEL_DATA_START, type KernelExports } from './wasm-kernel';

const MASK64 = (1n << 64n) - 1n;

/** Rounds a byte offset up to a multiple of 8 (f64 alignment). */
const align8 = (x: number): number => Math.ceil(x / 8) * 8;

/** Unchecked: arguments are validated by the wrapper in ../resampler.ts. */
export function wasmResampler(kernel: KernelExports, seed: number | bigint): Resampler {
  const { state, inc } = pcg64Init(seed);
  kernel.setState(state >> 64n, state & MASK64, inc >> 64n, inc & MASK64);
  const base = KERNEL_DATA_START;

  // Copies `x` to `at` and returns the first free 8-aligned offset after it.
  const put = (x: Float64Array | Int32Array, at: number): number => {
    const end = at + x.byteLength;
    ensureMemory(kernel, end);
    const view = x instanceof Float64Array
      ? new Float64Array(kernel.memory.buffer, at, x.length)
      : new Int32Array(kernel.memory.buffer, at, x.length);
    view.set(x);
    return align8(end);
  };
  // Read after the call: growing memory detaches earlier views.
  const take = (at: number, count: number): Float64Array =>
    new Float64Array(kernel.memory.buffer, at, count).slice();

  return {
    signFlipMeans(d, rows) {
      const out = put(d, base);
      ensureMemory(kernel, out + rows * 8);
      kernel.signFlipMeans(base, d.length, rows, out);
      return take(out, rows);
    },
    bootstrapMeans(d, rows) {
      const out = put(d, base);
      ensureMemory(kernel, out + rows * 8);
      kernel.bootstrapMeans(base, d.length, rows, out);
      return take(out, rows);
    },
    clusterBootstrapMeans(values, offsets, rows) {
      const g = offsets.length - 1;
      const offs = put(values, base);
      const chosen = put(offsets, offs);
      const out = align8(chosen + g * 4);
      ensureMemory(kernel, out + rows * 8);
      kernel.clusterMeans(base, offs, g, rows, out, chosen);
      return take(out, rows);
    },
    integers(k, count) {
      ensureMemory(kernel, base + count * 8);
      // The kernel takes numpy's inclusive range k − 1 (k = 2^32 wraps to −1).
      kernel.integers(k - 1, count, base);
      return take(base, count);
    },
  };
}
