import { argoRule, goInt, strategyOf, VALIDATION_GO } from './common';

/** Argo's default `revisionHistoryLimit`. */
const DEFAULT_REVISION_HISTORY_LIMIT = 10;

/** Argo B2: blue-green cannot keep more scaled-down revisions than history. */
export const scaleDownRevisionLimitRule = argoRule({
  id: 'TG-ARGO-B2',
  title: 'Scale-down limit within history',
  description: 'Fires when `blueGreen.scaleDownDelayRevisionLimit` is greater than `spec.revisionHistoryLimit` (default 10).',
  example: 'spec:\n  revisionHistoryLimit: 2\n  strategy:\n    blueGreen:\n      scaleDownDelayRevisionLimit: 3',
  fix: 'Lower `scaleDownDelayRevisionLimit` or raise `revisionHistoryLimit`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyBlueGreen)`,
  check(ctx) {
    const s = strategyOf(ctx);
    const limit = goInt(s?.blueGreen, 'scaleDownDelayRevisionLimit');
    if (!s?.blueGreen || limit === undefined) return;
    const history = goInt(s.spec, 'revisionHistoryLimit') ?? DEFAULT_REVISION_HISTORY_LIMIT;
    if (history >= limit) return;
    ctx.report({
      at: s.blueGreen.get('scaleDownDelayRevisionLimit')!,
      message: `${s.blueGreen.pathText}.scaleDownDelayRevisionLimit: Invalid value: ${limit}: This rollout's revision history limit can not be smaller than the rollout's scale down limit (revisionHistoryLimit is ${history})`,
    });
  },
});
