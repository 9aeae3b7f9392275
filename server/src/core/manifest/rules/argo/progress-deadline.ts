import { argoRule, goInt, specOf, VALIDATION_GO } from './common';

/** Argo's default `progressDeadlineSeconds`. */
const DEFAULT_PROGRESS_DEADLINE = 600;

/** Argo A8: the progress deadline must exceed minReadySeconds. */
export const progressDeadlineRule = argoRule({
  id: 'TG-ARGO-A8',
  title: 'Progress deadline above minReadySeconds',
  description: 'Fires when `spec.progressDeadlineSeconds` (default 600) is not greater than `spec.minReadySeconds`: the rollout would time out before a pod can count as ready.',
  example: 'spec:\n  minReadySeconds: 600',
  fix: 'Raise `progressDeadlineSeconds` above `minReadySeconds`.',
  source: `${VALIDATION_GO} (ValidateRolloutSpec)`,
  check(ctx) {
    const spec = specOf(ctx);
    const minReady = goInt(spec, 'minReadySeconds') ?? 0;
    const deadline = goInt(spec, 'progressDeadlineSeconds') ?? DEFAULT_PROGRESS_DEADLINE;
    if (!spec || deadline > minReady) return;
    const at = spec.get('progressDeadlineSeconds') ?? spec.get('minReadySeconds')!;
    const note = spec.get('progressDeadlineSeconds') ? '' : ` (default ${DEFAULT_PROGRESS_DEADLINE}; minReadySeconds is ${minReady})`;
    ctx.report({ at, message: `spec.progressDeadlineSeconds: Invalid value: ${deadline}: must be greater than minReadySeconds${note}` });
  },
});
