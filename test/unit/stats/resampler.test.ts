// The WebAssembly resampler against the BigInt reference (bit for bit), and both
// against EVALSIG's published numbers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Pcg64Reference } from '../../../server/src/core/stats/numpy-random';
import { npMean } from '../../../server/src/core/stats/pairwise-sum';
import { quantileLinear, sortFloat64 } from '../../../server/src/core/stats/quantile';
import {
  createReferenceResampler, createResampler, kernelAvailable, type Resampler,
} from '../../../server/src/core/stats/resampler';
import { instantiateKernel, KERNEL_DATA_START } from '../../../server/src/core/stats/kernel/wasm-kernel';
import { wasmResampler } from '../../../server/src/core/stats/kernel/wasm-resampler';

const root = join(import.meta.dirname, '../../..');
const vectors = join(root, 'test/fixtures/evalsig-vectors');

function data(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.round((s / 2 ** 32 - 0.4) * 1e4) / 1e4; // non-dyadic, like scores
  });
}

function assertSameBits(a: Float64Array, b: Float64Array, what: string): void {
  assert.equal(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}: [${i}] ${a[i]} vs ${b[i]}`);
}

/** Runs the same calls on a fast and a reference resampler with one seed. */
function pair(seed: number): [Resampler, Resampler] {
  return [createResampler(seed), createReferenceResampler(seed)];
}

function offsetsOf(sizes: number[]): Int32Array {
  const o = new Int32Array(sizes.length + 1);
  sizes.forEach((s, k) => (o[k + 1] = o[k] + s));
  return o;
}

describe('fast resampler == BigInt reference, bit for bit', () => {
  it('runs on WebAssembly here', () => assert.equal(kernelAvailable(), true));

  it('sign flip then bootstrap on awkward sizes, one continuing stream', () => {
    const [fast, slow] = pair(2024);
    for (const n of [1, 2, 7, 8, 9, 127, 128, 129, 1000, 1031]) {
      const d = data(n, n);
      assertSameBits(fast.signFlipMeans(d, 6), slow.signFlipMeans(d, 6), `signFlip n=${n}`);
      assertSameBits(fast.bootstrapMeans(d, 5), slow.bootstrapMeans(d, 5), `bootstrap n=${n}`);
      // Odd n leaves half of a 64-bit draw buffered; the next call must use it.
      assertSameBits(fast.integers(3, 3), slow.integers(3, 3), `integers after n=${n}`);
    }
  });

  it('cluster bootstrap: unequal clusters, G = 1, resamples longer than the data, an empty cluster', () => {
    const cases: [string, number[]][] = [
      ['unequal', [1, 5, 2, 17, 3, 130, 8, 9, 64, 1]],
      ['G = 1', [37]],
      ['one dominant cluster', [300, 1, 1, 1, 1, 1]],
      ['with an empty cluster', [4, 0, 9, 129]],
    ];
    const [fast, slow] = pair(99);
    for (const [what, sizes] of cases) {
      const offsets = offsetsOf(sizes);
      const values = data(offsets[sizes.length], sizes.length);
      assertSameBits(fast.clusterBootstrapMeans(values, offsets, 40), slow.clusterBootstrapMeans(values, offsets, 40), what);
      assertSameBits(fast.integers(7, 3), slow.integers(7, 3), `stream after ${what}`);
    }
  });

  it('bounded integers where Lemire rejects often (k not a power of two)', () => {
    const [fast, slow] = pair(5);
    for (const k of [3, 6, 1000003, 2 ** 31 + 1, 3 * 2 ** 30 + 1, 2 ** 32 - 1, 2 ** 32, 1, 2]) {
      assertSameBits(fast.integers(k, 2001), slow.integers(k, 2001), `k=${k}`);
    }
  });

  it('the transcribed Lemire loop agrees and really rejects for k = 3·2^30 + 1', () => {
    const k = 3 * 2 ** 30 + 1;
    const rng = new Pcg64Reference(5);
    const threshold = (2 ** 32 - k) % k;
    let rejections = 0;
    const expected: number[] = [];
    for (let i = 0; i < 2000; i++) {
      let m = BigInt(rng.nextUint32()) * BigInt(k);
      while (Number(m & 0xffffffffn) < threshold) {
        rejections++;
        m = BigInt(rng.nextUint32()) * BigInt(k);
      }
      expected.push(Number(m >> 32n));
    }
    assert.ok(rejections > 300, `${rejections} rejections`);
    assert.deepEqual(Array.from(createResampler(5).integers(k, 2000)), expected);
  });

  it('bootstrap gather takes the rejection path correctly (n = 400000)', () => {
    // P(leftover < n) ≈ n/2^32 per draw: dozens of slow-path draws in one row.
    const n = 400_000;
    const rng = new Pcg64Reference(11);
    let slowPath = 0;
    for (let j = 0; j < n; j++) if ((rng.nextUint32() * n) % 2 ** 32 < n) slowPath++;
    assert.ok(slowPath > 5, `${slowPath} slow-path draws`);
    const d = Float64Array.from({ length: n }, (_, j) => j); // any wrong index shows
    const [fast, slow] = pair(11);
    assertSameBits(fast.bootstrapMeans(d, 1), slow.bootstrapMeans(d, 1), 'gather');
    assertSameBits(fast.integers(1000, 10), slow.integers(1000, 10), 'stream after gather');
  });

  it('seeds beyond 32 bits reach the kernel intact', () => {
    const [fast, slow] = pair(2 ** 40 + 12345);
    assertSameBits(fast.integers(1000, 50), slow.integers(1000, 50), 'big seed');
  });
});

describe('resampler memory and arguments', () => {
  it('holds O(n + R) memory: no R × n matrix, no row buffer', () => {
    const kernel = instantiateKernel()!;
    const rs = wasmResampler(kernel, 0);
    const n = 20_000;
    const rows = 2_000;
    rs.signFlipMeans(data(n, 1), rows);
    rs.bootstrapMeans(data(n, 1), rows);
    const needed = KERNEL_DATA_START + 8 * (n + rows);
    assert.ok(kernel.memory.buffer.byteLength <= needed + 65536, `${kernel.memory.buffer.byteLength} bytes`);
  });

  it('rejects what numpy would reject or the kernel cannot address', () => {
    for (const rs of pair(0)) {
      assert.throws(() => rs.bootstrapMeans(new Float64Array(0), 3), RangeError);
      assert.throws(() => rs.signFlipMeans(Float64Array.of(1), -1), RangeError);
      assert.throws(() => rs.clusterBootstrapMeans(Float64Array.of(1, 2), Int32Array.of(0), 3), RangeError);
      assert.throws(() => rs.clusterBootstrapMeans(Float64Array.of(1, 2), Int32Array.of(0, 3), 3), RangeError);
      assert.throws(() => rs.integers(0, 3), RangeError);
    }
  });

  it('the embedded WebAssembly is what resample-kernel.wat compiles to', () => {
    const res = spawnSync(process.execPath, [join(root, '.ci/build-wasm.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
  });
});

interface Item { item_id: string; score: number; epoch?: number; cluster_id?: string | null }

/** EVALSIG align_runs for these vectors: epoch 0, common ids sorted by code point. */
function aligned(dir: string): { d: Float64Array; clusters: string[] } {
  const read = (f: string): Map<string, Item> => {
    const items = (JSON.parse(readFileSync(join(vectors, dir, f), 'utf8')) as { items: Item[] }).items;
    return new Map(items.filter((i) => (i.epoch ?? 0) === 0).map((i) => [i.item_id, i]));
  };
  const a = read('baseline.json');
  const b = read('candidate.json');
  const ids = [...a.keys()].filter((k) => b.has(k)).sort();
  return {
    d: Float64Array.from(ids, (k) => b.get(k)!.score - a.get(k)!.score),
    clusters: ids.map((k) => a.get(k)!.cluster_id ?? '__none__'),
  };
}

const ONE_MINUS_LEVEL = 1 - 0.95; // 0.050000000000000044, evaluated in doubles like EVALSIG

describe('EVALSIG end to end (developer vectors)', () => {
  for (const make of [createResampler, createReferenceResampler]) {
    it(`shared_perm_inconclusive: permutation p and bootstrap CI (${make.name})`, () => {
      const { d } = aligned('shared_perm_inconclusive');
      const rs = make(0);
      const m = rs.signFlipMeans(d, 10_000);
      const obs = npMean(d);
      const p = (m.filter((v) => v >= obs).length + 1) / 10_001;
      assert.equal(p, 0.5617438256174383);
      const boot = rs.bootstrapMeans(d, 10_000); // same generator, after the signs
      assert.equal(ONE_MINUS_LEVEL, 0.050000000000000044);
      assert.equal(quantileLinear(sortFloat64(boot), ONE_MINUS_LEVEL), -0.07528075000000002);
      assert.equal(obs, -0.006640000000000002); // the report's delta
    });

    it(`shared_cluster_bootstrap: p and CI (${make.name})`, () => {
      const { d, clusters } = aligned('shared_cluster_bootstrap');
      const keys = [...new Set(clusters)].sort();
      const groups = keys.map((k) => clusters.flatMap((c, i) => (c === k ? [i] : [])));
      const offsets = offsetsOf(groups.map((g) => g.length));
      const values = Float64Array.from(groups.flat(), (i) => d[i]);
      const boot = make(0).clusterBootstrapMeans(values, offsets, 1000);
      const obs = npMean(d);
      const p = Math.max(boot.filter((b) => b - obs >= obs).length / 1000, 1 / 1001);
      assert.equal(p, 0.000999000999000999);
      assert.equal(quantileLinear(sortFloat64(boot), ONE_MINUS_LEVEL), 0.02450625);
      const expected = JSON.parse(readFileSync(join(vectors, 'shared_cluster_bootstrap/expected.json'), 'utf8')) as {
        report: { comparison: { p_value: number; ci: [number, string]; n_clusters: number } };
      };
      assert.equal(p, expected.report.comparison.p_value);
      assert.equal(quantileLinear(sortFloat64(boot), ONE_MINUS_LEVEL), expected.report.comparison.ci[0]);
      assert.equal(keys.length, expected.report.comparison.n_clusters);
    });
  }
});
