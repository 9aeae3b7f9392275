import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const rollout = (steps: string, extra = '') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  replicas: 10\n${extra}  strategy:\n    canary:\n      steps:\n${steps}`;

test('TG-CAN-001 fires on a decreasing weight, on the value, and the fix raises it', () => {
  const yaml = rollout('      - setWeight: 5\n      - pause: {duration: 5m}\n      - setWeight: 50\n      - pause: {}\n      - setWeight: 25\n      - pause: {}\n');
  const [f, ...rest] = findingsOf(yaml, 'TG-CAN-001');
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'error');
  assert.equal(spanText(yaml, f), '25');
  assert.match(f.message, /setWeight 25 at spec\.strategy\.canary\.steps\[4\]\.setWeight is lower than setWeight 50 at steps\[2\]/);
  assert.deepEqual(findingsOf(applyFix(yaml, f), 'TG-CAN-001'), []);
});

test('TG-CAN-001 stays quiet for equal and increasing weights', () => {
  assert.deepEqual(findingsOf(rollout('      - setWeight: 5\n      - pause: {}\n      - setWeight: 5\n      - setWeight: 100\n'), 'TG-CAN-001'), []);
});

test('TG-CAN-002 fires on a last weight below 100 and appends setWeight 100', () => {
  const yaml = rollout('      - setWeight: 5\n      - pause: {duration: 1h}\n');
  const [f] = findingsOf(yaml, 'TG-CAN-002');
  assert.equal(f?.severity, 'info');
  assert.equal(spanText(yaml, f), '5');
  const fixed = applyFix(yaml, f);
  assert.match(fixed, / {6}- pause: \{duration: 1h\}\n {6}- setWeight: 100\n/);
  assert.deepEqual(findingsOf(fixed, 'TG-CAN-002'), []);
  assert.deepEqual(findingsOf(rollout('      - setWeight: 5\n      - pause: {}\n      - setWeight: 100\n'), 'TG-CAN-002'), []);
});

test('TG-CAN-003 fires on a first weight above the tier limit and lowers it', () => {
  const yaml = rollout('      - setWeight: 0\n      - setWeight: 20\n      - pause: {}\n');
  const [f] = findingsOf(yaml, 'TG-CAN-003');
  assert.equal(f?.severity, 'warning');
  assert.equal(spanText(yaml, f), '20');
  assert.match(f.message, /first setWeight 20% .*steps\[1\]\.setWeight.* tier-1 blast-radius limit of 5%/);
  assert.deepEqual(findingsOf(applyFix(yaml, f), 'TG-CAN-003'), []);
});

test('TG-CAN-003 uses the tier limit (tier 0: 25) and stays quiet within it', () => {
  const tier0 = (w: number) => rollout(`      - setWeight: ${w}\n`).replace('  name: web\n', '  name: web\n  labels:\n    tollgate.dev/tier: "0"\n');
  assert.deepEqual(findingsOf(tier0(25), 'TG-CAN-003'), []);
  assert.deepEqual(findingsOf(rollout('      - setWeight: 5\n'), 'TG-CAN-003'), []);
});

test('TG-CAN-004 fires on an increase without a window and inserts a pause before the second step', () => {
  const yaml = rollout('      - setWeight: 5\n      - setWeight: 50\n      - pause: {duration: 10m}\n');
  const [f, ...rest] = findingsOf(yaml, 'TG-CAN-004');
  assert.equal(rest.length, 0);
  assert.equal(spanText(yaml, f), '50');
  assert.match(f.message, /setWeight 50 at .*steps\[1\]\.setWeight follows setWeight 5 \(steps\[0\]\) with no pause or analysis/);
  const fixed = applyFix(yaml, f);
  assert.match(fixed, / {6}- setWeight: 5\n {6}- pause: \{duration: 5m\}\n {6}- setWeight: 50\n/);
  assert.deepEqual(findingsOf(fixed, 'TG-CAN-004'), []);
});

test('TG-CAN-004 counts the implicit promotion, and fixes flow-style step lists', () => {
  const yaml = rollout('      - setWeight: 5\n      - pause: {}\n      - setWeight: 50\n');
  const [f] = findingsOf(yaml, 'TG-CAN-004');
  assert.match(f.message, /implicit promotion to 100%/);
  assert.deepEqual(findingsOf(applyFix(yaml, f), 'TG-CAN-004'), []);
  const flow = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: w}\nspec:\n  strategy:\n    canary:\n      steps: [{setWeight: 5}, {setWeight: 10}, {pause: {}}]\n`;
  const [g] = findingsOf(flow, 'TG-CAN-004');
  const fixed = applyFix(flow, g);
  assert.match(fixed, /\[\{setWeight: 5\}, \{pause: \{duration: 5m\}\}, \{setWeight: 10\}/);
  assert.deepEqual(findingsOf(fixed, 'TG-CAN-004'), []);
});

test('TG-CAN-004 accepts analysis and experiment steps, ignores 0 s pauses, and is off when verification is not required', () => {
  assert.deepEqual(findingsOf(rollout('      - setWeight: 5\n      - analysis: {templates: [{templateName: a}]}\n      - setWeight: 100\n'), 'TG-CAN-004'), []);
  assert.equal(findingsOf(rollout('      - setWeight: 5\n      - pause: {duration: 0}\n      - setWeight: 100\n'), 'TG-CAN-004').length, 1);
  const tier0 = rollout('      - setWeight: 5\n      - setWeight: 50\n').replace('  name: web\n', '  name: web\n  labels:\n    tollgate.dev/tier: "0"\n');
  assert.deepEqual(findingsOf(tier0, 'TG-CAN-004'), []);
});
