/**
 * Pairs two runs by item_id (EVALSIG `align_runs`, spec §2.1): epoch-0 items
 * only, the common ids sorted by code point (the resampling methods draw per
 * position, so the order is part of the result), coverage and cluster-mismatch
 * notes with EVALSIG's wording.
 */
import { DataError } from '../errors';
import { sortByCodePoint } from '../text/code-point-order';
import { pyPercent } from '../text/python-format';
import { epochZeroIndex } from './item-index';
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
  const ia = epochZeroIndex(a.items);
  const ib = epochZeroIndex(b.items);
  const ids: string[] = [];
  for (const id of ia.keys()) if (ib.has(id)) ids.push(id);
  if (ids.length === 0) throw new DataError('no overlapping item_ids between the two runs');
  sortByCodePoint(ids);

  const notes: string[] = [];
  const coverage = ids.length / Math.max(ia.size, ib.size);
  if (coverage < 0.95) {
    notes.push(
      `item-set coverage is ${pyPercent(coverage, 1)} (below 95%); ` +
        `${ib.size - ids.length} items only in candidate, ${ia.size - ids.length} only in baseline`,
    );
  }

  const n = ids.length;
  const baseline = new Float64Array(n);
  const candidate = new Float64Array(n);
  const clusterA: (string | null)[] = new Array<string | null>(n);
  let mismatches = 0;
  let anyCluster = false;
  for (let k = 0; k < n; k++) {
    const id = ids[k];
    const ra = ia.get(id) as number;
    const rb = ib.get(id) as number;
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
