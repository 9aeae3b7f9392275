import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { releaseDraft } from '../../../server/src/core/editor/release-draft';
import { manifestDocs } from '../../../server/src/core/manifest/check-manifest';
import { DEFAULT_POLICY } from '../../../server/src/core/policy/default-policy';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples', 'workspace', 'deploy');

test('a pinned, ticketed Rollout fills every field but the approver', () => {
  const text = readFileSync(join(EXAMPLES, 'checkout.yaml'), 'utf8');
  const d = releaseDraft(manifestDocs('c.yaml', text), undefined, DEFAULT_POLICY);
  assert.deepEqual({ ...d, missing: d?.missing.length }, { service: 'checkout', env: 'prod', tier: 1, image: 'ghcr.io/acme/checkout:2.14.1@sha256:4f8c1c7f3b4c2d8e9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f', pinned: true, changeTicket: 'CHG-10421', approvedBy: '', missing: 1 });
});

test('what cannot be filled is said, and the workload under the cursor wins', () => {
  const text = readFileSync(join(EXAMPLES, 'payments.yaml'), 'utf8');
  const d = releaseDraft(manifestDocs('p.yaml', `apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n${text}`), text.length, DEFAULT_POLICY);
  assert.equal(d?.service, 'payments');
  assert.equal(d?.tier, 2);
  assert.deepEqual(d?.missing.map((m) => m.split(':')[0]), ['image', 'changeTicket', 'approvedBy']);
  assert.equal(releaseDraft(manifestDocs('s.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n'), 0, DEFAULT_POLICY), undefined);
});
