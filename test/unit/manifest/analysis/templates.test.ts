import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const at = (metrics: string) => `apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: t\nspec:\n  metrics:\n${metrics}`;
const prom = '    provider:\n      prometheus: {query: up}\n';

test('TG-ANL-004 reports Argo ValidateMetric messages at the offending field', () => {
  const cases: [string, string, string][] = [
    [`  - name: a\n    count: 2\n${prom}`, 'interval must be specified when count > 1', '2'],
    [`  - name: a\n    count: 3\n    interval: 1m\n    failureLimit: 3\n    consecutiveSuccessLimit: 1\n${prom}`, 'count (3) must be >= failureLimit + consecutiveSuccessLimit (3 + 1) if both >= 0', '3'],
    [`  - name: a\n    failureLimit: -2\n${prom}`, 'failureLimit must be >= 0, or -1 to be disabled', '-2'],
    [`  - name: a\n    failureLimit: -1\n${prom}`, 'failureLimit and consecutiveSuccessLimit cannot both be disabled', '-1'],
    [`  - name: a\n    interval: 1d\n${prom}`, 'invalid interval string: time: invalid duration "1d"', '1d'],
    [`  - name: a\n    initialDelay: soon\n${prom}`, 'invalid startDelay string: time: invalid duration "soon"', 'soon'],
    ['  - name: a\n    provider: {}\n', 'no provider specified', 'provider'],
    ['  - name: a\n    provider:\n      prometheus: {query: up}\n      web: {url: x}\n', 'multiple providers specified', 'provider'],
  ];
  for (const [metrics, message, span] of cases) {
    const yaml = at(metrics);
    const [f, ...rest] = findingsOf(yaml, 'TG-ANL-004');
    assert.equal(rest.length, 0, message);
    assert.equal(f?.message, `metrics[0]: ${message}`);
    assert.equal(spanText(yaml, f), span, message);
  }
});

test('TG-ANL-004 reports no metrics and duplicate names; quiet on valid and placeholder values', () => {
  const none = 'apiVersion: argoproj.io/v1alpha1\nkind: ClusterAnalysisTemplate\nmetadata: {name: c}\nspec:\n  metrics: []\n';
  assert.match(findingsOf(none, 'TG-ANL-004')[0].message, /no metrics specified/);
  const dup = at(`  - name: a\n${prom}  - name: a\n${prom}`);
  const [d] = findingsOf(dup, 'TG-ANL-004');
  assert.equal(d?.message, "metrics[1]: duplicate name 'a'");
  assert.deepEqual(findingsOf(at(`  - name: a\n    count: "{{args.count}}"\n    interval: 5m\n    failureLimit: 1\n${prom}`), 'TG-ANL-004'), []);
  assert.deepEqual(findingsOf(at(`  - name: a\n    provider:\n      plugin:\n        argoproj-labs/metric: {}\n`), 'TG-ANL-004'), []);
});

test('TG-ANL-006 fires on an unquoted placeholder and quotes it', () => {
  const yaml = at(`  - name: a\n    provider:\n      web:\n        url: {{args.url}}\n        headers:\n        - {key: h, value: "{{args.h}}"}\n`);
  const [f, ...rest] = findingsOf(yaml, 'TG-ANL-006');
  assert.equal(rest.length, 0);
  assert.equal(spanText(yaml, f), '{{args.url}}');
  assert.match(f.message, /spec\.metrics\[0\]\.provider\.web\.url is the unquoted placeholder \{\{args\.url\}\}.*quote the placeholder/);
  const fixed = applyFix(yaml, f);
  assert.match(fixed, /url: "\{\{args\.url\}\}"/);
  assert.deepEqual(findingsOf(fixed, 'TG-ANL-006'), []);
  assert.deepEqual(findingsOf(at(`  - name: a\n    provider:\n      web: {url: x, jsonPath: "{$.a}"}\n    successCondition: "{a: 1}"\n`), 'TG-ANL-006'), []);
});
