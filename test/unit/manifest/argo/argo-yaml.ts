/**
 * Builders and assertions for the TG-ARGO tests: a valid Rollout with a
 * replaceable strategy / spec fields, and "fires here" / "stays quiet" checks.
 */
import assert from 'node:assert/strict';
import type { Finding } from '../../../../server/src/core/findings';
import { applyFix, check, findingsOf, spanText } from '../../../helpers/manifest-check';

/** Indent every line of `text` by `n` spaces. */
function indent(text: string, n: number): string {
  return text.split('\n').map((l) => (l === '' ? l : ' '.repeat(n) + l)).join('\n');
}

export interface RolloutParts {
  /** YAML under `spec.strategy:` (default a plain canary). */
  readonly strategy?: string;
  /** Extra `spec` entries (YAML at spec level). */
  readonly spec?: string;
  /** Replace the selector + template block entirely. */
  readonly podPart?: string;
  readonly name?: string;
}

const POD_PART = `selector:
  matchLabels:
    app: web
template:
  metadata:
    labels:
      app: web
  spec:
    containers:
      - name: web
        image: nginx:1.25`;

/** A Rollout that passes every TG-ARGO rule unless the parts break it. */
export function rollout(parts: RolloutParts = {}): string {
  const strategy = parts.strategy ?? 'canary:\n  steps:\n    - setWeight: 20\n    - pause: {duration: 60}';
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Rollout',
    'metadata:',
    `  name: ${parts.name ?? 'web'}`,
    'spec:',
    ...(parts.spec ? [indent(parts.spec, 2)] : []),
    indent(parts.podPart ?? POD_PART, 2),
    '  strategy:',
    indent(strategy, 4),
    '',
  ].join('\n');
}

/** Assert `id` fires exactly `count` times (default 1); returns the findings. */
export function fires(yaml: string, id: string, expect: { span?: string; message?: RegExp; count?: number } = {}): Finding[] {
  const fs = findingsOf(yaml, id);
  assert.equal(fs.length, expect.count ?? 1, `${id}: ${JSON.stringify(fs.map((f) => f.message))}`);
  const f = fs[0];
  assert.equal(f.severity, 'error');
  if (expect.span !== undefined) assert.equal(spanText(yaml, f), expect.span);
  if (expect.message) assert.match(f.message, expect.message);
  return fs;
}

/** Assert `id` does not fire. */
export function quiet(yaml: string, id: string): void {
  assert.deepEqual(findingsOf(yaml, id).map((f) => f.message), []);
}

/** Apply the first fix of the (first) finding of `id`; assert the result re-checks clean for `id`. */
export function fixClears(yaml: string, id: string, index = 0): string {
  const [f] = findingsOf(yaml, id);
  assert.ok(f, `${id} should fire`);
  const fixed = applyFix(yaml, f, index);
  quiet(fixed, id);
  assert.ok(!check(fixed).some((x) => x.ruleId === 'TG-DOC-001'), `fix keeps YAML valid:\n${fixed}`);
  return fixed;
}

/** Every TG-ARGO finding of a text (to assert a valid Rollout is clean). */
export function argoFindings(yaml: string): string[] {
  return check(yaml).filter((f) => f.ruleId.startsWith('TG-ARGO')).map((f) => `${f.ruleId} ${f.message}`);
}
