import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataError } from '../../../server/src/core/errors';
import { clusterRobust } from '../../../server/src/core/stats/cluster-robust';
import { mcnemar } from '../../../server/src/core/stats/mcnemar';
import { estimateIcc, mde, powerForDelta, requiredN } from '../../../server/src/core/stats/mde';
import { benjaminiHochberg, bonferroni, holm } from '../../../server/src/core/stats/multiplicity';
import { differences } from '../../../server/src/core/stats/outcome';
import { pairedT } from '../../../server/src/core/stats/paired-t';

const close = (actual: number, expected: number, rel = 1e-12): void => {
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} vs ${expected}`);
};

/** EVALSIG test_smoke's table: 20 both right, 5 both wrong, b = 3 baseline-only, c = 7 candidate-only. */
function smokeTable(): [Float64Array, Float64Array] {
  const a: number[] = [];
  const b: number[] = [];
  const add = (x: number, y: number, k: number): void => {
    for (let i = 0; i < k; i++) {
      a.push(x);
      b.push(y);
    }
  };
  add(1, 1, 20); add(0, 0, 5); add(1, 0, 3); add(0, 1, 7);
  return [Float64Array.from(a), Float64Array.from(b)];
}

test('McNemar exact reproduces EVALSIG test_smoke to the bit', () => {
  const [a, b] = smokeTable();
  const r = mcnemar(a, b, 'two-sided', 0.95);
  assert.equal(r.method, 'mcnemar_exact');
  assert.equal(r.pValue, 0.34375);
  assert.equal(r.delta, 0.11428571428571432);
  close(r.ci[0], -0.05870359232269777, 1e-14);
  close(r.ci[1], 0.2872750208941263, 1e-14);
  assert.equal(mcnemar(a, b, 'greater', 0.95).pValue, 0.171875); // P(X ≥ 7), X ~ Bin(10, ½)
  assert.equal(mcnemar(a, b, 'less', 0.95).pValue, 0.9453125);
});

test('McNemar refuses non-binary scores instead of truncating them (EVALSIG fix)', () => {
  assert.throws(() => mcnemar(Float64Array.from([0, 1, 0.7]), Float64Array.from([1, 1, 0]), 'two-sided', 0.95), (e: unknown) => e instanceof DataError && /binary \{0,1\}.*baseline has 0.7/.test(e.message));
});

test('McNemar with no discordant pair has p = 1 and works for a single item', () => {
  const r = mcnemar(Float64Array.from([1]), Float64Array.from([1]), 'greater', 0.95);
  assert.equal(r.pValue, 1);
  assert.equal(r.sdDiff, 0);
});

test('MDE and required N match EVALSIG (spec §7.1)', () => {
  // scipy's ndtri is one ulp from the correctly rounded quantile at 0.8; Tollgate's is correctly rounded.
  close(mde(0.3, 1000, { oneSided: true }).mde, 0.02358877171201966, 1e-15);
  assert.equal(requiredN(0.01, 0.3, { oneSided: true }), 5565);
  assert.equal(requiredN(0.01, 0.3), 7064);
  assert.equal(requiredN(0.01, 0.3, { icc: 0.2, meanClusterSize: 10 }), 19780);
  assert.equal(requiredN(0.01, 0.3, { oneSided: true, icc: 0.15, meanClusterSize: 8 }), 11407);
  assert.throws(() => requiredN(0, 0.3), /target_delta must be > 0/);
  assert.equal(mde(0, 10, { icc: 0 }).deff, 1);
  assert.equal(mde(0.3, 1).mde, Infinity);
});

test('power at the MDE is the target power (EVALSIG test_smoke)', () => {
  const m = mde(0.4, 500, { alpha: 0.05, power: 0.8 }).mde;
  close(powerForDelta(m, 0.4, 500, { alpha: 0.05 }), 0.8, 5e-3 / 0.8);
});

test('multiplicity corrections reproduce EVALSIG test_multiplicity', () => {
  const p = [0.01, 0.04, 0.06, 0.2];
  assert.deepEqual(bonferroni(p).map((x) => +x.toFixed(12)), [0.04, 0.16, 0.24, 0.8]);
  assert.deepEqual(holm(p).map((x) => +x.toFixed(12)), [0.04, 0.12, 0.12, 0.2]);
  assert.deepEqual(benjaminiHochberg(p).map((x) => +x.toFixed(12)), [0.04, 0.08, 0.08, 0.2]);
  assert.deepEqual(holm([0.2, 0.01]), [0.2, 0.02]); // input order is kept
});

test('cluster_robust with one item per cluster is exactly the paired t test', () => {
  const a = Float64Array.from({ length: 40 }, (_, i) => Math.sin(i) * 0.3 + 0.5);
  const b = Float64Array.from({ length: 40 }, (_, i) => Math.cos(i * 1.7) * 0.3 + 0.55);
  const d = differences(a, b);
  const t = pairedT(d, 'two-sided', 0.95);
  const cr = clusterRobust(d, a.map((_, i) => i).reduce<string[]>((acc, i) => (acc.push(`c${i}`), acc), []), 'two-sided', 0.95);
  close(cr.pValue, t.pValue, 1e-12);
  close(cr.ci[0], t.ci[0], 1e-12);
  close(cr.ci[1], t.ci[1], 1e-12);
  assert.equal(cr.df, 39);
  assert.equal(cr.nClusters, 40);
});

test('cluster_robust widens the interval when clusters move together', () => {
  const clusters: string[] = [];
  const d: number[] = [];
  for (let g = 0; g < 20; g++) {
    const shift = (g % 2 ? 1 : -1) * 0.2;
    for (let i = 0; i < 10; i++) {
      clusters.push(`g${g}`);
      d.push(shift + ((i % 3) - 1) * 0.01 + 0.01);
    }
  }
  const dd = Float64Array.from(d);
  const cr = clusterRobust(dd, clusters, 'two-sided', 0.95);
  const t = pairedT(dd, 'two-sided', 0.95);
  assert.ok(cr.ci[1] - cr.ci[0] > 2.5 * (t.ci[1] - t.ci[0]), 'clustered CI is much wider');
  assert.equal(cr.df, 19);
  assert.throws(() => clusterRobust(dd, clusters.map(() => 'one'), 'two-sided', 0.95), /at least 2 clusters/);
});

test('ICC: near 0 for independent noise, high when clusters share their value', () => {
  const clusters = Array.from({ length: 200 }, (_, i) => `c${Math.floor(i / 10)}`);
  const noise = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
  assert.ok(estimateIcc(noise, clusters) < 0.1);
  const shared = Float64Array.from({ length: 200 }, (_, i) => Math.floor(i / 10) % 2 + 0.01 * Math.sin(i));
  assert.ok(estimateIcc(shared, clusters) > 0.9);
  assert.equal(estimateIcc(shared, clusters.map(() => 'x')), 0);
});

test('paired t with zero variance follows EVALSIG', () => {
  // 0.25 is dyadic, so the mean is exact and the SD is exactly 0 (0.1 would leave ulp-sized residues, in numpy too).
  const r = pairedT(Float64Array.from([0.25, 0.25, 0.25]), 'greater', 0.95);
  assert.deepEqual([r.pValue, r.ci[0], r.ci[1], r.sdDiff], [0, 0.25, 0.25, 0]);
  assert.equal(pairedT(Float64Array.from([0, 0]), 'two-sided', 0.95).pValue, 1);
  assert.throws(() => pairedT(Float64Array.from([1]), 'greater', 0.95), /need at least 2 paired observations, got 1/);
});
