import type { TextEdit } from '../../../findings';
import type { Cursor } from '../../../yaml/cursor';
import type { ManifestRule, RuleContext } from '../rule';
import { canaryModel } from './steps';

/**
 * TG-CAN-009. A canary without steps is a rolling update: Argo goes straight
 * to 100% (maxSurge/maxUnavailable at a time) with no weight, pause or
 * analysis. The fix inserts a starter list shaped by the tier's settings.
 */
export const noStepsRule: ManifestRule = {
  id: 'TG-CAN-009',
  title: 'Canary has steps',
  description: 'Fires when `spec.strategy.canary` has no `steps` (missing, null or empty): the update then behaves like a plain rolling update.',
  example: 'strategy:\n  canary:\n    maxSurge: 1',
  fix: "Add a step list: a first `setWeight` within the tier's blast radius, a pause, then larger weights.",
  kinds: ['Rollout'],
  levels: ['info', 'warning', 'error'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    if (!model || model.steps.length > 0) return;
    const steps = model.stepsCursor;
    if (steps && !steps.isNull && !steps.isSeq) return; // a wrong type is the schema's business
    const edit = starterEdit(ctx, model.canary, steps);
    ctx.report({
      at: steps ?? model.canary,
      onKey: true,
      message: `spec.strategy.canary has no steps: the update goes to 100% like a rolling update, with no canary weight, pause or analysis`,
      ...(edit ? { fixes: [{ title: 'Insert a starter step list', edits: [edit] }] } : {}),
    });
  },
};

/** `[first weight, pause, 50, pause, 100]`, the first weight from the policy (at most 50). */
function starterSteps(ctx: RuleContext): string[] {
  const first = Math.max(1, Math.min(ctx.settings.canary.maxFirstWeight, 50));
  const mid = first < 50 ? ['{setWeight: 50}', '{pause: {duration: 5m}}'] : [];
  return [`{setWeight: ${first}}`, '{pause: {duration: 5m}}', ...mid, '{setWeight: 100}'];
}

function starterEdit(ctx: RuleContext, canary: Cursor, steps: Cursor | undefined): TextEdit | undefined {
  const items = starterSteps(ctx);
  const flow = `[${items.join(', ')}]`;
  if (steps?.isSeq) return { span: steps.span, newText: flow };
  if (steps) return { span: steps.entrySpan, newText: `steps: ${flow}` };
  const text = ctx.doc.text;
  const first = canary.entries()[0];
  if (!first) {
    // `canary: {}`: replace the empty flow map.
    return canary.text() === undefined && canary.isMap ? { span: canary.span, newText: `{steps: ${flow}}` } : undefined;
  }
  if (text.charAt(canary.span.start) === '{') return { span: { start: canary.span.start + 1, end: canary.span.start + 1 }, newText: `steps: ${flow}, ` };
  const at = first[1].keySpan.start;
  const indent = ' '.repeat(at - (text.lastIndexOf('\n', at - 1) + 1));
  const block = items.map((i) => `${indent}- ${i.slice(1, -1)}`).join('\n');
  return { span: { start: at, end: at }, newText: `steps:\n${block}\n${indent}` };
}
