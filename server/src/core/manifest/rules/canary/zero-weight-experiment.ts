import type { ManifestRule } from '../rule';
import { canaryModel, type CanaryStep } from './steps';

/**
 * TG-CAN-010. `setWeight: 0` followed by experiments is the "test the new
 * version beside stable before any traffic" pattern; without analyses the
 * experiments run pods that nothing judges, and the rollout moves on anyway.
 */
export const zeroWeightExperimentRule: ManifestRule = {
  id: 'TG-CAN-010',
  title: 'Zero-weight experiments are analysed',
  description:
    'Fires on `setWeight: 0` when the steps up to the next non-zero weight (or the end) include an experiment but no analysis step and no experiment with `analyses`.',
  example: 'steps:\n- setWeight: 0\n- experiment:\n    duration: 10m\n    templates:\n    - {name: canary, specRef: canary}',
  fix: 'Add `analyses` to the experiment, or an analysis step after it.',
  kinds: ['Rollout'],
  levels: ['info', 'info', 'info'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    if (!model) return;
    model.steps.forEach((step, i) => {
      if (step.weight !== 0 || !step.action) return;
      const segment = untilNextWeight(model.steps, i + 1);
      if (!segment.some((s) => s.kind === 'experiment') || segment.some((s) => s.verifies)) return;
      ctx.report({
        at: step.action,
        message: `setWeight 0 at ${step.action.pathText} is followed by experiments without analyses: their pods run but nothing measures them before the rollout moves on`,
      });
    });
  },
};

function untilNextWeight(steps: readonly CanaryStep[], from: number): CanaryStep[] {
  const out: CanaryStep[] = [];
  for (const s of steps.slice(from)) {
    if (s.weight !== undefined && s.weight > 0) break;
    out.push(s);
  }
  return out;
}
