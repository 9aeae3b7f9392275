import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const rollout = (spec: string, steps: string, labels = '') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\n${labels}spec:\n${spec}  strategy:\n    canary:\n      steps:\n${steps}`;
const tier2 = '  labels:\n    tollgate.dev/tier: "2"\n';

test('TG-CAN-007 fires on an unbacked manual gate, on the pause key, warning at tier 2', () => {
  const yaml = rollout('', '      - setWeight: 5\n      - pause: {}\n', tier2);
  const [f] = findingsOf(yaml, 'TG-CAN-007');
  assert.equal(f?.severity, 'warning');
  assert.equal(spanText(yaml, f), 'pause');
  assert.match(f.message, /indefinite pause at spec\.strategy\.canary\.steps\[1\] is a manual gate/);
  assert.equal(findingsOf(rollout('', '      - setWeight: 5\n      - pause: {}\n'), 'TG-CAN-007')[0]?.severity, 'info');
});

test('TG-CAN-007 stays quiet for timed pauses and gates backed by analysis', () => {
  assert.deepEqual(findingsOf(rollout('', '      - setWeight: 5\n      - pause: {duration: 5m}\n'), 'TG-CAN-007'), []);
  assert.deepEqual(findingsOf(rollout('', '      - setWeight: 5\n      - analysis: {templates: [{templateName: t}]}\n      - pause: {}\n'), 'TG-CAN-007'), []);
  const bg = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary:\n      analysis: {templates: [{templateName: t}]}\n      steps:\n      - setWeight: 5\n      - pause: {}\n`;
  assert.deepEqual(findingsOf(bg, 'TG-CAN-007'), []);
});

test('TG-CAN-008 fires when pauses reach the deadline with progressDeadlineAbort, and raises it', () => {
  const yaml = rollout('  progressDeadlineSeconds: 600\n  progressDeadlineAbort: true\n', '      - setWeight: 5\n      - pause: {duration: 5m}\n      - setWeight: 50\n      - pause: {duration: 300}\n');
  const [f] = findingsOf(yaml, 'TG-CAN-008');
  assert.equal(spanText(yaml, f), '600');
  assert.match(f.message, /timed pauses total 10m \(600s\), at least progressDeadlineSeconds 600/);
  const fixed = applyFix(yaml, f);
  assert.match(fixed, /progressDeadlineSeconds: 1200/);
  assert.deepEqual(findingsOf(fixed, 'TG-CAN-008'), []);
  assert.deepEqual(findingsOf(yaml.replace('progressDeadlineAbort: true', 'progressDeadlineAbort: false'), 'TG-CAN-008'), []);
});

test('TG-CAN-008 fires on a pause longer than the policy window', () => {
  const yaml = rollout('', '      - setWeight: 5\n      - pause: {duration: 48h}\n');
  const [f] = findingsOf(yaml, 'TG-CAN-008');
  assert.equal(spanText(yaml, f), '48h');
  assert.match(f.message, /pause of 48h \(172800s\) .* maximum window of 24h/);
  assert.deepEqual(findingsOf(applyFix(yaml, f), 'TG-CAN-008'), []);
});

test('TG-CAN-009 fires on a canary without steps and inserts a starter list', () => {
  const block = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary:\n      maxSurge: 1\n';
  const [f] = findingsOf(block, 'TG-CAN-009');
  assert.equal(spanText(block, f), 'canary');
  assert.equal(f?.severity, 'warning');
  const fixed = applyFix(block, f);
  assert.match(fixed, / {6}steps:\n {6}- setWeight: 5\n {6}- pause: \{duration: 5m\}\n/);
  assert.deepEqual(findingsOf(fixed, 'TG-CAN-009'), []);
  assert.deepEqual(findingsOf(fixed, 'TG-CAN-004'), []);
  for (const v of ['canary: {}', 'canary: {steps: []}', 'canary:\n      steps:\n      maxSurge: 1']) {
    const y = block.replace('canary:\n      maxSurge: 1', v);
    const [g] = findingsOf(y, 'TG-CAN-009');
    assert.ok(g, v);
    assert.deepEqual(findingsOf(applyFix(y, g), 'TG-CAN-009'), [], v);
  }
  assert.deepEqual(findingsOf(rollout('', '      - setWeight: 5\n'), 'TG-CAN-009'), []);
});

test('TG-CAN-010 fires on setWeight 0 followed by unanalysed experiments', () => {
  const yaml = rollout('', '      - setWeight: 0\n      - experiment:\n          duration: 10m\n          templates: [{name: c, specRef: canary}]\n      - setWeight: 5\n');
  const [f] = findingsOf(yaml, 'TG-CAN-010');
  assert.equal(spanText(yaml, f), '0');
  const analysed = yaml.replace('templates: [{name: c, specRef: canary}]', 'templates: [{name: c, specRef: canary}]\n          analyses: [{name: a, templateName: t}]');
  assert.deepEqual(findingsOf(analysed, 'TG-CAN-010'), []);
});

test('canary rules never throw on odd shapes', () => {
  const odd = ['steps: 5', 'steps: [null, 3, "x", {setWeight: "ten"}, {pause: 5}, {pause: {duration: [1]}}]', 'steps: {a: 1}', 'trafficRouting: null\n      steps: [{setWeight: 101}]'];
  for (const o of odd) {
    const yaml = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  replicas: [1]\n  strategy:\n    canary:\n      ${o}\n`;
    for (const id of ['TG-CAN-001', 'TG-CAN-002', 'TG-CAN-003', 'TG-CAN-004', 'TG-CAN-005', 'TG-CAN-006', 'TG-CAN-007', 'TG-CAN-008', 'TG-CAN-009', 'TG-CAN-010']) {
      assert.ok(findingsOf(yaml, id).every((f) => !f.message.startsWith('internal error')), `${id} on ${o}`);
    }
  }
});
