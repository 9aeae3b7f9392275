// numpy's default_rng stream (SeedSequence → PCG64 → 32-bit buffered Lemire) and
// np.quantile 'linear', checked against numpy's own outputs in
// test/fixtures/evalsig-vectors/numpy_rng_reference.json.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pcg64Reference, seedSequenceState } from '../../../server/src/core/stats/numpy-random';
import { quantileLinear, sortFloat64 } from '../../../server/src/core/stats/quantile';
import { createReferenceResampler, createResampler } from '../../../server/src/core/stats/resampler';

interface RngCase {
  seed: number;
  seedsequence_generate_state_4_uint64: string[];
  pcg64_first_4_raw_uint64: string[];
  then_integers_0_2_size25: number[];
  then_integers_0_10_size9: number[];
  then_integers_0_1000003_size6: number[];
}
interface RngReference {
  cases: RngCase[];
  choice_example_seed0_R3_n4: number[][];
  quantile_examples: { data: number[]; q: number[]; np_quantile_linear: number[] };
}

const ref = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/evalsig-vectors/numpy_rng_reference.json'), 'utf8'),
) as RngReference;

const draws = (rng: Pcg64Reference, k: number, count: number): number[] =>
  Array.from({ length: count }, () => rng.integers(k));

describe('SeedSequence and PCG64 (BigInt reference)', () => {
  for (const c of ref.cases) {
    it(`seed ${c.seed}: generate_state(4, uint64)`, () => {
      assert.deepEqual(seedSequenceState(c.seed).map(String), c.seedsequence_generate_state_4_uint64);
      assert.deepEqual(seedSequenceState(BigInt(c.seed)).map(String), c.seedsequence_generate_state_4_uint64);
    });

    it(`seed ${c.seed}: first four raw 64-bit outputs`, () => {
      const rng = new Pcg64Reference(c.seed);
      assert.deepEqual([0, 1, 2, 3].map(() => String(rng.nextUint64())), c.pcg64_first_4_raw_uint64);
    });

    // The three integer sequences continue one generator, so 25 draws of 32 bits
    // leave the high half of the 13th 64-bit output buffered for integers(0, 10).
    // They start from a fresh default_rng(seed): the raw draws above were made on a
    // separate bit generator (see the next test), despite the "then_" in the names.
    it(`seed ${c.seed}: integers(0,2,25), then (0,10,9), then (0,1000003,6)`, () => {
      const rng = new Pcg64Reference(c.seed);
      assert.deepEqual(draws(rng, 2, 25), c.then_integers_0_2_size25);
      assert.deepEqual(draws(rng, 10, 9), c.then_integers_0_10_size9);
      assert.deepEqual(draws(rng, 1000003, 6), c.then_integers_0_1000003_size6);
    });

    it(`seed ${c.seed}: the integer sequences are the fresh stream, not the one after the raw draws`, () => {
      const after = new Pcg64Reference(c.seed);
      for (let i = 0; i < 4; i++) after.nextUint64();
      assert.notDeepEqual(draws(after, 2, 25), c.then_integers_0_2_size25);
      // integers(0, 2) is the top bit of each 32-bit half, low half first.
      const bits = c.pcg64_first_4_raw_uint64.flatMap((s) => [Number((BigInt(s) >> 31n) & 1n), Number(BigInt(s) >> 63n)]);
      assert.deepEqual(bits, c.then_integers_0_2_size25.slice(0, 8));
    });

    it(`seed ${c.seed}: the 32-bit buffer persists across calls (dropping it breaks the stream)`, () => {
      const rng = new Pcg64Reference(c.seed);
      draws(rng, 2, 25);
      rng.nextUint32(); // consume the buffered high half, as a non-persistent buffer would lose it
      assert.notDeepEqual(draws(rng, 10, 9), c.then_integers_0_10_size9);
    });

    it(`seed ${c.seed}: both resamplers reproduce the integer sequences`, () => {
      for (const rs of [createResampler(c.seed), createReferenceResampler(c.seed)]) {
        assert.deepEqual(Array.from(rs.integers(2, 25)), c.then_integers_0_2_size25);
        assert.deepEqual(Array.from(rs.integers(10, 9)), c.then_integers_0_10_size9);
        assert.deepEqual(Array.from(rs.integers(1000003, 6)), c.then_integers_0_1000003_size6);
      }
    });
  }

  it('rng.choice([-1.0, 1.0], size=(3, 4)) with seed 0', () => {
    for (const rs of [createResampler(0), createReferenceResampler(0)]) {
      const flat = Array.from(rs.integers(2, 12), (b) => (b === 0 ? -1.0 : 1.0));
      assert.deepEqual([flat.slice(0, 4), flat.slice(4, 8), flat.slice(8, 12)], ref.choice_example_seed0_R3_n4);
    }
    // signFlipMeans draws the same signs: with d = e_j it returns s_j / n.
    const signs = createResampler(0).signFlipMeans(Float64Array.of(4, 0, 0, 0), 3);
    assert.deepEqual(Array.from(signs), ref.choice_example_seed0_R3_n4.map((row) => row[0]));
  });

  it('integers(0, 1) returns 0 without drawing', () => {
    const a = new Pcg64Reference(5);
    const b = new Pcg64Reference(5);
    assert.deepEqual(draws(a, 1, 10), new Array<number>(10).fill(0));
    assert.equal(a.nextUint64(), b.nextUint64());
  });

  it('integers(0, 2^32) is a raw 32-bit draw', () => {
    const a = new Pcg64Reference(9);
    const b = new Pcg64Reference(9);
    assert.equal(a.integers(2 ** 32), b.nextUint32());
    assert.equal(a.integers(2 ** 32), b.nextUint32());
  });

  it('multi-word seeds: number and bigint agree, words are little-endian', () => {
    assert.deepEqual(seedSequenceState(2 ** 40 + 3), seedSequenceState(2n ** 40n + 3n));
    assert.notDeepEqual(seedSequenceState(2 ** 32), seedSequenceState(0));
    assert.equal(seedSequenceState(2n ** 100n, 6).length, 6);
  });

  it('rejects seeds numpy rejects and bounds outside the 32-bit path', () => {
    assert.throws(() => seedSequenceState(-1), RangeError);
    assert.throws(() => seedSequenceState(1.5), RangeError);
    const rng = new Pcg64Reference(0);
    for (const k of [0, -3, 2.5, 2 ** 32 + 1]) assert.throws(() => rng.integers(k), RangeError);
  });
});

