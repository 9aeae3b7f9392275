import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const rollout = (bg: string, labels = '', replicas = '  replicas: 4\n') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\n${labels}spec:\n${replicas}  strategy:\n    blueGreen:\n${bg}`;
const tier2 = '  labels:\n    tollgate.dev/tier: "2"\n';
const full = '      activeService: web\n      previewService: web-preview\n      prePromotionAnalysis: {templates: [{templateName: t}]}\n      postPromotionAnalysis: {templates: [{templateName: t}]}\n';

test('blue-green rules stay quiet on a complete tier-2 strategy', () => {
  for (const id of ['TG-BG-001', 'TG-BG-002', 'TG-BG-003', 'TG-BG-004', 'TG-BG-005', 'TG-BG-006']) assert.deepEqual(findingsOf(rollout(full, tier2), id), [], id);
});

test('TG-BG-001 fires without previewService and adds <active>-preview', () => {
  const yaml = rollout('      activeService: web\n      autoPromotionEnabled: false\n');
  const [f] = findingsOf(yaml, 'TG-BG-001');
  assert.equal(f?.severity, 'warning');
  assert.equal(spanText(yaml, f), 'blueGreen');
  assert.match(f.message, /no previewService \(activeService 'web'\)/);
  const fixed = applyFix(yaml, f);
  assert.match(fixed, / {6}activeService: web\n {6}previewService: "web-preview"\n/);
  assert.deepEqual(findingsOf(fixed, 'TG-BG-001'), []);
});

test('TG-BG-002 fires on auto-promotion without prePromotionAnalysis; both fixes clear it', () => {
  const yaml = rollout('      activeService: web\n      previewService: p\n');
  const [f] = findingsOf(yaml, 'TG-BG-002');
  assert.equal(spanText(yaml, f), 'blueGreen');
  assert.match(f.message, /autoPromotionEnabled defaults to true/);
  assert.equal(f.fixes?.length, 2);
  assert.deepEqual(findingsOf(applyFix(yaml, f, 0), 'TG-BG-002'), []);
  assert.deepEqual(findingsOf(applyFix(yaml, f, 1), 'TG-BG-002'), []);
  const explicit = rollout('      activeService: web\n      autoPromotionEnabled: true\n');
  assert.equal(spanText(explicit, findingsOf(explicit, 'TG-BG-002')[0]), 'autoPromotionEnabled');
});

test('TG-BG-003 fires on autoPromotionSeconds with auto-promotion off', () => {
  const yaml = rollout('      activeService: web\n      autoPromotionEnabled: false\n      autoPromotionSeconds: 300\n');
  const [f] = findingsOf(yaml, 'TG-BG-003');
  assert.equal(spanText(yaml, f), 'autoPromotionSeconds');
  assert.match(f.message, /autoPromotionSeconds 300 is ignored because autoPromotionEnabled is false/);
  assert.deepEqual(findingsOf(applyFix(yaml, f, 0), 'TG-BG-003'), []);
  assert.deepEqual(findingsOf(applyFix(yaml, f, 1), 'TG-BG-003'), []);
  assert.deepEqual(findingsOf(rollout('      activeService: web\n      autoPromotionSeconds: 300\n'), 'TG-BG-003'), []);
});

test('TG-BG-004 fires on a short scale-down delay and sets 30', () => {
  const yaml = rollout('      activeService: web\n      scaleDownDelaySeconds: 5\n');
  const [f] = findingsOf(yaml, 'TG-BG-004');
  assert.equal(spanText(yaml, f), '5');
  assert.deepEqual(findingsOf(applyFix(yaml, f), 'TG-BG-004'), []);
  assert.deepEqual(findingsOf(rollout('      activeService: web\n      scaleDownDelaySeconds: 30\n'), 'TG-BG-004'), []);
});

test('TG-BG-005 and TG-BG-006 fire for tier 2', () => {
  const yaml = rollout('      activeService: web\n      previewService: p\n      previewReplicaCount: 1\n', tier2);
  const [f] = findingsOf(yaml, 'TG-BG-005');
  assert.equal(f?.severity, 'warning');
  const [g] = findingsOf(yaml, 'TG-BG-006');
  assert.equal(g?.severity, 'info');
  assert.equal(spanText(yaml, g), '1');
  assert.match(g.message, /previewReplicaCount 1 is below replicas 4/);
  assert.deepEqual(findingsOf(rollout('      activeService: web\n      previewReplicaCount: 1\n'), 'TG-BG-006'), []);
});

test('blue-green rules never throw on odd shapes', () => {
  for (const bg of ['      null_: 1\n', '      activeService: [1]\n      autoPromotionEnabled: "no"\n      scaleDownDelaySeconds: x\n']) {
    const fs = findingsOf(rollout(bg, tier2, '  replicas: x\n'), 'TG-BG-001').concat(['TG-BG-002', 'TG-BG-003', 'TG-BG-004', 'TG-BG-005', 'TG-BG-006'].flatMap((id) => findingsOf(rollout(bg, tier2), id)));
    assert.ok(fs.every((f) => !f.message.startsWith('internal error')));
  }
  const flow = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    blueGreen: {activeService: web}\n';
  for (const id of ['TG-BG-001', 'TG-BG-002']) {
    const [f] = findingsOf(flow, id);
    assert.deepEqual(findingsOf(applyFix(flow, f), id), [], id);
  }
});
