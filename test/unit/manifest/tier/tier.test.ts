import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlFile } from '../../../../server/src/core/yaml/yaml-file';
import { applyFix, findingsOf, spanText } from '../../../helpers/manifest-check';

const workload = (kind: string, metadata: string, namespace = 'prod') => `apiVersion: ${kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1'}\nkind: ${kind}\nmetadata:\n  name: web\n  namespace: ${namespace}\n${metadata}spec: {}\n`;

test('TG-TIER-001 fires for a prod workload without a tier, fix adds the default tier label', () => {
  const yaml = workload('Rollout', '  labels:\n    app: web\n');
  const [f] = findingsOf(yaml, 'TG-TIER-001');
  assert.equal(spanText(yaml, f), 'labels');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /Rollout 'web' in prod has no 'tollgate\.dev\/tier' label or annotation; the policy's default tier 1 is assumed/);
  const fixed = applyFix(yaml, f);
  assert.deepEqual(parseYamlFile(fixed).docs.flatMap((d) => d.errors), []);
  assert.match(fixed, /labels:\n {4}tollgate\.dev\/tier: "1"\n {4}app: web/);
  assert.deepEqual(findingsOf(fixed, 'TG-TIER-001'), []);
  assert.deepEqual(findingsOf(fixed, 'TG-TIER-002'), []);
});

test('TG-TIER-001 stays quiet outside prod and with a label or annotation', () => {
  assert.deepEqual(findingsOf(workload('Rollout', '', 'staging'), 'TG-TIER-001'), []);
  assert.deepEqual(findingsOf(workload('Rollout', '  annotations:\n    tollgate.dev/tier: "2"\n'), 'TG-TIER-001'), []);
  assert.equal(findingsOf(workload('Rollout', ''), 'TG-TIER-001').length, 1);
});

test('TG-TIER-002 fires on a tier the policy does not define, on the value', () => {
  for (const value of ['"5"', 'high', '"-1"', '1.5']) {
    const yaml = workload('Rollout', `  labels:\n    tollgate.dev/tier: ${value}\n`, 'dev');
    const [f] = findingsOf(yaml, 'TG-TIER-002');
    assert.equal(spanText(yaml, f), value);
    assert.equal(f?.severity, 'error');
    assert.match(f?.message ?? '', /is not one of the policy's tiers \(0, 1, 2\); the default tier 1 applies/);
  }
  assert.deepEqual(findingsOf(workload('Rollout', '  labels:\n    tollgate.dev/tier: "2"\n'), 'TG-TIER-002'), []);
  assert.deepEqual(findingsOf(workload('Rollout', '  labels:\n    tollgate.dev/tier: 0\n'), 'TG-TIER-002'), []);
});

test('TG-TIER-003 fires for tier >= 1 plain Deployments and StatefulSets, on the kind', () => {
  const yaml = workload('Deployment', '  labels:\n    tollgate.dev/tier: "2"\n');
  const [f] = findingsOf(yaml, 'TG-TIER-003');
  assert.equal(spanText(yaml, f), 'Deployment');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /Deployment 'web' is tier 2 but rolls out all at once/);
  assert.equal(findingsOf(workload('StatefulSet', ''), 'TG-TIER-003')[0]?.severity, 'warning');
  assert.match(findingsOf(workload('StatefulSet', ''), 'TG-TIER-003')[0]?.message ?? '', /tier 1 \(the policy default\)/);
});

test('TG-TIER-003 stays quiet for tier 0, Rollouts, and Deployments managed by a Rollout workloadRef', () => {
  assert.deepEqual(findingsOf(workload('Deployment', '  labels:\n    tollgate.dev/tier: "0"\n'), 'TG-TIER-003'), []);
  assert.deepEqual(findingsOf(workload('Rollout', ''), 'TG-TIER-003'), []);
  const managed = `${workload('Deployment', '')}---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web-rollout\n  namespace: prod\nspec:\n  workloadRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n`;
  assert.deepEqual(findingsOf(managed, 'TG-TIER-003'), []);
  const otherNs = managed.replace('  namespace: prod\nspec:\n  workloadRef', '  namespace: other\nspec:\n  workloadRef');
  assert.equal(findingsOf(otherNs, 'TG-TIER-003').length, 1);
});
