import type { ManifestDoc } from '../../manifest-doc';
import type { WorkspaceIndex } from '../../workspace-index';
import type { RuleContext } from '../rule';
import { argoRule, REFERENCES_GO } from './common';
import { serviceRefs } from './referenced-services';

const MANAGED_BY = 'argo-rollouts.argoproj.io/managed-by-rollouts';

/** Per workspace: `namespace/service` → names of the Rollouts that use it (built once, not per Rollout). */
const USERS = new WeakMap<WorkspaceIndex, { readonly count: number; readonly users: Map<string, string[]> }>();

function usersOf(workspace: WorkspaceIndex): Map<string, string[]> {
  const rollouts = workspace.all('Rollout');
  const cached = USERS.get(workspace);
  if (cached && cached.count === rollouts.length) return cached.users; // rebuilt when the index grows
  const users = new Map<string, string[]>();
  for (const doc of rollouts) {
    if (!doc.isArgo) continue;
    for (const service of servicesOf(doc)) {
      const key = `${doc.namespace ?? ''}/${service}`;
      users.set(key, [...(users.get(key) ?? []), doc.name ?? '(unnamed)']);
    }
  }
  USERS.set(workspace, { count: rollouts.length, users });
  return users;
}

function servicesOf(doc: ManifestDoc): Set<string> {
  const strategy = doc.root.at('spec', 'strategy');
  const c = strategy?.get('canary');
  const b = strategy?.get('blueGreen');
  const names = [c?.get('canaryService'), c?.get('stableService'), c?.at('pingPong', 'pingService'), c?.at('pingPong', 'pongService'), b?.get('activeService'), b?.get('previewService')];
  return new Set(names.flatMap((n) => n?.str() ?? []));
}

/** Other Rollouts of the workspace (same namespace) that name `service` too. */
function otherUsers(ctx: RuleContext, service: string): string[] {
  const all = usersOf(ctx.workspace).get(`${ctx.doc.namespace ?? ''}/${service}`) ?? [];
  return all.filter((n) => n !== ctx.doc.name);
}

/** Argo R2: a Service can be managed by one Rollout only. */
export const serviceManagedElsewhereRule = argoRule({
  id: 'TG-ARGO-R2',
  title: 'Service not managed by another Rollout',
  description: 'Fires when a Service the Rollout names carries the `argo-rollouts.argoproj.io/managed-by-rollouts` annotation of another Rollout, or when another Rollout of the workspace (same namespace) names the same Service.',
  example: 'stableService: web   # also the stableService of Rollout web-v2',
  fix: 'Give each Rollout its own Services.',
  source: `${REFERENCES_GO} (ValidateService)`,
  check(ctx) {
    for (const ref of serviceRefs(ctx)) {
      const owner = ref.service?.annotations[MANAGED_BY];
      const others = owner !== undefined && owner !== ctx.doc.name ? [owner] : otherUsers(ctx, ref.name);
      if (others.length === 0) continue;
      ctx.report({ at: ref.at, message: `${ref.at.pathText}: Invalid value: ${JSON.stringify(ref.name)}: Service ${JSON.stringify(ref.name)} is managed by another Rollout (${others.join(', ')})` });
    }
  },
});
