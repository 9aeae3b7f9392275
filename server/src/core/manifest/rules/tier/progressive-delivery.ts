import type { ManifestDoc } from '../../manifest-doc';
import type { WorkspaceIndex } from '../../workspace-index';
import type { ManifestRule } from '../rule';

interface RefCache {
  readonly count: number;
  readonly refs: ReadonlySet<string>;
}

/** Workloads named by some Rollout's `workloadRef`, per index (rebuilt when Rollouts are added): one pass, not one per Deployment. */
const CACHE = new WeakMap<WorkspaceIndex, RefCache>();

function referencedWorkloads(workspace: WorkspaceIndex): ReadonlySet<string> {
  const rollouts = workspace.all('Rollout');
  const cached = CACHE.get(workspace);
  if (cached && cached.count === rollouts.length) return cached.refs;
  const refs = new Set<string>();
  for (const r of rollouts) {
    if (!r.isArgo) continue;
    const ref = r.root.at('spec', 'workloadRef');
    const name = ref?.get('name')?.text();
    if (name !== undefined) refs.add(key(ref?.get('kind')?.str() ?? 'Deployment', name, r.namespace));
  }
  CACHE.set(workspace, { count: rollouts.length, refs });
  return refs;
}

function key(kind: string, name: string, namespace: string | undefined): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}

function isReferenced(workspace: WorkspaceIndex, doc: ManifestDoc): boolean {
  const refs = referencedWorkloads(workspace);
  const name = doc.name;
  if (name === undefined) return false;
  // A Rollout without namespace is applied wherever the Deployment goes.
  return refs.has(key(doc.kind, name, doc.namespace)) || refs.has(key(doc.kind, name, undefined));
}

/** TG-TIER-003: from tier 1 on, changes reach users progressively (a Rollout), not all at once. */
export const progressiveDeliveryRule: ManifestRule = {
  id: 'TG-TIER-003',
  title: 'No progressive delivery for tier 1 and above',
  description: 'Fires when a tier-1 or tier-2 workload is a plain Deployment or StatefulSet (all-at-once rolling update) and no Argo Rollout in the workspace manages it through `workloadRef`.',
  example: 'kind: Deployment\nmetadata:\n  labels:\n    tollgate.dev/tier: "2"',
  fix: 'Convert the workload to an Argo Rollout with canary steps, or add a Rollout whose `workloadRef` names it.',
  kinds: ['Deployment', 'StatefulSet'],
  levels: ['off', 'warning', 'error'],
  check(ctx) {
    if (ctx.tier < 1 || isReferenced(ctx.workspace, ctx.doc)) return;
    const tier = ctx.tierDeclared ? `tier ${ctx.tier}` : `tier ${ctx.tier} (the policy default)`;
    ctx.report({
      at: ctx.doc.headSpan,
      message: `${ctx.doc.kind} '${ctx.doc.name ?? '?'}' is ${tier} but rolls out all at once: use an Argo Rollout (or a Rollout with workloadRef to it) for progressive delivery`,
    });
  },
};
