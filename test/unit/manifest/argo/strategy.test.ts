import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, spanText } from '../../../helpers/manifest-check';

const head = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\n';

test('TG-ARGO-A9 fires when no strategy is set, on the strategy key', () => {
  const yaml = `${head}spec:\n  strategy: {}\n`;
  const [f, ...rest] = findingsOf(yaml, 'TG-ARGO-A9');
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /missing field '\.spec\.strategy\.canary or \.spec\.strategy\.blueGreen'/);
  assert.equal(spanText(yaml, f!), 'strategy');
});

test('TG-ARGO-A9 fires when both strategies are set', () => {
  const yaml = `${head}spec:\n  strategy:\n    canary: {}\n    blueGreen: {activeService: a}\n`;
  const [f] = findingsOf(yaml, 'TG-ARGO-A9');
  assert.match(f?.message ?? '', /Multiple Strategies can not be listed/);
  assert.equal(spanText(yaml, f!), 'blueGreen');
});

test('TG-ARGO-A9 stays quiet for one strategy and for non-Argo Rollouts', () => {
  assert.deepEqual(findingsOf(`${head}spec:\n  strategy:\n    canary: {}\n`, 'TG-ARGO-A9'), []);
  assert.deepEqual(findingsOf('apiVersion: rollouts.kruise.io/v1beta1\nkind: Rollout\nspec:\n  strategy: {}\n', 'TG-ARGO-A9'), []);
});
