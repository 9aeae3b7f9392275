import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argoFindings, fires, fixClears, quiet, rollout } from './argo-yaml';

test('the base Rollout is clean for every TG-ARGO rule', () => {
  assert.deepEqual(argoFindings(rollout()), []);
});

test('TG-ARGO-A1 fires on a negative replicas value only', () => {
  fires(rollout({ spec: 'replicas: -2' }), 'TG-ARGO-A1', { span: '-2', message: /^spec\.replicas: Invalid value: -2: must be greater than or equal to 0$/ });
  quiet(rollout({ spec: 'replicas: 0' }), 'TG-ARGO-A1');
  quiet(rollout({ spec: 'replicas: "3"' }), 'TG-ARGO-A1');
});

test('TG-ARGO-A2 fires without selector and workloadRef, also for a null selector and a missing spec', () => {
  const pod = 'template:\n  metadata:\n    labels: {app: web}\n  spec:\n    containers: [{name: web, image: nginx}]';
  fires(rollout({ podPart: pod }), 'TG-ARGO-A2', { span: 'spec', message: /Rollout has missing field '\.spec\.selector'/ });
  fires(rollout({ podPart: `selector:\n${pod}` }), 'TG-ARGO-A2', { span: 'selector' });
  const noSpec = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: x}\n';
  fires(noSpec, 'TG-ARGO-A2', { span: 'Rollout' });
  quiet(rollout(), 'TG-ARGO-A2');
  quiet(rollout({ podPart: 'workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}' }), 'TG-ARGO-A2');
});

test('TG-ARGO-A3 fires for an empty selector unless workloadRef is used', () => {
  fires(rollout({ podPart: 'selector: {}\ntemplate:\n  spec:\n    containers: [{name: a, image: b}]' }), 'TG-ARGO-A3', { span: 'selector', message: /empty selector is invalid for deployment/ });
  quiet(rollout({ podPart: 'selector: {}\nworkloadRef: {kind: Deployment, name: web}' }), 'TG-ARGO-A3');
  quiet(rollout(), 'TG-ARGO-A3');
});

test('TG-ARGO-A4 fires for each unparsable selector part', () => {
  const sel = (s: string) => rollout({ podPart: `selector:\n${s}\ntemplate:\n  metadata:\n    labels: {app: web}\n  spec:\n    containers: [{name: a, image: b}]` });
  fires(sel('  matchExpressions:\n    - {key: app, operator: Equals, values: [web]}'), 'TG-ARGO-A4', { span: 'Equals', message: /invalid label selector .*"Equals" is not a valid label selector operator/ });
  fires(sel('  matchExpressions:\n    - {key: app, operator: In, values: []}'), 'TG-ARGO-A4', { span: 'In', message: /values set can't be empty/ });
  fires(sel('  matchExpressions:\n    - {key: app, operator: Exists, values: [x]}'), 'TG-ARGO-A4', { span: '[x]' });
  fires(sel('  matchLabels:\n    "bad key!": web'), 'TG-ARGO-A4', { span: 'web', message: /not a valid label key/ });
  fires(sel('  matchLabels:\n    app: "-web"'), 'TG-ARGO-A4', { span: '"-web"', message: /not a valid label value/ });
  quiet(sel('  matchLabels:\n    example.com/app: web\n  matchExpressions:\n    - {key: tier, operator: NotIn, values: [db]}'), 'TG-ARGO-A4');
});

test('TG-ARGO-A5 fires on a labelled template beside workloadRef; both fixes clear it', () => {
  const yaml = rollout({ podPart: 'workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}\ntemplate:\n  metadata:\n    labels:\n      app: web' });
  fires(yaml, 'TG-ARGO-A5', { span: 'template', message: /^spec\.template: Internal error: template must be empty for workload reference rollout$/ });
  const fixed = fixClears(yaml, 'TG-ARGO-A5');
  assert.ok(!fixed.includes('template:'));
  assert.ok(!fixClears(yaml, 'TG-ARGO-A5', 1).includes('workloadRef'));
  // Argo's emptiness test only looks at template labels/annotations.
  quiet(rollout({ podPart: 'workloadRef: {kind: Deployment, name: web}\ntemplate:\n  spec:\n    containers: []' }), 'TG-ARGO-A5');
});

test('TG-ARGO-A6 fires when the selector does not select the template labels', () => {
  const yaml = rollout({ podPart: 'selector:\n  matchLabels: {app: web}\ntemplate:\n  metadata:\n    labels: {app: api, tier: fe}\n  spec:\n    containers: [{name: a, image: b}]' });
  fires(yaml, 'TG-ARGO-A6', { span: 'labels', message: /map\[app:api tier:fe\]: `selector` does not match template `labels`/ });
  const expr = rollout({ podPart: 'selector:\n  matchExpressions: [{key: app, operator: In, values: [web, api]}]\ntemplate:\n  metadata:\n    labels: {app: api}\n  spec:\n    containers: [{name: a, image: b}]' });
  quiet(expr, 'TG-ARGO-A6');
});

test('TG-ARGO-A6 fires for missing containers, names, images, duplicates and restartPolicy', () => {
  const pod = (spec: string) => rollout({ podPart: `selector:\n  matchLabels: {app: web}\ntemplate:\n  metadata:\n    labels: {app: web}\n  spec:\n${spec}` });
  fires(pod('    containers: []'), 'TG-ARGO-A6', { span: 'containers', message: /containers: Required value/ });
  fires(pod('    containers:\n      - image: nginx'), 'TG-ARGO-A6', { span: 'image', message: /containers\[0\]\.name: Required value/ });
  fires(pod('    containers:\n      - name: a'), 'TG-ARGO-A6', { span: 'name', message: /containers\[0\]\.image: Required value/ });
  fires(pod('    containers:\n      - {name: a, image: x}\n      - {name: a, image: y}'), 'TG-ARGO-A6', { message: /containers\[1\]\.name: Duplicate value: "a"/ });
  fires(pod('    restartPolicy: Never\n    containers: [{name: a, image: b}]'), 'TG-ARGO-A6', { span: 'Never', message: /Unsupported value: "Never": supported values: "Always"/ });
  quiet(rollout({ podPart: 'workloadRef: {kind: Deployment, name: web}' }), 'TG-ARGO-A6');
});

test('TG-ARGO-A7 fires per negative counter', () => {
  const fs = fires(rollout({ spec: 'minReadySeconds: -1\nrevisionHistoryLimit: -3' }), 'TG-ARGO-A7', { count: 2, span: '-1' });
  assert.match(fs[1].message, /^spec\.revisionHistoryLimit: Invalid value: -3: must be greater than or equal to 0$/);
  quiet(rollout({ spec: 'minReadySeconds: 0\nrevisionHistoryLimit: 0' }), 'TG-ARGO-A7');
});

test('TG-ARGO-A8 compares with the default deadline of 600', () => {
  fires(rollout({ spec: 'minReadySeconds: 600' }), 'TG-ARGO-A8', { span: '600', message: /progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds \(default 600/ });
  fires(rollout({ spec: 'minReadySeconds: 30\nprogressDeadlineSeconds: 30' }), 'TG-ARGO-A8', { span: '30', message: /^spec\.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds$/ });
  quiet(rollout({ spec: 'minReadySeconds: 599' }), 'TG-ARGO-A8');
});
