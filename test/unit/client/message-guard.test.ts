/** Messages from a webview are untrusted: only exact known shapes get through. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFromWebview } from '../../../client/src/webviews/message-guard';

test('known messages pass with only their own fields', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready', extra: 1 }), { type: 'ready' });
  assert.deepEqual(parseFromWebview({ type: 'painted', ms: 12.5, seq: 3 }), { type: 'painted', ms: 12.5, seq: 3 });
  assert.deepEqual(parseFromWebview({ type: 'openFile', path: '/a/b.json', command: 'x' }), { type: 'openFile', path: '/a/b.json' });
  assert.deepEqual(parseFromWebview({ type: 'openEnvelope', runId: 'r1' }), { type: 'openEnvelope', runId: 'r1' });
  assert.deepEqual(parseFromWebview({ type: 'selectProject', project: 'demo' }), { type: 'selectProject', project: 'demo' });
  assert.deepEqual(parseFromWebview({ type: 'copy', text: 'abc' }), { type: 'copy', text: 'abc' });
});

test('anything else is dropped', () => {
  for (const bad of [null, 'ready', 42, [], {}, { type: 'runCommand', command: 'rm' }, { type: 'openFile' }, { type: 'openFile', path: 7 },
    { type: 'openFile', path: '' }, { type: 'openFile', path: 'x'.repeat(5000) }, { type: 'painted', ms: 'fast', seq: 1 }, { type: 'painted', ms: Infinity, seq: 1 },
    { type: 'selectProject', project: null }, { type: '__proto__' }]) {
    assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
  }
});
