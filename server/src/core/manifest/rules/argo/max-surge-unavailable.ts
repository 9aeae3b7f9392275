import type { Cursor } from '../../../yaml/cursor';
import { replaceSpan } from '../../../yaml/edits';
import { argoRule, canaryOf, goValue, present, VALIDATION_GO } from './common';

const PERCENT = /^[0-9]+%$/;
const GO_ATOI = /^[+-]?[0-9]+$/;

/**
 * An IntOrString as Argo's `getIntOrPercentValue` reads it: ints as is,
 * "N%" as N, any other string through `strconv.Atoi` — which yields 0 on error.
 */
export function intOrPercentValue(c: Cursor): number {
  const n = c.num();
  if (n !== undefined) return Math.trunc(n);
  const s = c.str() ?? '';
  if (PERCENT.test(s)) return Number(s.slice(0, -1));
  return GO_ATOI.test(s) ? Number(s) : 0;
}

/** Argo C1: a canary must be able to make progress. */
export const maxSurgeUnavailableRule = argoRule({
  id: 'TG-ARGO-C1',
  title: 'maxSurge and maxUnavailable not both zero',
  description: 'Fires when `canary.maxSurge` and `canary.maxUnavailable` (each default 25%) both resolve to 0 (`0`, `"0%"`, or a string Go cannot read as a number): no pod can ever be replaced.',
  example: 'strategy:\n  canary:\n    maxSurge: 0\n    maxUnavailable: 0',
  fix: 'Allow some progress, e.g. `maxUnavailable: 1`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary: invalidMaxSurgeMaxUnavailable)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    const surge = present(canary, 'maxSurge');
    const unavailable = present(canary, 'maxUnavailable');
    if (!canary || !surge || !unavailable) return; // a missing one defaults to 25%
    if (intOrPercentValue(surge) !== 0 || intOrPercentValue(unavailable) !== 0) return;
    ctx.report({
      at: surge,
      message: `${surge.pathText}: Invalid value: ${goValue(surge) ?? '0'}: MaxSurge and MaxUnavailable both can not be zero`,
      fixes: [{ title: 'Set maxUnavailable: 1', edits: [replaceSpan(unavailable.span, '1')], preferred: true }],
    });
  },
});
