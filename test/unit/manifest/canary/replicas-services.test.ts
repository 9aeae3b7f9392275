import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, spanText } from '../../../helpers/manifest-check';

const rollout = (replicas: string, canary: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n${replicas}  strategy:\n    canary:\n${canary}`;

test('TG-CAN-005 shows the real split without trafficRouting', () => {
  const yaml = rollout('  replicas: 3\n', '      steps:\n      - setWeight: 5\n      - pause: {}\n      - setWeight: 50\n');
  const [f, ...rest] = findingsOf(yaml, 'TG-CAN-005');
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'warning');
  assert.equal(spanText(yaml, f), '5');
  assert.match(f.message, /setWeight 5 with 3 replicas runs 1 canary pod beside 3 stable = 25% of pods, not 5%/);
});

test('TG-CAN-005 notes the default replica count and stays quiet with trafficRouting or reachable weights', () => {
  const [f] = findingsOf(rollout('', '      steps:\n      - setWeight: 20\n'), 'TG-CAN-005');
  assert.match(f.message, /1 replica \(replicas defaults to 1\) runs 1 canary pod beside 1 stable = 50%/);
  assert.deepEqual(findingsOf(rollout('  replicas: 10\n', '      steps:\n      - setWeight: 41\n'), 'TG-CAN-005'), []);
  assert.deepEqual(findingsOf(rollout('  replicas: 3\n', '      trafficRouting: {nginx: {stableIngress: web}}\n      canaryService: a\n      stableService: b\n      steps:\n      - setWeight: 5\n'), 'TG-CAN-005'), []);
  assert.deepEqual(findingsOf(rollout('  replicas: "{{ .Values.n }}x"\n', '      steps:\n      - setWeight: 5\n'), 'TG-CAN-005'), []);
});

test('TG-CAN-006 fires on Services without trafficRouting, on the key', () => {
  const yaml = rollout('  replicas: 10\n', '      canaryService: web-canary\n      stableService: web-stable\n      steps:\n      - setWeight: 10\n');
  const [f] = findingsOf(yaml, 'TG-CAN-006');
  assert.equal(spanText(yaml, f), 'canaryService');
  assert.match(f.message, /canaryService 'web-canary' and stableService 'web-stable' set without spec\.strategy\.canary\.trafficRouting/);
  assert.deepEqual(findingsOf(rollout('  replicas: 10\n', '      steps:\n      - setWeight: 10\n'), 'TG-CAN-006'), []);
});
