import type { Cursor } from '../../../yaml/cursor';
import { replaceSpan, yamlScalar } from '../../../yaml/edits';
import type { Fix } from '../../../findings';
import { argoRule, canaryOf, present, stepsOf, VALIDATION_GO } from './common';
import { pauseSeconds, suggestGoDuration } from './go-duration';

const MESSAGE = 'Duration needs to be greater than 0';

/** Argo C14: a pause duration must be a non-negative int or Go duration. */
export const pauseDurationRule = argoRule({
  id: 'TG-ARGO-C14',
  title: 'Pause duration valid',
  description: 'Fires when a canary `pause.duration` is negative or is a string Go cannot read: an int32 of seconds or a Go duration (units ns, us, ms, s, m, h — no `d`). Argo turns such a value into -1 and reports "greater than 0", although 0 is accepted.',
  example: 'steps:\n  - pause: {duration: 1d}',
  fix: 'Write the duration in seconds or with Go units, e.g. `24h` instead of `1d`.',
  source: `${VALIDATION_GO} (ValidateRolloutStrategyCanary; types.go RolloutPause.DurationSeconds)`,
  check(ctx) {
    const canary = canaryOf(ctx);
    for (const step of canary ? stepsOf(canary) : []) {
      const d = present(present(step, 'pause'), 'duration');
      const problem = d && durationProblem(d);
      if (d && problem) ctx.report({ at: d, message: `${d.pathText}: Invalid value: ${problem.shown}: ${MESSAGE}${problem.why}`, fixes: problem.fixes });
    }
  },
});

interface Problem {
  readonly shown: string;
  readonly why: string;
  readonly fixes: Fix[];
}

function durationProblem(d: Cursor): Problem | undefined {
  const n = d.num();
  if (n !== undefined) {
    if (!Number.isInteger(n)) return { shown: String(n), why: ' (an integer number of seconds or a duration string is expected)', fixes: [] };
    return n < 0 ? { shown: String(n), why: '', fixes: [] } : undefined;
  }
  const s = d.str();
  if (s === undefined) return d.isMap || d.isSeq ? { shown: d.isMap ? 'map' : 'list', why: ' (an integer number of seconds or a duration string is expected)', fixes: [] } : undefined;
  const r = pauseSeconds(s);
  if (r.seconds >= 0 && !r.overflow) return undefined;
  const why = r.error ? ` (${r.error}; Go durations use ns, us, ms, s, m, h)` : r.overflow ? ' (more seconds than an int32 holds)' : '';
  const suggestion = r.error ? suggestGoDuration(s) : undefined;
  const fixes = suggestion ? [{ title: `Rewrite as ${suggestion}`, edits: [replaceSpan(d.span, yamlScalar(suggestion))], preferred: true }] : [];
  return { shown: JSON.stringify(s), why, fixes };
}
