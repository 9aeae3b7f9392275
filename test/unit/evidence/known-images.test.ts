import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChainRecord } from '../../../server/src/core/evidence';
import { knownImagesFromChain } from '../../../server/src/core/evidence';
import { findingsOf, applyFix } from '../../helpers/manifest-check';
import { WorkspaceIndex } from '../../../server/src/core/manifest/workspace-index';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const release = (id: string, image: string, digest: string) => ({ kind: 'release', id, service: 'pay', env: 'prod', image, image_digest: digest }) as unknown as ChainRecord;

test('release events become known images, newest first, one per repository and digest', () => {
  const known = knownImagesFromChain([release('E1', `ghcr.io/acme/pay:1.0@${D1}`, D1), { kind: 'audit' } as unknown as ChainRecord, release('E2', `ghcr.io/acme/pay:1.1@${D2}`, D2), release('E3', `ghcr.io/acme/pay:1.0@${D1}`, D1)]);
  assert.deepEqual(known.map((k) => [k.repository, k.digest, k.tag]), [['ghcr.io/acme/pay', D1, '1.0'], ['ghcr.io/acme/pay', D2, '1.1']]);
  assert.match(known[0]?.source ?? '', /release E3/);
});

test('a tag-only image in a tier-2 workload gets a "pin to digest" fix from the evidence', () => {
  const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: pay\n  namespace: prod\n  labels: {tollgate.dev/tier: "2"}\nspec:\n  template:\n    spec:\n      containers:\n        - name: pay\n          image: ghcr.io/acme/pay:1.1\n';
  const workspace = new WorkspaceIndex([], knownImagesFromChain([release('E2', `ghcr.io/acme/pay:1.1@${D2}`, D2)]));
  const [f] = findingsOf(yaml, 'TG-IMG-003', { workspace });
  assert.ok(f?.fixes?.length, 'a fix is offered');
  assert.match(applyFix(yaml, f), new RegExp(`image: ghcr\\.io/acme/pay:1\\.1@${D2}`));
});
