import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applySettings, DEFAULT_SERVER_SETTINGS } from '../../../server/src/lsp/settings';
import { documentPath } from '../../../server/src/lsp/classify';

test('settings: nested or flattened sections, bad values fall back', () => {
  assert.deepEqual(applySettings(DEFAULT_SERVER_SETTINGS, null), DEFAULT_SERVER_SETTINGS);
  const s = applySettings(DEFAULT_SERVER_SETTINGS, { debounceMs: 0, validate: { enable: false }, 'policy.path': 'policies/main.yaml', codeLens: { enable: 'no' } });
  assert.deepEqual(s, { ...DEFAULT_SERVER_SETTINGS, debounceMs: 0, validateEnable: false, policyPath: 'policies/main.yaml' });
  assert.equal(applySettings(DEFAULT_SERVER_SETTINGS, { debounceMs: -5 }).debounceMs, 200);
});

test('document paths: file URIs decoded, untitled buffers get their language extension', () => {
  assert.equal(documentPath('file:///tmp/a%20b/r.yaml'), '/tmp/a b/r.yaml');
  assert.equal(documentPath('untitled:Untitled-1', 'yaml'), 'Untitled-1.yaml');
  assert.equal(documentPath('file:///x/run.json', 'json'), '/x/run.json');
});
