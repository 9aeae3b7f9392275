/**
 * Cluster bookkeeping shared by the cluster bootstrap, the cluster-robust
 * method and the ICC: clusters in numpy `unique` order (code point), members
 * in position order, stored contiguously so a resample copies whole clusters.
 */
import { compareCodePoints } from '../text/code-point-order';

export interface ClusterGroups {
  /** Number of clusters G. */
  readonly count: number;
  /** The values regrouped: cluster k is values[offsets[k] .. offsets[k+1]). */
  readonly values: Float64Array;
  readonly offsets: Int32Array;
  /** Cluster names in numpy `unique` order. */
  readonly names: readonly string[];
}

export function groupByCluster(values: Float64Array, clusters: readonly string[]): ClusterGroups {
  const names = [...new Set(clusters)].sort(compareCodePoints);
  const slot = new Map<string, number>();
  names.forEach((name, k) => slot.set(name, k));
  const members = clusters.map((c) => slot.get(c) as number);

  const offsets = new Int32Array(names.length + 1);
  for (const k of members) offsets[k + 1] = (offsets[k + 1]) + 1;
  for (let k = 0; k < names.length; k++) offsets[k + 1] = (offsets[k + 1]) + (offsets[k]);

  const cursor = offsets.slice(0, names.length);
  const grouped = new Float64Array(values.length);
  members.forEach((k, i) => {
    grouped[cursor[k]] = values[i];
    cursor[k] = (cursor[k]) + 1;
  });
  return { count: names.length, values: grouped, offsets, names };
}
