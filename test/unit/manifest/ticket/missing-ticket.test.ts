import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../../../server/src/core/yaml/yaml-file';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

function workload(metadata: string, tier = '1', namespace = 'shop-prod'): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: pay\n  namespace: ${namespace}\n  labels:\n    tollgate.dev/tier: "${tier}"\n${metadata}spec:\n  template:\n    spec:\n      containers:\n        - name: pay\n          image: ghcr.io/acme/pay:1.0\n`;
}

/** Applies the first fix, asserts the result parses and the rule no longer fires. */
function fixesClean(yaml: string): string {
  const [f] = findingsOf(yaml, 'TG-TKT-001');
  assert.ok(f?.fixes?.[0], 'expected a fix');
  const fixed = applyFix(yaml, f);
  assert.deepEqual(parseYamlFile(fixed).docs.flatMap((d) => d.errors), []);
  assert.deepEqual(findingsOf(fixed, 'TG-TKT-001'), []);
  assert.deepEqual(findingsOf(fixed, 'TG-TKT-002'), []);
  return fixed;
}

test('TG-TKT-001 fires for a tier-1 prod workload without the annotation, on the annotations key', () => {
  const yaml = workload('  annotations:\n    team: payments\n');
  const [f, ...rest] = findingsOf(yaml, 'TG-TKT-001');
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'error');
  assert.equal(spanText(yaml, f), 'annotations');
  assert.match(f?.message ?? '', /Deployment 'pay' has no change-ticket annotation 'change\.ticket\/id' \(required for tier 1 in prod\)/);
  const fixed = fixesClean(yaml);
  assert.match(fixed, / {2}annotations:\n {4}change\.ticket\/id: "CHG-0000"\n {4}team: payments\n/);
});

test('TG-TKT-001 fix creates annotations when missing, empty or flow-style', () => {
  const created = fixesClean(workload(''));
  assert.match(created, /metadata:\n {2}annotations:\n {4}change\.ticket\/id: "CHG-0000"\n {2}name: pay\n/);
  const fromNull = fixesClean(workload('  annotations:   # none yet\n'));
  assert.match(fromNull, / {2}annotations: {3}# none yet\n {4}change\.ticket\/id: "CHG-0000"\n/);
  fixesClean(workload('  annotations: {}\n'));
  fixesClean(workload('  annotations: {team: x}\n'));
  const noMetadata = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n';
  fixesClean(noMetadata);
});

test('TG-TKT-001 is off for tier 0 and for tier 1 outside prod; tier 2 needs a ticket above dev', () => {
  assert.deepEqual(findingsOf(workload('', '0'), 'TG-TKT-001'), []);
  assert.deepEqual(findingsOf(workload('', '1', 'staging'), 'TG-TKT-001'), []);
  assert.equal(findingsOf(workload('', '2', 'staging'), 'TG-TKT-001')[0]?.severity, 'error');
  assert.deepEqual(findingsOf(workload('', '2', 'dev'), 'TG-TKT-001'), []);
});

test('TG-TKT-001 stays quiet with the annotation and ignores non-workloads', () => {
  assert.deepEqual(findingsOf(workload('  annotations:\n    change.ticket/id: CHG-12\n'), 'TG-TKT-001'), []);
  assert.deepEqual(findingsOf('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n', 'TG-TKT-001'), []);
  assert.deepEqual(findingsOf('apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: t\n', 'TG-TKT-001'), []);
});

test('TG-TKT-001 does not crash on odd metadata', () => {
  for (const meta of ['metadata: "x"\n', 'metadata: [1]\n', 'metadata:\n  annotations: "a string"\n']) {
    const yaml = `apiVersion: v1\nkind: Pod\n${meta}spec: {}\n`;
    const fs = findingsOf(yaml, 'TG-TKT-001');
    assert.equal(fs.length, 1);
    assert.doesNotMatch(fs[0].message, /internal error/);
    assert.equal(fs[0].fixes, undefined);
  }
});
