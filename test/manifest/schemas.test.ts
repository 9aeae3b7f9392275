/** The shipped JSON Schemas are generated from the validators and contributed to VS Code. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SHIPPED_SCHEMAS } from '../../server/src/core/schema/shipped-schemas';

const ROOT = join(__dirname, '..', '..');

test('server/schemas/*.schema.json are up to date (npm run schemas regenerates them)', () => {
  for (const [name, make] of Object.entries(SHIPPED_SCHEMAS)) {
    const committed = JSON.parse(readFileSync(join(ROOT, 'server', 'schemas', name), 'utf8')) as unknown;
    assert.deepEqual(committed, make(), `${name} is stale: run npm run schemas`);
  }
});

test('package.json contributes every shipped schema for YAML (vscode-yaml) validation', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation?: { url: string }[] } };
  const urls = (pkg.contributes.yamlValidation ?? []).map((v) => v.url);
  for (const name of Object.keys(SHIPPED_SCHEMAS)) assert.ok(urls.includes(`./server/schemas/${name}`), `${name} not in contributes.yamlValidation`);
});

test('the policy schema rejects what the validator rejects: unknown keys and out-of-range values are declared', () => {
  const policy = SHIPPED_SCHEMAS['policy.schema.json']() as { properties: { spec: { additionalProperties: boolean; properties: { settings: { properties: { canary: { properties: { maxFirstWeight: { maximum: number } } } } } } } } };
  assert.equal(policy.properties.spec.additionalProperties, false);
  assert.equal(policy.properties.spec.properties.settings.properties.canary.properties.maxFirstWeight.maximum, 100);
});
