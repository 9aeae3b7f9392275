import type { Cursor } from '../../../yaml/cursor';
import type { RuleContext } from '../rule';
import { argoRule, present, strategyOf, VALIDATION_GO } from './common';

const PREFERRED = 'preferredDuringSchedulingIgnoredDuringExecution';
const REQUIRED = 'requiredDuringSchedulingIgnoredDuringExecution';

function check(ctx: RuleContext, block: Cursor | undefined): void {
  const aa = present(block, 'antiAffinity');
  if (!aa) return;
  const p = present(aa, PREFERRED) !== undefined;
  const r = present(aa, REQUIRED) !== undefined;
  if (p !== r) return;
  ctx.report({ at: aa, onKey: true, message: `${aa.pathText}: Invalid value: "antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution: ${p} antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution: ${r}": AntiAffinity must have exactly one strategy listed` });
}

const common = {
  title: 'Anti-affinity has exactly one strategy',
  fix: 'Keep exactly one of `preferredDuringSchedulingIgnoredDuringExecution` and `requiredDuringSchedulingIgnoredDuringExecution`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyAntiAffinity)`,
};

/** Argo B3: blue-green antiAffinity lists exactly one of preferred/required. */
export const blueGreenAntiAffinityRule = argoRule({
  ...common,
  id: 'TG-ARGO-B3',
  description: 'Fires when `blueGreen.antiAffinity` sets both or neither of `preferredDuringSchedulingIgnoredDuringExecution` and `requiredDuringSchedulingIgnoredDuringExecution`.',
  example: 'strategy:\n  blueGreen:\n    activeService: web\n    antiAffinity: {}',
  check: (ctx) => check(ctx, strategyOf(ctx)?.blueGreen),
});

/** Argo C20: canary antiAffinity lists exactly one of preferred/required. */
export const canaryAntiAffinityRule = argoRule({
  ...common,
  id: 'TG-ARGO-C20',
  description: 'Fires when `canary.antiAffinity` sets both or neither of `preferredDuringSchedulingIgnoredDuringExecution` and `requiredDuringSchedulingIgnoredDuringExecution`.',
  example: 'strategy:\n  canary:\n    antiAffinity: {}',
  check: (ctx) => check(ctx, strategyOf(ctx)?.canary),
});
