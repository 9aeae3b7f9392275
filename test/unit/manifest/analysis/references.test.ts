import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, findingsOf, policyWith, spanText } from '../../../helpers/manifest-check';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/policy/default-policy';
import { manifestDocs } from '../../../../server/src/core/manifest/check-manifest';
import { WorkspaceIndex } from '../../../../server/src/core/manifest/workspace-index';

const template = (name: string, args = '', metric = 'success-rate', kind = 'AnalysisTemplate') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${args}  metrics:\n  - name: ${metric}\n    provider:\n      prometheus: {query: up}\n---\n`;
const rollout = (steps: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  strategy:\n    canary:\n      steps:\n${steps}`;

test('TG-ANL-001 fires on an unknown templateName with did-you-mean and renames', () => {
  const yaml = template('success-rate') + rollout('      - setWeight: 5\n      - analysis:\n          templates:\n          - templateName: sucess-rate\n');
  const [f, ...rest] = findingsOf(yaml, 'TG-ANL-001');
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'warning');
  assert.equal(spanText(yaml, f), 'sucess-rate');
  assert.match(f.message, /AnalysisTemplate 'sucess-rate' not found in the workspace — did you mean 'success-rate'\?/);
  assert.deepEqual(findingsOf(applyFix(yaml, f), 'TG-ANL-001'), []);
});

