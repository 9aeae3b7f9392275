import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, editDistance } from '../../../../server/src/core/text/closest';
import { findingsOf, spanText } from '../../../helpers/manifest-check';
import { fires, fixClears, quiet, rollout } from './argo-yaml';

test('TG-ARGO-STRICT reports every unknown field at once with a did-you-mean and a rename fix', () => {
  const yaml = rollout({
    spec: 'replica: 3',
    strategy: 'canary:\n  stableServce: web\n  trafficRouting:\n    nginx: {stableIngres: web}\n  steps:\n    - setweight: 20\n    - pause: {durration: 10}',
  });
  const fs = findingsOf(yaml, 'TG-ARGO-STRICT');
  assert.deepEqual(fs.map((f) => spanText(yaml, f)), ['replica', 'stableServce', 'stableIngres', 'setweight', 'durration']);
  assert.match(fs[3].message, /^spec\.strategy\.canary\.steps\[0\]\.setweight: unknown field "setweight"; did you mean 'setWeight'\?$/);
  assert.match(fs[0].message, /did you mean 'replicas'/);
  const fixed = fixClears(rollout({ strategy: 'canary:\n  steps:\n    - setweight: 20' }), 'TG-ARGO-STRICT');
  assert.match(fixed, /- setWeight: 20/);
});

test('TG-ARGO-STRICT lists the known fields when nothing is close, and skips free-form maps', () => {
  fires(rollout({ strategy: 'unknown-strategy: {}\ncanary: {}' }), 'TG-ARGO-STRICT', { span: 'unknown-strategy', message: /known fields: blueGreen, canary$/ });
  const free = rollout({ strategy: 'canary:\n  canaryMetadata:\n    labels: {anything: goes}\n  trafficRouting:\n    plugins:\n      my/plugin: {whatever: 1}\n    nginx:\n      stableIngress: web\n      additionalIngressAnnotations: {x: y}' });
  quiet(free, 'TG-ARGO-STRICT');
  quiet(rollout({ podPart: 'selector: {matchLabels: {app: web}}\ntemplate:\n  metadata: {labels: {app: web}}\n  spec:\n    containers: [{name: a, image: b, whatever: 1}]' }), 'TG-ARGO-STRICT');
});

test('TG-ARGO-LEGACY rewrites analysis.templateName to templates: [{templateName}]', () => {
  const yaml = rollout({ strategy: 'canary:\n  analysis:\n    templateName: success-rate\n  steps:\n    - setWeight: 20' });
  fires(yaml, 'TG-ARGO-LEGACY', { span: 'templateName', message: /analysis\.templateName: unknown field "templateName" \(pre-1\.0 shape\)/ });
  quiet(yaml, 'TG-ARGO-STRICT'); // reported once, by LEGACY
  const fixed = fixClears(yaml, 'TG-ARGO-LEGACY');
  assert.match(fixed, /analysis:\n {8}templates:\n {10}- templateName: success-rate\n/);
  const step = rollout({ strategy: 'canary:\n  steps:\n    - analysis: {templateName: smoke}' });
  assert.match(fixClears(step, 'TG-ARGO-LEGACY'), /- analysis: \{templates: \[\{templateName: smoke\}\]\}/);
  const bg = rollout({ strategy: 'blueGreen:\n  activeService: web\n  prePromotionAnalysis:\n    templateName: smoke' });
  fires(bg, 'TG-ARGO-LEGACY', { span: 'templateName' });
  quiet(rollout({ strategy: 'canary:\n  analysis:\n    templates: [{templateName: smoke}]' }), 'TG-ARGO-LEGACY');
});

test('editDistance counts adjacent swaps as one edit; closest ignores case', () => {
  assert.equal(closest('setweight', ['setWeight', 'pause']), 'setWeight');
  assert.equal(editDistance('stableServce', 'stableService'), 1);
  assert.equal(editDistance('pasue', 'pause'), 1);
  assert.equal(editDistance('', 'abc'), 3);
});
