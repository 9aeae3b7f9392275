import type { Fix } from '../../../findings';
import type { ManifestRule, RuleContext } from '../rule';
import { insertSeqItem, type SeqItem } from './seq-edits';
import { canaryModel, isVerificationWindow, type CanaryModel, type CanaryStep } from './steps';

const PAUSE: SeqItem = { block: ['pause: {duration: 5m}'], flow: '{pause: {duration: 5m}}' };

/**
 * TG-CAN-004. Between two weight increases something must give the canary
 * time to be judged: a pause (timed or manual), an analysis step or an
 * experiment. Background analysis alone does not count: without a pause the
 * next step starts as soon as the pods are ready, before any measurement.
 * The implicit promotion to 100% after the last step is an increase too.
 */
export const weightIncreaseUnverifiedRule: ManifestRule = {
  id: 'TG-CAN-004',
  title: 'Verification window between weight increases',
  description:
    'Fires, when the policy sets `canary.requireVerification`, on a `setWeight` increase (including the implicit promotion to 100% after the last step) with no pause longer than 0 s, analysis or experiment step since the previous non-zero weight.',
  example: 'steps:\n- setWeight: 5\n- setWeight: 50',
  fix: 'Insert a `pause` (e.g. `- pause: {duration: 5m}`) or an analysis step between the two weight steps.',
  kinds: ['Rollout'],
  levels: ['off', 'warning', 'error'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    if (!model || !ctx.settings.canary.requireVerification) return;
    let current: CanaryStep | undefined;
    let verified = false;
    for (const step of model.steps) {
      if (step.weight === undefined) {
        verified ||= isVerificationWindow(step);
        continue;
      }
      if (current && step.weight > (current.weight ?? 0) && !verified) reportStep(ctx, model, current, step);
      if (step.weight !== current?.weight) verified = false;
      current = (step.weight ?? 0) > 0 ? step : undefined;
    }
    if (current && (current.weight ?? 0) < 100 && !verified) reportPromotion(ctx, model, current);
  },
};

function reportStep(ctx: RuleContext, model: CanaryModel, from: CanaryStep, to: CanaryStep): void {
  if (!to.action) return;
  const edit = model.stepsCursor && insertSeqItem(ctx.doc.text, model.stepsCursor, to.index, PAUSE);
  ctx.report({
    at: to.action,
    message: `setWeight ${to.weight} at ${to.action.pathText} follows setWeight ${from.weight} (steps[${from.index}]) with no pause or analysis between: the canary at ${from.weight}% is never verified`,
    fixes: pauseFix(edit),
  });
}

function reportPromotion(ctx: RuleContext, model: CanaryModel, last: CanaryStep): void {
  if (!last.action) return;
  const edit = model.stepsCursor && insertSeqItem(ctx.doc.text, model.stepsCursor, undefined, PAUSE);
  ctx.report({
    at: last.action,
    message: `setWeight ${last.weight} at ${last.action.pathText} is followed by the implicit promotion to 100% with no pause or analysis after it: the canary at ${last.weight}% is never verified`,
    fixes: pauseFix(edit),
  });
}

function pauseFix(edit: ReturnType<typeof insertSeqItem> | undefined): Fix[] {
  return edit ? [{ title: 'Insert `- pause: {duration: 5m}`', edits: [edit], preferred: true }] : [];
}
