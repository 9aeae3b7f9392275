/**
 * Argo's basic-canary arithmetic (no trafficRouting): how many canary and
 * stable pods a setWeight becomes. Re-derived from argo-rollouts
 * `utils/replicaset/canary.go` (`approximateWeightedCanaryStableReplicaCounts`):
 * candidates are the ceiling and floor of replicas × weight / 100 over
 * `replicas` pods and, when surge is allowed, over `replicas + 1`; the one
 * whose pod share is closest to the weight wins (earlier candidate on a tie);
 * zero canary pods are allowed only for weights 0 and 100 or a single replica
 * without surge; a floor equidistant with the ceiling is not a candidate.
 */
import type { Cursor } from '../../../yaml/cursor';

export interface ReplicaSplit {
  readonly canary: number;
  readonly stable: number;
}

/** Canary and stable pod counts for `weight` (0–100) with `replicas` pods and a resolved `maxSurge`. */
export function basicCanarySplit(replicas: number, weight: number, maxSurge: number): ReplicaSplit {
  if (replicas <= 0) return { canary: 0, stable: 0 };
  const exact = (replicas * weight) / 100;
  const ceil = Math.ceil(exact);
  const floor = Math.floor(exact);
  const zeroAllowed = weight === 100 || weight === 0 || (replicas === 1 && maxSurge === 0);
  const options: { canary: number; total: number }[] = [];
  if (ceil < replicas || zeroAllowed) options.push({ canary: ceil, total: replicas });
  if (!tied(weight, replicas) && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: replicas });
  if (maxSurge > 0) {
    options.push({ canary: ceil, total: replicas + 1 });
    if (!tied(weight, replicas + 1) && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: replicas + 1 });
  }
  let best = options[0];
  if (!best) return { canary: 0, stable: replicas };
  for (const o of options.slice(1)) if (delta(weight, o) < delta(weight, best)) best = o;
  return { canary: best.canary, stable: best.total - best.canary };
}

function tied(weight: number, total: number): boolean {
  const x = total * (weight / 100);
  return x - Math.trunc(x) === 0.5;
}

function delta(weight: number, o: { canary: number; total: number }): number {
  return Math.abs((o.canary * 100) / o.total - weight);
}

/**
 * `maxSurge` resolved against `replicas` like Kubernetes' IntOrString (percent
 * rounded up; a bare numeric string counts as a percent, as Argo's default
 * `"25"` does). Undefined when unreadable (templated, malformed).
 */
export function resolveMaxSurge(c: Cursor | undefined, replicas: number): number | undefined {
  if (c === undefined || c.isNull) return Math.ceil((25 * replicas) / 100);
  const n = c.num();
  if (n !== undefined) return Number.isInteger(n) ? n : undefined;
  const m = /^([0-9]+)%?$/.exec(c.str() ?? '');
  return m ? Math.ceil((Number(m[1]) * replicas) / 100) : undefined;
}
