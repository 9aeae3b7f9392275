import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceIndex } from '../../../../server/src/core/manifest/workspace-index';
import { findingsOf, spanText } from '../../../helpers/manifest-check';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const yaml = (image: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n  namespace: staging\n  labels: {tollgate.dev/tier: "2"}\n  annotations:\n    change.ticket/id: CHG-1001\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "${image}"}]\n`;
const uses = (service: string, digest: string) => new WorkspaceIndex([], [], [{ ticket: 'CHG-1001', releaseId: 'E1', service, env: 'prod', digest }]);

test('TG-TKT-003 fires for a ticket released for another service or another image of this one', () => {
  const other = findingsOf(yaml(`ghcr.io/acme/payments@${D('1')}`), 'TG-TKT-003', { workspace: uses('billing', D('1')) });
  assert.equal(other.length, 1);
  assert.equal(spanText(yaml(''), other[0]), 'CHG-1001');
  assert.equal(other[0]?.severity, 'warning', 'tier 2 outside production: one step milder');
  const newImage = findingsOf(yaml(`ghcr.io/acme/payments@${D('2')}`), 'TG-TKT-003', { workspace: uses('payments', D('1')) });
  assert.match(newImage[0]?.message ?? '', /another image of 'payments' \(sha256:111111111111…\)/);
});

test('TG-TKT-003 stays quiet when the same digest is promoted, or no release used the ticket', () => {
  assert.deepEqual(findingsOf(yaml(`ghcr.io/acme/payments@${D('1')}`), 'TG-TKT-003', { workspace: uses('payments', D('1')) }), []);
  assert.deepEqual(findingsOf(yaml('ghcr.io/acme/payments:1.0'), 'TG-TKT-003'), []);
});
