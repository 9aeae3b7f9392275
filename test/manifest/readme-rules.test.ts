/** The README documents every rule, generated from the catalog; ids are unique and well formed. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleCatalog } from '../../server/src/core/check/rule-catalog';
import { replaceRuleTable, ruleTable } from '../../server/src/core/report/rule-table';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test('rule ids are unique, well formed and fully documented', () => {
  const entries = ruleCatalog();
  const ids = entries.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((x, i) => ids.indexOf(x) !== i).join(', ')}`);
  for (const e of entries) {
    assert.match(e.id, /^TG-[A-Z]+-[A-Z0-9]+$/, e.id);
    for (const field of ['title', 'description', 'example', 'fix'] as const) assert.ok(e[field].trim().length > 0, `${e.id} has no ${field}`);
  }
});

test('the README rule table is generated from the catalog (npm run docs)', () => {
  const regenerated = replaceRuleTable(README, ruleTable(ruleCatalog()));
  assert.ok(regenerated !== undefined, 'README.md lacks the rule-table markers');
  assert.equal(regenerated, README, 'README rule table is stale: run npm run docs');
});
