import { argoRule, present, specOf, VALIDATION_GO } from './common';

/** Argo A10: only one strategy may be listed. */
export const strategyMultipleRule = argoRule({
  id: 'TG-ARGO-A10',
  title: 'Only one strategy',
  description: 'Fires when a Rollout sets both `spec.strategy.canary` and `spec.strategy.blueGreen`.',
  example: 'spec:\n  strategy:\n    canary: {}\n    blueGreen: {activeService: web}',
  fix: 'Keep either the `canary` or the `blueGreen` block, not both.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategy)`,
  check(ctx) {
    const strategy = specOf(ctx)?.get('strategy');
    const canary = present(strategy, 'canary');
    const blueGreen = present(strategy, 'blueGreen');
    if (!canary || !blueGreen) return;
    const second = blueGreen.keySpan.start > canary.keySpan.start ? blueGreen : canary;
    ctx.report({ at: second, onKey: true, message: 'spec.strategy: Invalid value: "blueGreen: true canary: true": Multiple Strategies can not be listed' });
  },
});
