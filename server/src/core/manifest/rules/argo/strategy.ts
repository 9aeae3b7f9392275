import type { ManifestRule } from '../rule';

/** Argo A9/A10: a Rollout needs exactly one strategy. */
export const strategyRule: ManifestRule = {
  id: 'TG-ARGO-A9',
  title: 'Exactly one strategy',
  description: 'A Rollout must set exactly one of `spec.strategy.canary` and `spec.strategy.blueGreen` (Argo A9/A10).',
  example: 'spec:\n  strategy: {}',
  fix: 'Add a `canary` or `blueGreen` block, and only one.',
  source: 'argo-rollouts pkg/apis/rollouts/validation/validation.go (ValidateRolloutStrategy)',
  kinds: ['Rollout'],
  levels: ['error', 'error', 'error'],
  nonProdLevels: ['error', 'error', 'error'],
  check(ctx) {
    const spec = ctx.doc.root.get('spec');
    if (!spec?.isMap) return;
    const strategy = spec.get('strategy');
    const canary = strategy?.get('canary');
    const blueGreen = strategy?.get('blueGreen');
    if (canary && blueGreen) {
      ctx.report({ at: blueGreen, onKey: true, message: 'Multiple Strategies can not be listed (spec.strategy has both canary and blueGreen)' });
    } else if (!canary && !blueGreen) {
      ctx.report({ at: strategy ?? spec, onKey: true, message: "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'" });
    }
  },
};
