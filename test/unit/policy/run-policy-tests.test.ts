import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composePolicy } from '../../../server/src/core/policy/compose-policy';
import { policyTestFindings, runPolicyTests } from '../../../server/src/core/policy/run-policy-tests';

const policy = (tests: string) => `apiVersion: tollgate.dev/v1\nkind: ReleasePolicy\nmetadata: {name: t}\nspec:\n  tests:\n${tests}`;
const noStrategy = 'apiVersion: argoproj.io/v1alpha1\\nkind: Rollout\\nmetadata: {name: w}\\nspec: {strategy: {}}\\n';

test('a passing and a failing policy test; the failure is reported on the test', () => {
  const text = policy(`    - name: no strategy fires A9\n      manifest: "${noStrategy}"\n      expect: {fire: [TG-ARGO-A9]}\n    - name: wrongly expects quiet\n      manifest: "${noStrategy}"\n      expect: {notFire: TG-ARGO-*}\n`);
  const { policy: p } = composePolicy([{ path: 'pol.yaml', text }]);
  const results = runPolicyTests(p);
  assert.deepEqual(results.map((r) => r.passed), [true, false]);
  assert.deepEqual(results[1]?.unexpected, ['TG-ARGO-*']);
  const f = policyTestFindings(results).get('pol.yaml') ?? [];
  assert.equal(f.length, 1);
  assert.equal(f[0]?.ruleId, 'TG-POL-006');
  assert.match(f[0]?.message ?? '', /policy test 'wrongly expects quiet' failed: expected TG-ARGO-\* not to fire; fired: .*TG-ARGO-A9/);
  assert.ok(text.slice(f[0].span.start, f[0].span.end).includes('wrongly expects quiet'));
});

test('tests may reference a manifest file relative to the policy; unreadable files are reported', () => {
  const text = policy('    - name: from file\n      file: cases/bad.yaml\n      expect: {fire: [TG-ARGO-A9]}\n    - name: missing\n      file: cases/none.yaml\n      expect: {fire: [TG-ARGO-A9]}\n');
  const { policy: p } = composePolicy([{ path: 'repo/policies/pol.yaml', text }]);
  const files: Record<string, string> = { 'repo/policies/cases/bad.yaml': noStrategy.replace(/\\n/g, '\n') };
  const results = runPolicyTests(p, (path) => files[path]);
  assert.deepEqual(results.map((r) => r.passed), [true, false]);
  assert.match(results[1]?.error ?? '', /cannot read test manifest repo\/policies\/cases\/none\.yaml/);
  assert.equal(policyTestFindings(results).get('repo/policies/pol.yaml')?.[0]?.ruleId, 'TG-POL-007');
});
