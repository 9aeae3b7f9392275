import { argoRule, goInt, specOf, VALIDATION_GO } from './common';

const FIELDS = ['minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds'] as const;

/** Argo A7: the spec's counters must not be negative. */
export const nonNegativeRule = argoRule({
  id: 'TG-ARGO-A7',
  title: 'Counters not negative',
  description: 'Fires when `spec.minReadySeconds`, `spec.revisionHistoryLimit` or `spec.progressDeadlineSeconds` is negative.',
  example: 'spec:\n  revisionHistoryLimit: -1',
  fix: 'Use 0 or a positive number (or remove the field to get the default).',
  source: `${VALIDATION_GO} (ValidateRolloutSpec)`,
  check(ctx) {
    const spec = specOf(ctx);
    for (const key of FIELDS) {
      const n = goInt(spec, key);
      if (spec && n !== undefined && n < 0) ctx.report({ at: spec.get(key)!, message: `spec.${key}: Invalid value: ${n}: must be greater than or equal to 0` });
    }
  },
});
