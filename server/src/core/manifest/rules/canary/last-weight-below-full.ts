import type { ManifestRule } from '../rule';
import { insertSeqItem } from './seq-edits';
import { canaryModel, weightSteps } from './steps';

/**
 * TG-CAN-002. After its last step a canary is promoted to 100% implicitly;
 * when the last setWeight is below 100 that final jump is invisible in the
 * step list, so reviewers underestimate it.
 */
export const lastWeightBelowFullRule: ManifestRule = {
  id: 'TG-CAN-002',
  title: 'Final promotion is explicit',
  description: 'Fires when the last canary `setWeight` is below 100: after the last step Argo promotes to 100% implicitly, a jump the step list does not show.',
  example: 'steps:\n- setWeight: 20\n- pause: {duration: 10m}',
  fix: 'End the step list with `- setWeight: 100` so the final promotion is visible.',
  kinds: ['Rollout'],
  levels: ['off', 'info', 'info'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    const last = model ? weightSteps(model).at(-1) : undefined;
    if (!model?.stepsCursor || !last?.action || (last.weight ?? 0) >= 100) return;
    const edit = insertSeqItem(ctx.doc.text, model.stepsCursor, undefined, { block: ['setWeight: 100'], flow: '{setWeight: 100}' });
    ctx.report({
      at: last.action,
      message: `last setWeight is ${last.weight} (${last.action.pathText}): after the last step Argo jumps to 100% implicitly`,
      ...(edit ? { fixes: [{ title: 'Append `- setWeight: 100`', edits: [edit] }] } : {}),
    });
  },
};
