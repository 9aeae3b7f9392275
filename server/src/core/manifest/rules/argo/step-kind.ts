import type { Cursor } from '../../../yaml/cursor';
import { argoRule, canaryOf, present, stepsOf, VALIDATION_GO } from './common';

/** Step kinds Argo counts for "more than one" (hasMultipleStepsType). */
const EXCLUSIVE = ['setWeight', 'pause', 'experiment', 'analysis'] as const;
/** Every step kind (a step with none of them is invalid). */
const ALL = [...EXCLUSIVE, 'setCanaryScale', 'setHeaderRoute', 'setMirrorRoute', 'plugin'] as const;
const MESSAGE = 'Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause';

/** Argo C12: a canary step sets exactly one action. */
export const stepKindRule = argoRule({
  id: 'TG-ARGO-C12',
  title: 'Step sets exactly one action',
  description: 'Fires when a canary step sets more than one of `setWeight`, `pause`, `experiment`, `analysis`, or none of the eight step kinds. A key with no value (`- pause:`) counts as not set, as in the controller.',
  example: 'steps:\n  - setWeight: 20\n    pause: {duration: 60}',
  fix: 'Split the step into consecutive steps, one action each (e.g. `- setWeight: 20` then `- pause: {duration: 60}`).',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary, hasMultipleStepsType)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    if (!canary) return;
    for (const step of stepsOf(canary)) {
      const set = EXCLUSIVE.filter((k) => present(step, k));
      if (set.length > 1) {
        ctx.report({ at: step.get(set[1])!, onKey: true, message: `${step.pathText}: Invalid value: ${MESSAGE} (it sets ${set.join(' and ')})`, fixes: splitFix(ctx.doc.text, step, set) });
      } else if (!ALL.some((k) => present(step, k))) {
        const nullKey = step.isMap ? step.entries().find(([k, v]) => (ALL as readonly string[]).includes(k) && v.isNull)?.[1] : undefined;
        const hint = nullKey ? ` ('${nullKey.path[nullKey.path.length - 1]}' has no value; write \`pause: {}\` for an indefinite pause)` : '';
        ctx.report({ at: nullKey ?? step, onKey: nullKey !== undefined, message: `${step.pathText}: Invalid value: ${MESSAGE}${hint}` });
      }
    }
  },
});

/**
 * Split a block step `- a: …` / `  b: …` into `- a: …` / `- b: …` by turning
 * the two spaces before each further action key into "- ". Only offered when
 * the step is written as `- key:` with its keys one per line.
 */
function splitFix(text: string, step: Cursor, kinds: readonly string[]) {
  const first = step.entries()[0]?.[1];
  if (!first || text.slice(first.keySpan.start - 2, first.keySpan.start) !== '- ') return [];
  const column = first.keySpan.start - (text.lastIndexOf('\n', first.keySpan.start - 1) + 1);
  const edits = kinds.slice(1).flatMap((k) => {
    const start = step.get(k)!.keySpan.start;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (start - lineStart !== column || text.slice(lineStart, start).trim() !== '') return [];
    return [{ span: { start: start - 2, end: start }, newText: '- ' }];
  });
  return edits.length === kinds.length - 1 ? [{ title: 'Split into one step per action', edits }] : [];
}
