/**
 * numpy's `default_rng(seed)` — SeedSequence → PCG64 (XSL-RR 128/64) — and its
 * bounded-integer sampler, written plainly with BigInt.
 *
 * This is the readable reference: the WebAssembly kernel (kernel/) must agree
 * with it bit for bit, the tests check both against numpy's own outputs, and it
 * is the fallback where WebAssembly is unavailable. It is ~100× slower than the
 * kernel, so nothing hot should run on it.
 *
 * Sources followed: numpy/random/bit_generator.pyx (SeedSequence),
 * numpy/random/src/pcg64/pcg64.h (PCG64), numpy/random/src/distributions/
 * distributions.c (`buffered_bounded_lemire_uint32`).
 */

const MASK32 = 0xffffffffn;
const MASK64 = (1n << 64n) - 1n;
const MASK128 = (1n << 128n) - 1n;

// SeedSequence hashing constants (numpy's, from Melissa O'Neill's seed_seq_fe).
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** PCG64's 128-bit LCG multiplier (PCG_DEFAULT_MULTIPLIER_128). */
export const PCG64_MULTIPLIER = 0x2360ed051fc65da44385df649fccf645n;

/** A seed as numpy accepts it: a non-negative integer of any size. */
function seedToBigInt(seed: number | bigint): bigint {
  if (typeof seed === 'number' && !Number.isInteger(seed)) {
    throw new RangeError(`seed must be an integer, got ${seed}`);
  }
  const s = BigInt(seed);
  if (s < 0n) throw new RangeError(`seed must be non-negative, got ${s}`);
  return s;
}

/** numpy `_int_to_uint32_array`: little-endian 32-bit words; 0 → [0]. */
function entropyWords(seed: bigint): number[] {
  if (seed === 0n) return [0];
  const words: number[] = [];
  for (let s = seed; s > 0n; s >>= 32n) words.push(Number(s & MASK32));
  return words;
}

/** SeedSequence's pool after `mix_entropy` (all arithmetic mod 2^32). */
function seedPool(words: readonly number[]): number[] {
  let hashConst = INIT_A;
  // hashmix keeps its multiplier state across calls, hence the closure.
  const hashmix = (value: number): number => {
    let v = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    return (v ^ (v >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  const pool: number[] = [];
  for (let i = 0; i < POOL_SIZE; i++) pool.push(hashmix(words[i] ?? 0));
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
    }
  }
  for (let src = POOL_SIZE; src < words.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(words[src]));
  }
  return pool;
}

/**
 * `np.random.SeedSequence(seed).generate_state(words64, np.uint64)`: the
 * 32-bit words of the pool, hashed with a second constant, paired little-endian.
 */
export function seedSequenceState(seed: number | bigint, words64 = 4): bigint[] {
  const pool = seedPool(entropyWords(seedToBigInt(seed)));
  let hashConst = INIT_B;
  const words32: number[] = [];
  for (let i = 0; i < 2 * words64; i++) {
    let v = (pool[i % POOL_SIZE] ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_B) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    words32.push((v ^ (v >>> 16)) >>> 0);
  }
  const out: bigint[] = [];
  for (let i = 0; i < words64; i++) {
    out.push(BigInt(words32[2 * i]) | (BigInt(words32[2 * i + 1]) << 32n));
  }
  return out;
}

/** PCG64's 128-bit state and increment right after numpy seeds it. */
export interface Pcg64Init {
  readonly state: bigint;
  readonly inc: bigint;
}

/**
 * `PCG64(SeedSequence(seed))` seeding (`pcg_setseq_128_srandom_r`):
 * initstate = s0·2^64 + s1, initseq = s2·2^64 + s3, inc = 2·initseq + 1,
 * state = 0 → step → += initstate → step.
 */
export function pcg64Init(seed: number | bigint): Pcg64Init {
  const [s0 = 0n, s1 = 0n, s2 = 0n, s3 = 0n] = seedSequenceState(seed, 4);
  const initState = (s0 << 64n) | s1;
  const inc = ((((s2 << 64n) | s3) << 1n) | 1n) & MASK128;
  let state = (0n * PCG64_MULTIPLIER + inc) & MASK128;
  state = (state + initState) & MASK128;
  state = (state * PCG64_MULTIPLIER + inc) & MASK128;
  return { state, inc };
}

/** XSL-RR output: rotate (hi ⊕ lo) right by the state's top 6 bits. */
function xslRr(state: bigint): bigint {
  const x = ((state >> 64n) ^ state) & MASK64;
  const rot = state >> 122n;
  return ((x >> rot) | (x << ((64n - rot) & 63n))) & MASK64;
}

/** numpy's PCG64 bit generator, one draw at a time. */
export class Pcg64Reference {
  private state: bigint;
  private readonly inc: bigint;
  /** numpy's `has_uint32` / `uinteger`: the unused high half of the last 64-bit draw. */
  private pendingHigh: number | undefined;

  constructor(seed: number | bigint) {
    const init = pcg64Init(seed);
    this.state = init.state;
    this.inc = init.inc;
  }

  /** `bit_generator.random_raw()`: step, then output from the new state. */
  nextUint64(): bigint {
    this.state = (this.state * PCG64_MULTIPLIER + this.inc) & MASK128;
    return xslRr(this.state);
  }

  /**
   * numpy's `pcg64_next32`: the low half of a fresh 64-bit draw, keeping the
   * high half for the next call. The buffer lives in the generator, so it
   * carries over between numpy calls (and `nextUint64` leaves it alone).
   */
  nextUint32(): number {
    if (this.pendingHigh !== undefined) {
      const high = this.pendingHigh;
      this.pendingHigh = undefined;
      return high;
    }
    const x = this.nextUint64();
    this.pendingHigh = Number(x >> 32n);
    return Number(x & MASK32);
  }

  /**
   * One draw of `rng.integers(0, k)` for 1 ≤ k ≤ 2^32 (numpy's int64 default
   * dtype routes such ranges to its 32-bit path, `buffered_bounded_lemire_uint32`):
   * k = 1 returns 0 without drawing; k = 2^32 returns a raw 32-bit draw;
   * otherwise Lemire's multiply-shift m = u·k, result m >> 32, rejecting while
   * m mod 2^32 < (2^32 − k) mod k (rare unless k is large).
   */
  integers(k: number): number {
    checkBound(k);
    if (k === 1) return 0;
    if (k === 2 ** 32) return this.nextUint32();
    const bigK = BigInt(k);
    let m = BigInt(this.nextUint32()) * bigK;
    if ((m & MASK32) < bigK) {
      const threshold = (2n ** 32n - bigK) % bigK;
      while ((m & MASK32) < threshold) m = BigInt(this.nextUint32()) * bigK;
    }
    return Number(m >> 32n);
  }
}

/** Throws unless k is an integer in [1, 2^32] (the 32-bit sampler's range). */
export function checkBound(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > 2 ** 32) {
    throw new RangeError(`integers(0, k) needs an integer 1 ≤ k ≤ 2^32, got ${k}`);
  }
}
