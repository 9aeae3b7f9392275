import type { Cursor } from '../../../yaml/cursor';
import type { RuleContext } from '../rule';
import { argoRule, goInt, present, strategyOf, VALIDATION_GO } from './common';

function check(ctx: RuleContext, block: Cursor | undefined): void {
  const preferred = present(present(block, 'antiAffinity'), 'preferredDuringSchedulingIgnoredDuringExecution');
  if (!preferred) return;
  const weight = goInt(preferred, 'weight') ?? 0; // Go's zero value when missing
  if (weight >= 1 && weight <= 100) return;
  const w = preferred.get('weight');
  ctx.report({
    at: w && !w.isNull ? w : preferred,
    onKey: !w || w.isNull,
    message: `${preferred.pathText.replace('.preferredDuringSchedulingIgnoredDuringExecution', '')}.weight: Invalid value: ${weight}: AntiAffinity weight must be between 1-100`,
  });
}

const common = {
  title: 'Anti-affinity weight 1–100',
  fix: 'Set `preferredDuringSchedulingIgnoredDuringExecution.weight` between 1 and 100.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyAntiAffinity)`,
};

/** Argo B4: blue-green preferred anti-affinity weight within [1, 100]. */
export const blueGreenAntiAffinityWeightRule = argoRule({
  ...common,
  id: 'TG-ARGO-B4',
  description: 'Fires when `blueGreen.antiAffinity.preferredDuringSchedulingIgnoredDuringExecution.weight` is missing or outside 1–100.',
  example: 'strategy:\n  blueGreen:\n    antiAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution: {weight: 0}',
  check: (ctx) => check(ctx, strategyOf(ctx)?.blueGreen),
});

/** Argo C21: canary preferred anti-affinity weight within [1, 100]. */
export const canaryAntiAffinityWeightRule = argoRule({
  ...common,
  id: 'TG-ARGO-C21',
  description: 'Fires when `canary.antiAffinity.preferredDuringSchedulingIgnoredDuringExecution.weight` is missing or outside 1–100.',
  example: 'strategy:\n  canary:\n    antiAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution: {weight: 101}',
  check: (ctx) => check(ctx, strategyOf(ctx)?.canary),
});
