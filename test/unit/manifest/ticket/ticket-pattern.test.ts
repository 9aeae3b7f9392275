import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/policy/default-policy';
import { findingsOf, policyWith, spanText } from '../../../helpers/manifest-check';

const yaml = (value: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: pay\n  annotations:\n    change.ticket/id: ${value}\nspec: {}\n`;
const withPattern = (pattern: string) => policyWith({ settings: { ...DEFAULT_SETTINGS, changeTicket: { ...DEFAULT_SETTINGS.changeTicket, pattern } } });

test('TG-TKT-002 fires on a value not matching the pattern, on the value', () => {
  const y = yaml('"JIRA 12"');
  const [f] = findingsOf(y, 'TG-TKT-002');
  assert.equal(spanText(y, f), '"JIRA 12"');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /change ticket 'JIRA 12' \(metadata\.annotations\.change\.ticket\/id\) does not match the policy's pattern \^CHG-\[0-9\]\+\$/);
});

test('TG-TKT-002 reports an empty ticket on its key', () => {
  const y = yaml('');
  const [f] = findingsOf(y, 'TG-TKT-002');
  assert.equal(spanText(y, f), 'change.ticket/id');
  assert.match(f?.message ?? '', /is empty/);
});

test('TG-TKT-002 stays quiet on a match, a custom pattern, and an invalid pattern', () => {
  assert.deepEqual(findingsOf(yaml('CHG-42'), 'TG-TKT-002'), []);
  assert.deepEqual(findingsOf(yaml('OPS-7'), 'TG-TKT-002', { policy: withPattern('^OPS-\\d+$') }), []);
  assert.deepEqual(findingsOf(yaml('anything'), 'TG-TKT-002', { policy: withPattern('^(CHG-') }), []);
  assert.ok(!findingsOf(yaml('x'), 'TG-TKT-002', { policy: withPattern('[') }).length);
});

test('TG-TKT-002 reads numbers as text', () => {
  assert.equal(findingsOf(yaml('1234'), 'TG-TKT-002').length, 1);
  assert.deepEqual(findingsOf(yaml('1234'), 'TG-TKT-002', { policy: withPattern('^[0-9]+$') }), []);
});