test('TG-ANL-001 covers background, blue-green and experiment analyses, and clusterScope', () => {
  const bg = template('t', '', 'm', 'ClusterAnalysisTemplate') + `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    blueGreen:\n      activeService: a\n      prePromotionAnalysis:\n        templates:\n        - templateName: t\n      postPromotionAnalysis: {templates: [{templateName: nope}]}\n`;
  const fs = findingsOf(bg, 'TG-ANL-001');
  assert.equal(fs.length, 2);
  assert.match(fs[0].message, /a ClusterAnalysisTemplate of that name exists: set clusterScope: true/);
  assert.deepEqual(findingsOf(applyFix(bg, fs[0]), 'TG-ANL-001').length, 1);
  const exp = rollout('      - experiment:\n          analyses:\n          - name: a\n            templateName: missing\n');
  assert.equal(findingsOf(exp, 'TG-ANL-001').length, 1);
  const canaryBg = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary:\n      analysis: {templates: [{templateName: gone}]}\n`;
  assert.equal(findingsOf(canaryBg, 'TG-ANL-001').length, 1);
});

test('TG-ANL-001 respects namespaces and says when the policy requires templates in the workspace', () => {
  const other = template('t').replace('  name: t\n', '  name: t\n  namespace: other\n');
  const yaml = other + rollout('      - analysis: {templates: [{templateName: t}]}\n').replace('  name: web\n', '  name: web\n  namespace: prod\n');
  const [f] = findingsOf(yaml, 'TG-ANL-001', { policy: policyWith({ settings: { ...DEFAULT_SETTINGS, analysis: { requireInWorkspace: true } } }) });
  assert.match(f.message, /not found in the workspace in namespace 'prod' \(or without one\).*analysis\.requireInWorkspace/);
  assert.deepEqual(findingsOf(template('t') + rollout('      - analysis: {templates: [{templateName: t}]}\n'), 'TG-ANL-001'), []);
});

test('TG-ANL-002 fires on a required arg not passed and adds it', () => {
  const args = '  args:\n  - name: service-name\n  - name: threshold\n    value: "0.99"\n';
  const yaml = template('success-rate', args) + rollout('      - analysis:\n          templates:\n          - templateName: success-rate\n');
  const [f, ...rest] = findingsOf(yaml, 'TG-ANL-002');
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'error');
  assert.equal(spanText(yaml, f), 'success-rate');
  assert.match(f.message, /requires arg 'service-name' .*args\.service-name was not resolved/);
  const fixed = applyFix(yaml, f);
  assert.match(fixed, /args: \[\{name: service-name, value: "TODO-service-name"\}\]\n {10}templates:/);
  assert.deepEqual(findingsOf(fixed, 'TG-ANL-002'), []);
});

test('TG-ANL-002 appends to an existing args list and flags undeclared args with did-you-mean', () => {
  const args = '  args:\n  - name: service-name\n';
  const yaml = template('success-rate', args) + rollout('      - analysis:\n          templates:\n          - templateName: success-rate\n          args:\n          - name: service-nme\n            value: web\n');
  const fs = findingsOf(yaml, 'TG-ANL-002');
  assert.equal(fs.length, 2);
  const undeclared = fs.find((f) => /not declared/.test(f.message))!;
  assert.equal(spanText(yaml, undeclared), 'service-nme');
  assert.match(undeclared.message, /did you mean 'service-name'\?/);
  assert.deepEqual(findingsOf(applyFix(yaml, undeclared), 'TG-ANL-002'), []);
  const missing = fs.find((f) => /requires arg/.test(f.message))!;
  const added = applyFix(yaml, missing);
  assert.match(added, / {12}value: web\n {10}- name: service-name\n {12}value: "TODO-service-name"\n/);
});

test('TG-ANL-002 accepts valueFrom and defaults, and skips unresolved templates', () => {
  const args = '  args:\n  - name: a\n    value: x\n  - name: b\n    valueFrom: {secretKeyRef: {name: s, key: k}}\n  - name: c\n';
  const ok = template('t', args) + rollout('      - analysis:\n          templates: [{templateName: t}]\n          args: [{name: c, valueFrom: {podTemplateHashValue: Latest}}]\n');
  assert.deepEqual(findingsOf(ok, 'TG-ANL-002'), []);
  assert.deepEqual(findingsOf(rollout('      - analysis: {templates: [{templateName: t}], args: [{name: z, value: "1"}]}\n'), 'TG-ANL-002'), []);
});

test('TG-ANL-003 fires on a duplicate template and on clashing metric names', () => {
  const dup = template('t') + rollout('      - analysis:\n          templates:\n          - templateName: t\n          - templateName: t\n');
  const [f] = findingsOf(dup, 'TG-ANL-003');
  assert.match(f.message, /template 't' is listed twice/);
  assert.deepEqual(findingsOf(applyFix(dup, f), 'TG-ANL-003'), []);
  const clash = template('a', '', 'm') + template('b', '', 'm') + rollout('      - analysis: {templates: [{templateName: a}, {templateName: b}]}\n');
  const [g] = findingsOf(clash, 'TG-ANL-003');
  assert.equal(spanText(clash, g), 'b');
  assert.match(g.message, /templates 'a' and 'b' both define metric 'm'/);
  assert.deepEqual(findingsOf(template('a', '', 'm') + template('b', '', 'n') + rollout('      - analysis: {templates: [{templateName: a}, {templateName: b}]}\n'), 'TG-ANL-003'), []);
});

test('TG-ANL-005 fires when a canary reaches 100% without analysis, and inserts one', () => {
  const yaml = template('smoke') + rollout('      - setWeight: 5\n      - pause: {duration: 5m}\n      - setWeight: 100\n').replace('  name: web\n', '  name: web\n  labels:\n    tollgate.dev/tier: "2"\n');
  const [f] = findingsOf(yaml, 'TG-ANL-005');
  assert.equal(f?.severity, 'error');
  assert.equal(spanText(yaml, f), 'steps');
  const fixed = applyFix(yaml, f);
  assert.match(fixed, / {6}- analysis: \{templates: \[\{templateName: smoke\}\]\}\n {6}- setWeight: 100/);
  assert.deepEqual(findingsOf(fixed, 'TG-ANL-005'), []);
  assert.deepEqual(findingsOf(template('smoke') + rollout('      - setWeight: 5\n      - analysis: {templates: [{templateName: smoke}]}\n'), 'TG-ANL-005'), []);
});

test('analysis rules see templates added to the workspace index later, and never throw on odd shapes', () => {
  const r = rollout('      - analysis: {templates: [{templateName: late}]}\n');
  const ws = new WorkspaceIndex(manifestDocs('r.yaml', r));
  assert.equal(findingsOf(r, 'TG-ANL-001', { workspace: ws }).length, 1);
  for (const d of manifestDocs('t.yaml', template('late'))) ws.add(d);
  assert.deepEqual(findingsOf(r, 'TG-ANL-001', { workspace: ws }), []);
  const odd = rollout('      - analysis: {templates: [null, 3, {templateName: [x]}, {templateName: ""}], args: {a: 1}}\n      - experiment: {analyses: 5}\n');
  for (const id of ['TG-ANL-001', 'TG-ANL-002', 'TG-ANL-003', 'TG-ANL-005']) assert.ok(findingsOf(odd, id).every((f) => !f.message.startsWith('internal error')), id);
  const oddTemplate = 'apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata: {name: o}\nspec:\n  args: 3\n  metrics: [null, 4, {name: [1], count: {a: 1}, provider: 7}]\n';
  for (const id of ['TG-ANL-004', 'TG-ANL-006']) assert.ok(findingsOf(oddTemplate, id).every((f) => !f.message.startsWith('internal error')), id);
});
