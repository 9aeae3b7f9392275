/** The README settings table, package.json's contributed configuration and the server's defaults agree. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applySettings, DEFAULT_SERVER_SETTINGS } from '../../server/src/lsp/settings';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown; type: string }> } }; capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } } };
const props = PKG.contributes.configuration.properties;

function readmeTable(): Map<string, { type: string; def: string }> {
  const block = README.slice(README.indexOf('<!-- settings:start -->'), README.indexOf('<!-- settings:end -->'));
  const rows = [...block.matchAll(/^\| `(tollgate\.[\w.]+)` \| (\w+) \| `([^`]*)` \|/gm)];
  return new Map(rows.map((m) => [m[1], { type: m[2], def: m[3] }]));
}

test('every contributed setting is in the README table with its type and default, and nothing else is', () => {
  const table = readmeTable();
  assert.deepEqual([...table.keys()].sort(), Object.keys(props).sort());
  for (const [key, p] of Object.entries(props)) {
    assert.equal(table.get(key)?.type, p.type, key);
    assert.equal(table.get(key)?.def, JSON.stringify(p.default), key);
  }
});

test('the server understands every setting it is sent, with the same defaults', () => {
  const section: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(props)) section[key.slice('tollgate.'.length)] = p.default;
  assert.deepEqual(applySettings(DEFAULT_SERVER_SETTINGS, section), DEFAULT_SERVER_SETTINGS);
  // A changed value of each server-side setting must change the result (the key is really read).
  const flipped = (v: unknown) => (typeof v === 'boolean' ? !v : typeof v === 'number' ? v + 1 : typeof v === 'string' ? `${v}x` : ['x']);
  for (const [key, p] of Object.entries(props)) {
    if (key === 'tollgate.trace.server') continue; // handled by the language client
    const changed = applySettings(DEFAULT_SERVER_SETTINGS, { ...section, [key.slice('tollgate.'.length)]: flipped(p.default) });
    assert.notDeepEqual(changed, DEFAULT_SERVER_SETTINGS, `${key} is not read by the server`);
  }
});

test('settings that point at programs or evidence are restricted in untrusted workspaces', () => {
  const restricted = PKG.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
  assert.ok(restricted.includes('tollgate.evidence.signCommand') && restricted.includes('tollgate.evidence.root'));
});
