// Rewrites the README's rule table from the rule catalog (npm run docs; runs under tsx).
// test/manifest/readme-rules.test.ts fails when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { ruleCatalog } from '../server/src/core/check/rule-catalog.ts';
import { replaceRuleTable, ruleTable } from '../server/src/core/report/rule-table.ts';

const path = new URL('../README.md', import.meta.url);
const next = replaceRuleTable(readFileSync(path, 'utf8'), ruleTable(ruleCatalog()));
if (next === undefined) throw new Error('README.md has no rule-table markers');
writeFileSync(path, next);
