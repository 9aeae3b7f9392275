import { argoRule, present, specOf, VALIDATION_GO } from './common';

/** Argo A9: a Rollout needs a strategy (`canary` or `blueGreen`). */
export const strategyRule = argoRule({
  id: 'TG-ARGO-A9',
  title: 'Strategy required',
  description: 'Fires when a Rollout sets neither `spec.strategy.canary` nor `spec.strategy.blueGreen` (a null value counts as not set).',
  example: 'spec:\n  strategy: {}',
  fix: 'Add a `canary` or a `blueGreen` block under `spec.strategy`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategy)`,
  check(ctx) {
    const strategy = specOf(ctx)?.get('strategy');
    if (present(strategy, 'canary') || present(strategy, 'blueGreen')) return;
    const at = strategy ?? ctx.doc.root.get('spec') ?? ctx.doc.headSpan;
    ctx.report({ at, onKey: true, message: "spec.strategy: Required value: Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'" });
  },
});
