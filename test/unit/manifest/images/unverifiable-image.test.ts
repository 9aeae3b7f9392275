import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, spanText } from '../../../helpers/manifest-check';

const rollout = (spec: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\n  namespace: shop\nspec:\n${spec}`;
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-base\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n';

test('TG-IMG-007 fires on templated images (envsubst and Argo args), on the value', () => {
  const yaml = rollout('  template:\n    spec:\n      containers:\n        - name: web\n          image: "${IMAGE}"\n        - name: side\n          image: "{{args.image}}"\n');
  const fs = findingsOf(yaml, 'TG-IMG-007');
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['"${IMAGE}"', '"{{args.image}}"']);
  assert.match(fs[0]?.message ?? '', /is templated: cannot verify pinning/);
  assert.equal(fs[0]?.severity, 'warning');
  // Templated images are not judged by the other image rules.
  assert.deepEqual(findingsOf(yaml, 'TG-IMG-004'), []);
  assert.deepEqual(findingsOf(yaml, 'TG-IMG-002'), []);
});

test('TG-IMG-007 reports a workloadRef whose Deployment is not in the workspace', () => {
  const yaml = rollout('  workloadRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web-base\n');
  const [f] = findingsOf(yaml, 'TG-IMG-007');
  assert.equal(spanText(yaml, f), 'web-base');
  assert.match(f?.message ?? '', /spec\.workloadRef names Deployment 'web-base', which is not in the workspace: cannot verify pinning/);
});

test('TG-IMG-007 follows a workloadRef into the workspace: the Deployment is checked as itself', () => {
  const yaml = `${rollout('  workloadRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web-base\n')}---\n${deployment}`;
  assert.deepEqual(findingsOf(yaml, 'TG-IMG-007'), []);
  const latest = findingsOf(yaml, 'TG-IMG-001');
  assert.equal(latest.length, 1);
  assert.match(latest[0]?.message ?? '', /spec\.template\.spec\.containers\[0\]\.image/);
});

test('TG-IMG-007 stays quiet for plain images and names a workloadRef without name', () => {
  assert.deepEqual(findingsOf(rollout('  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.25\n'), 'TG-IMG-007'), []);
  const yaml = rollout('  workloadRef:\n    kind: Deployment\n');
  const [f] = findingsOf(yaml, 'TG-IMG-007');
  assert.equal(spanText(yaml, f), 'workloadRef');
  assert.match(f?.message ?? '', /names no workload/);
});
