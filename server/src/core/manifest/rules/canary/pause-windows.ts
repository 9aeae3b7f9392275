import type { Fix } from '../../../findings';
import { insertMapEntry, replaceSpan } from '../../../yaml/edits';
import type { ManifestRule, RuleContext } from '../rule';
import { formatSeconds } from './duration';
import { canaryModel, type CanaryModel } from './steps';

/** Argo's default `progressDeadlineSeconds`. */
const DEFAULT_DEADLINE = 600;

/**
 * TG-CAN-008. Two ways a pause plan fights the clock: (1) the timed pauses add
 * up to at least `progressDeadlineSeconds` while `progressDeadlineAbort` is on
 * — Argo documents that paused time is not counted, but controllers hit by
 * argo-rollouts #1225 and #3534 did count it and aborted or degraded such
 * rollouts, and pipelines that wait on `rollouts status` with the deadline
 * time out; (2) one pause is longer than the policy's `canary.maxPauseSeconds`.
 */
export const pauseWindowsRule: ManifestRule = {
  id: 'TG-CAN-008',
  title: 'Pauses fit the progress deadline and the policy window',
  description:
    "Fires when timed canary pauses add up to at least `progressDeadlineSeconds` (default 600) while `progressDeadlineAbort: true`, and on each pause longer than the policy's `canary.maxPauseSeconds` (default 24h).",
  example: 'progressDeadlineSeconds: 600\nprogressDeadlineAbort: true\nstrategy:\n  canary:\n    steps:\n    - setWeight: 5\n    - pause: {duration: 15m}',
  fix: 'Raise `progressDeadlineSeconds` above the total of the pauses, and keep each pause under the policy maximum (canary.maxPauseSeconds).',
  kinds: ['Rollout'],
  levels: ['warning', 'warning', 'warning'],
  check(ctx) {
    const model = canaryModel(ctx.doc);
    if (!model) return;
    checkDeadline(ctx, model);
    checkLongPauses(ctx, model);
  },
};

function checkDeadline(ctx: RuleContext, model: CanaryModel): void {
  if (model.spec.get('progressDeadlineAbort')?.bool() !== true) return;
  const timed = model.steps.flatMap((s) => (s.pause?.kind === 'timed' && s.pause.seconds > 0 ? [s.pause.seconds] : []));
  const total = timed.reduce((a, b) => a + b, 0);
  const deadlineCursor = model.spec.get('progressDeadlineSeconds');
  const deadline = deadlineCursor === undefined ? DEFAULT_DEADLINE : deadlineCursor.num();
  if (deadline === undefined || timed.length === 0 || total < deadline) return;
  const wanted = total + DEFAULT_DEADLINE;
  const edit = deadlineCursor ? replaceSpan(deadlineCursor.span, String(wanted)) : insertMapEntry(ctx.doc.text, model.spec, 'progressDeadlineSeconds', wanted);
  const fixes: Fix[] = edit ? [{ title: `Raise progressDeadlineSeconds to ${wanted}`, edits: [edit] }] : [];
  ctx.report({
    at: deadlineCursor ?? model.spec.get('progressDeadlineAbort') ?? model.spec,
    onKey: deadlineCursor === undefined,
    message: `timed pauses total ${formatSeconds(total)} (${total}s), at least progressDeadlineSeconds ${deadline}${deadlineCursor ? '' : ' (default)'} with progressDeadlineAbort: true: the rollout risks being aborted while it waits`,
    fixes,
  });
}

function checkLongPauses(ctx: RuleContext, model: CanaryModel): void {
  const max = ctx.settings.canary.maxPauseSeconds;
  for (const step of model.steps) {
    if (step.pause?.kind !== 'timed' || step.pause.seconds <= max) continue;
    const at = step.action?.get('duration') ?? step.cursor;
    ctx.report({
      at,
      message: `pause of ${formatSeconds(step.pause.seconds)} (${step.pause.seconds}s) at ${at.pathText} is longer than the policy's maximum window of ${formatSeconds(max)} (canary.maxPauseSeconds)`,
      fixes: [{ title: `Shorten to ${formatSeconds(max)}`, edits: [replaceSpan(at.span, JSON.stringify(formatSeconds(max)))] }],
    });
  }
}
