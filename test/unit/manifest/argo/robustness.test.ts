/**
 * Odd input never crashes a TG-ARGO rule: every value of the fixture
 * Rollouts is replaced in turn by null, a string, a negative number, a list
 * and a map, and the check must produce no "internal error" finding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isMap, isSeq, parseAllDocuments, type Document } from 'yaml';
import { ARGO_RULES } from '../../../../server/src/core/manifest/rules/argo';
import { check } from '../../../helpers/manifest-check';

const DIR = join(import.meta.dirname, '../../../fixtures/manifests/argo');
const REPLACEMENTS: unknown[] = [null, 'x', -1, [1, 'a'], { a: 1 }];

/** Paths of every node under `spec` of a document. */
function paths(node: unknown, prefix: (string | number)[]): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (isMap(node)) for (const p of node.items) out.push(...paths(p.value, [...prefix, String((p.key as { value?: unknown } | null)?.value)]));
  if (isSeq(node)) node.items.forEach((n, i) => out.push(...paths(n, [...prefix, i])));
  return out;
}

for (const file of ['canary-lint-errors.yaml', 'typos-and-legacy.yaml', 'nginx-experiment.yaml']) {
  test(`TG-ARGO rules survive mutated values of ${file}`, () => {
    const docs = parseAllDocuments(readFileSync(join(DIR, file), 'utf8')) as Document[];
    for (const [di, doc] of docs.entries()) {
      if (doc.get('kind') !== 'Rollout') continue;
      for (const path of paths(doc.get('spec', true), ['spec'])) {
        for (const value of REPLACEMENTS) {
          const copy = doc.clone();
          copy.setIn(path, copy.createNode(value));
          const text = docs.map((d, i) => (i === di ? copy : d).toString()).join('---\n');
          const crashes = check(text, { rules: ARGO_RULES }).filter((f) => f.message.startsWith('internal error'));
          assert.deepEqual(crashes.map((f) => f.message), [], `${path.join('.')} = ${JSON.stringify(value)}`);
        }
      }
    }
  });
}
