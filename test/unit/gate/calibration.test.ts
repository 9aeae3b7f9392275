/**
 * Monte-Carlo calibration under a true null with clustered data (seeded,
 * bounded in time). Items share a passage effect (ICC ≈ 0.3), the candidate
 * is no better on average, and every "ALLOW" is a false one. The
 * cluster-aware methods keep the false-ALLOW rate at α (within 3 Monte-Carlo
 * standard errors); the unclustered ones, which treat 10 answers about one
 * passage as 10 independent facts, visibly exceed it. This is why --cluster
 * matters (README, "Clustered items").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MethodName } from '../../../server/src/core/gate/compare';
import { gateAligned } from '../../../server/src/core/gate/gate';
import type { AlignedRuns } from '../../../server/src/core/runs/align';
import { gaussian as normal, mulberry32 as rng } from '../../helpers/seeded-random.cjs';

const TRIALS = 1000;
const PER_CLUSTER = 10;
const ALPHA = 0.05;

/** One null dataset: d = passage effect (sd √0.3) + item noise (sd √0.7); true mean 0. */
function nullDataset(r: () => number, clusterCount: number): AlignedRuns {
  const n = clusterCount * PER_CLUSTER;
  const baseline = new Float64Array(n);
  const candidate = new Float64Array(n);
  const clusters: string[] = [];
  const ids: string[] = [];
  for (let g = 0; g < clusterCount; g++) {
    const shared = Math.sqrt(0.3) * normal(r);
    for (let j = 0; j < PER_CLUSTER; j++) {
      const i = g * PER_CLUSTER + j;
      baseline[i] = 0.5 + 0.1 * normal(r);
      candidate[i] = (baseline[i]) + 0.1 * (shared + Math.sqrt(0.7) * normal(r));
      clusters.push(`p${String(g).padStart(3, '0')}`);
      ids.push(`p${String(g).padStart(3, '0')}-${j}`);
    }
  }
  return { ids, baseline, candidate, clusters, notes: [] };
}

function falseAllowRate(method: MethodName, clustered: boolean, clusterCount = 40): number {
  const r = rng(20261129);
  let allows = 0;
  for (let t = 0; t < TRIALS; t++) {
    const data = nullDataset(r, clusterCount);
    const report = gateAligned(data, { minDelta: 0, alpha: ALPHA, method, cluster: clustered ? 'passage_id' : null, resamples: 400, seed: t });
    if (report.verdict === 'ALLOW') allows++;
  }
  return allows / TRIALS;
}

const limit = ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / TRIALS);

test(`cluster-aware methods hold α under clustering (≤ α + 3 MC SE = ${limit.toFixed(4)})`, (t) => {
  const robust = falseAllowRate('cluster_robust', true);
  const bootstrap = falseAllowRate('cluster_bootstrap', true);
  t.diagnostic(`false-ALLOW rate over ${TRIALS} null releases: cluster_robust ${robust}, cluster_bootstrap ${bootstrap}`);
  assert.ok(robust <= limit, `cluster_robust false-ALLOW rate ${robust}`);
  assert.ok(bootstrap <= limit, `cluster_bootstrap false-ALLOW rate ${bootstrap}`);
});

test('unclustered methods visibly exceed α on the same data', (ctx) => {
  const t = falseAllowRate('paired_t', false);
  const perm = falseAllowRate('paired_permutation', false);
  ctx.diagnostic(`false-ALLOW rate over ${TRIALS} null releases: paired_t ${t}, paired_permutation ${perm}`);
  assert.ok(t > 2 * limit, `paired_t false-ALLOW rate ${t}`);
  assert.ok(perm > 2 * limit, `paired_permutation false-ALLOW rate ${perm}`);
});

test('with only 10 clusters the cluster-robust t (G − 1 df) still holds α', (t) => {
  const robust = falseAllowRate('cluster_robust', true, 10);
  t.diagnostic(`false-ALLOW rate with 10 clusters: cluster_robust ${robust}`);
  assert.ok(robust <= limit, `cluster_robust false-ALLOW rate ${robust}`);
});
