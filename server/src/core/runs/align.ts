/**
 * Pairs two runs by item_id (EVALSIG `align_runs`, spec §2.1): epoch-0 items
 * only, the common ids sorted by code point (the resampling methods draw per
 * position, so the order is part of the result), coverage and cluster-mismatch
 * notes with EVALSIG's wording.
 */
import { DataError } from '../errors';
import { compareCodePoints } from '../text/code-point-order';
import { pyPercent } from '../text/python-format';
import { type EpochZero, epochZero } from './item-index';
import type { RunFrame } from './run-frame';

export interface AlignedRuns {
  /** Common item ids, sorted by code point. */
  readonly ids: readonly string[];
  readonly baseline: Float64Array;
  readonly candidate: Float64Array;
  /** Baseline's cluster ids (null → "__none__"), or null when the baseline has none at all. */
  readonly clusters: readonly string[] | null;
  readonly notes: string[];
}

export function alignRuns(a: RunFrame, b: RunFrame): AlignedRuns {
  const ea = epochZero(a.items);
  const eb = epochZero(b.items);
  const [rowsA, rowsB] = ea.sorted && eb.sorted ? mergeJoin(a, b, ea.rows, eb.rows) : hashJoin(a, b, ea, eb);
  const n = rowsA.length;
  if (n === 0) throw new DataError('no overlapping item_ids between the two runs');

  const notes: string[] = [];
  const sizeA = ea.rows.length;
  const sizeB = eb.rows.length;
  const coverage = n / Math.max(sizeA, sizeB);
  if (coverage < 0.95) {
    notes.push(
      `item-set coverage is ${pyPercent(coverage, 1)} (below 95%); ` +
        `${sizeB - n} items only in candidate, ${sizeA - n} only in baseline`,
    );
  }

  const ids = new Array<string>(n);
  const baseline = new Float64Array(n);
  const candidate = new Float64Array(n);
  const clusterA = new Array<string | null>(n);
  let mismatches = 0;
  let anyCluster = false;
  for (let k = 0; k < n; k++) {
    const ra = rowsA[k];
    const rb = rowsB[k];
    ids[k] = a.items.itemIds[ra];
    baseline[k] = a.items.scores[ra];
    candidate[k] = b.items.scores[rb];
    const ca = a.items.clusterIds[ra] ?? null;
    if (ca !== (b.items.clusterIds[rb] ?? null)) mismatches++;
    if (ca !== null) anyCluster = true;
    clusterA[k] = ca;
  }
  if (mismatches > 0) {
    notes.push(`${mismatches} item(s) have cluster_id mismatch between runs; using baseline's cluster assignment`);
  }
  const clusters = anyCluster ? clusterA.map((c) => c ?? '__none__') : null;
  return { ids, baseline, candidate, clusters, notes };
}

/** Both runs list unique ids in code-point order: one linear pass yields the sorted common rows. */
function mergeJoin(a: RunFrame, b: RunFrame, rowsA: Int32Array, rowsB: Int32Array): [Int32Array, Int32Array] {
  const outA = new Int32Array(Math.min(rowsA.length, rowsB.length));
  const outB = new Int32Array(outA.length);
  let n = 0;
  for (let i = 0, j = 0; i < rowsA.length && j < rowsB.length; ) {
    const c = compareCodePoints(a.items.itemIds[rowsA[i]], b.items.itemIds[rowsB[j]]);
    if (c === 0) {
      outA[n] = rowsA[i++];
      outB[n++] = rowsB[j++];
    } else if (c < 0) i++;
    else j++;
  }
  return [outA.subarray(0, n), outB.subarray(0, n)];
}

/** General case: intersect through the candidate's id index, then sort the common ids. */
function hashJoin(a: RunFrame, b: RunFrame, ea: EpochZero, eb: EpochZero): [Int32Array, Int32Array] {
  const index = eb.index();
  const common: [string, number, number][] = [];
  for (const ra of ea.rows) {
    const id = a.items.itemIds[ra];
    const rb = index.get(id);
    if (rb !== undefined) common.push([id, ra, rb]);
  }
  common.sort((x, y) => compareCodePoints(x[0], y[0]));
  return [Int32Array.from(common, (c) => c[1]), Int32Array.from(common, (c) => c[2])];
}
