/**
 * The resampling loops of EVALSIG written out plainly on the BigInt generator:
 * slow, but each line mirrors the numpy expression it reproduces. Tests compare
 * the WebAssembly kernel with it, and it serves when WebAssembly is missing.
 */
import { Pcg64Reference } from '../numpy-random';
import { pairwiseSum } from '../pairwise-sum';
import type { Resampler } from '../resampler';

/** Unchecked: arguments are validated by the wrapper in ../resampler.ts. */
export function referenceResampler(seed: number | bigint): Resampler {
  const rng = new Pcg64Reference(seed);
  return {
    signFlipMeans(d, rows) {
      // rng.choice([-1.0, 1.0], size=(R, n)); (S * d).mean(axis=1)
      const n = d.length;
      const out = new Float64Array(rows);
      const row = new Float64Array(n);
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < n; j++) row[j] = (rng.integers(2) === 0 ? -1.0 : 1.0) * d[j];
        out[r] = pairwiseSum(row) / n;
      }
      return out;
    },
    bootstrapMeans(d, rows) {
      // d[rng.integers(0, n, size=(R, n))].mean(axis=1)
      const n = d.length;
      const out = new Float64Array(rows);
      const row = new Float64Array(n);
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < n; j++) row[j] = d[rng.integers(n)]!;
        out[r] = pairwiseSum(row) / n;
      }
      return out;
    },
    clusterBootstrapMeans(values, offsets, rows) {
      // for r: chosen = rng.integers(0, G, size=G); concatenate(groups[chosen]).mean()
      const g = offsets.length - 1;
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) {
        const chosen: number[] = [];
        for (let c = 0; c < g; c++) chosen.push(rng.integers(g));
        const parts = chosen.map((k) => values.subarray(offsets[k], offsets[k + 1]));
        const sample = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
        let at = 0;
        for (const p of parts) {
          sample.set(p, at);
          at += p.length;
        }
        out[r] = pairwiseSum(sample) / sample.length;
      }
      return out;
    },
    integers(k, count) {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = rng.integers(k);
      return out;
    },
  };
}
