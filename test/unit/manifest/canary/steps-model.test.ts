import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSeconds, parseGoDuration } from '../../../../server/src/core/manifest/rules/canary/duration';
import { basicCanarySplit, resolveMaxSurge } from '../../../../server/src/core/manifest/rules/canary/replica-split';
import { canaryModel } from '../../../../server/src/core/manifest/rules/canary/steps';
import { manifestDocs } from '../../../../server/src/core/manifest/check-manifest';

test('parseGoDuration follows Go time.ParseDuration', () => {
  assert.equal(parseGoDuration('90s'), 90);
  assert.equal(parseGoDuration('1h30m'), 5400);
  assert.equal(parseGoDuration('1.5h'), 5400);
  assert.equal(parseGoDuration('500ms'), 0.5);
  assert.equal(parseGoDuration('-2m'), -120);
  assert.equal(parseGoDuration('0'), 0);
  for (const bad of ['1d', 'ten', '5', '', 'm', '.s', '1h 30m']) assert.equal(parseGoDuration(bad), undefined, bad);
  assert.equal(formatSeconds(5400), '1h30m');
  assert.equal(formatSeconds(86_400), '24h');
});

test('canaryModel parses steps once per document: kinds, weights, pause lengths', () => {
  const yaml = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n      - setWeight: 5\n      - pause: {duration: 30}\n      - pause: {duration: "2m"}\n      - pause: {}\n      - pause: {duration: 1d}\n      - {setWeight: 1, pause: {}}\n      - experiment: {analyses: [{name: a, templateName: t}]}\n      - 42\n';
  const [doc] = manifestDocs('t.yaml', yaml);
  const m = canaryModel(doc);
  assert.equal(m, canaryModel(doc));
  assert.deepEqual(m?.steps.map((s) => s.kind), ['setWeight', 'pause', 'pause', 'pause', 'pause', undefined, 'experiment', undefined]);
  assert.deepEqual(m?.steps.map((s) => s.pause), [undefined, { kind: 'timed', seconds: 30 }, { kind: 'timed', seconds: 120 }, { kind: 'indefinite' }, { kind: 'invalid' }, undefined, undefined, undefined]);
  assert.equal(m?.steps[6]?.verifies, true);
  assert.equal(canaryModel(manifestDocs('t.yaml', 'apiVersion: rollouts.kruise.io/v1beta1\nkind: Rollout\nspec: {strategy: {canary: {}}}\n')[0]), undefined);
});

test("basicCanarySplit reproduces Argo's replica arithmetic", () => {
  // Examples from argo-rollouts canary.go comments / #2281.
  assert.deepEqual(basicCanarySplit(10, 41, 3), { canary: 4, stable: 6 });
  assert.deepEqual(basicCanarySplit(3, 5, 1), { canary: 1, stable: 3 });
  assert.deepEqual(basicCanarySplit(3, 50, 1), { canary: 2, stable: 2 });
  assert.deepEqual(basicCanarySplit(1, 20, 0), { canary: 0, stable: 1 });
  assert.deepEqual(basicCanarySplit(2, 20, 1), { canary: 1, stable: 2 });
  assert.equal(resolveMaxSurge(undefined, 3), 1);
});