describe('np.quantile(method="linear")', () => {
  const { data, q, np_quantile_linear: expected } = ref.quantile_examples;
  const sorted = sortFloat64(Float64Array.from(data));

  it('reproduces numpy on the reference examples exactly', () => {
    assert.deepEqual(q.map((x) => quantileLinear(sorted, x)), expected);
  });

  it('needs the g >= 0.5 form: interpolating from below differs at q = 0.95', () => {
    const h = (sorted.length - 1) * 0.95;
    const i = Math.floor(h);
    const [a, b] = [sorted[i], sorted[i + 1]];
    assert.equal(quantileLinear(sorted, 0.95), b - (b - a) * (1 - (h - i)));
    assert.notEqual(a + (b - a) * (h - i), expected[q.indexOf(0.95)]);
  });

  it('handles the ends, a single value and NaN like numpy', () => {
    assert.equal(quantileLinear(sorted, 0), -0.4);
    assert.equal(quantileLinear(sorted, 1), 0.7);
    assert.equal(quantileLinear(Float64Array.of(3), 0.3), 3);
    assert.ok(Number.isNaN(quantileLinear(sortFloat64(Float64Array.of(1, NaN, 0)), 0.5)));
    assert.throws(() => quantileLinear(sorted, 1.5), RangeError);
    assert.throws(() => quantileLinear(new Float64Array(0), 0.5), RangeError);
  });

  it('sortFloat64 sorts numerically into a copy', () => {
    const x = Float64Array.of(10, 9, -1, 100, 2);
    assert.deepEqual(Array.from(sortFloat64(x)), [-1, 2, 9, 10, 100]);
    assert.deepEqual(Array.from(x), [10, 9, -1, 100, 2]);
  });
});
