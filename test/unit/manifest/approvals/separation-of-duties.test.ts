import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, spanText } from '../../../helpers/manifest-check';

const rollout = (tier: string, annotations: string, namespace = 'prod') => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: pay\n  namespace: ${namespace}\n  labels:\n    tollgate.dev/tier: "${tier}"\n${annotations}spec: {}\n`;

test('TG-SOD-001 fires when the approver is the author (any case), on the approver', () => {
  const yaml = rollout('2', '  annotations:\n    tollgate.dev/author: alice@acme.io\n    tollgate.dev/approved-by: Alice@acme.io\n');
  const [f] = findingsOf(yaml, 'TG-SOD-001');
  assert.equal(spanText(yaml, f), 'Alice@acme.io');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /approver 'Alice@acme\.io' is also the author \('tollgate\.dev\/author'\): tier 2 requires a different approver/);
  assert.equal(findingsOf(rollout('2', '  annotations:\n    tollgate.dev/author: a\n    tollgate.dev/approved-by: a\n', 'staging'), 'TG-SOD-001')[0]?.severity, 'warning');
});

test('TG-SOD-001 fires in prod when there is no approver', () => {
  const yaml = rollout('2', '  annotations:\n    tollgate.dev/author: alice\n');
  const [f] = findingsOf(yaml, 'TG-SOD-001');
  assert.equal(spanText(yaml, f), 'annotations');
  assert.match(f?.message ?? '', /tier 2 Rollout 'pay' in prod has no approver \('tollgate\.dev\/approved-by'\)/);
});

test('TG-SOD-001 stays quiet for distinct identities, other tiers and non-prod without approver', () => {
  assert.deepEqual(findingsOf(rollout('2', '  annotations:\n    tollgate.dev/author: alice\n    tollgate.dev/approved-by: bob\n'), 'TG-SOD-001'), []);
  assert.deepEqual(findingsOf(rollout('1', '  annotations:\n    tollgate.dev/author: a\n    tollgate.dev/approved-by: a\n'), 'TG-SOD-001'), []);
  assert.deepEqual(findingsOf(rollout('2', '', 'staging'), 'TG-SOD-001'), []);
});
