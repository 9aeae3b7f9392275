import type { ManifestRule } from '../rule';
import { canaryModel, type CanaryModel, type CanaryStep } from './steps';

/**
 * TG-CAN-007. Our reading of "indefinite pauses where the tier wants
 * automation": `pause: {}` is a manual gate — the rollout waits for
 * `kubectl argo rollouts promote` and nothing is measured meanwhile. A gate is
 * fine when automation backs it (an analysis or experiment-with-analyses step
 * since the last weight change, or background analysis running by then);
 * an unbacked gate rests promotion on someone's judgement alone. That is a
 * note for tiers 0–1 and a warning for tier 2, where a manual gate is
 * expected but must come with evidence (the approval itself is TG-SOD's).
 */
export const manualGateRule: ManifestRule = {
  id: 'TG-CAN-007',
  title: 'Manual gate backed by analysis',
  description:
    'Fires on an indefinite canary `pause` (no `duration`) when no analysis step ran since the last weight change and no background analysis runs by then: promotion rests on a manual `promote` alone.',
  example: 'steps:\n- setWeight: 5\n- pause: {}',
  fix: 'Add an analysis step before the manual gate (or background analysis), or give the pause a `duration`.',
  kinds: ['Rollout'],
  levels: ['info', 'info', 'warning'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    if (!model) return;
    let analysed = false;
    for (const step of model.steps) {
      if (step.weight !== undefined) analysed = false;
      analysed ||= step.verifies;
      if (step.pause?.kind !== 'indefinite' || analysed || backgroundCovers(model, step)) continue;
      const at = step.cursor.get('pause') ?? step.cursor;
      ctx.report({
        at,
        onKey: true,
        message: `indefinite pause at ${step.cursor.pathText} is a manual gate with no analysis behind it: the rollout waits for \`kubectl argo rollouts promote\` and nothing is measured (tier ${ctx.tier})`,
      });
    }
  },
};

/** Background analysis runs from `startingStep` (default 0) on. */
function backgroundCovers(model: CanaryModel, step: CanaryStep): boolean {
  const bg = model.backgroundAnalysis;
  if (!bg) return false;
  const start = bg.get('startingStep')?.num() ?? 0;
  return start <= step.index;
}
