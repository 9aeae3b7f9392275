import { argoRule, goInt, specOf, VALIDATION_GO } from './common';

/** Argo A1: `spec.replicas` must not be negative. */
export const replicasRule = argoRule({
  id: 'TG-ARGO-A1',
  title: 'Replicas not negative',
  description: 'Fires when `spec.replicas` is negative (Argo validates it with Kubernetes\' non-negative check).',
  example: 'spec:\n  replicas: -1',
  fix: 'Set `spec.replicas` to 0 or more.',
  source: `${VALIDATION_GO} (ValidateRolloutSpec)`,
  check(ctx) {
    const spec = specOf(ctx);
    const n = goInt(spec, 'replicas');
    if (spec && n !== undefined && n < 0) {
      ctx.report({ at: spec.get('replicas')!, message: `spec.replicas: Invalid value: ${n}: must be greater than or equal to 0` });
    }
  },
});
