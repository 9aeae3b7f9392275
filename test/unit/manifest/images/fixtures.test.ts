/**
 * Fixture files of the images, ticket, resources, security and tier families:
 * each `test/fixtures/manifests/<family>/*.yaml` is checked under the default
 * policy and its findings of that family's rules are compared with the
 * sibling `*.expected.json` ({ruleId, line, column, severity}, 1-based).
 * Other families' rules are left out so their changes do not break these.
 * `UPDATE_FIXTURES=1` rewrites the expectations (review the diff!).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LineIndex } from '../../../../server/src/core/text/line-index';
import { check } from '../../../helpers/manifest-check';

const ROOT = join(import.meta.dirname, '../../../fixtures/manifests');
const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  images: ['TG-IMG-'],
  ticket: ['TG-TKT-'],
  resources: ['TG-RES-'],
  security: ['TG-SEC-'],
  tier: ['TG-TIER-', 'TG-SOD-', 'TG-META-'],
};

for (const [family, prefixes] of Object.entries(FAMILIES)) {
  for (const file of readdirSync(join(ROOT, family)).filter((f) => f.endsWith('.yaml'))) {
    test(`fixture ${family}/${file}`, () => {
      const path = join(ROOT, family, file);
      const text = readFileSync(path, 'utf8');
      const lines = new LineIndex(text);
      const actual = check(text)
        .filter((f) => prefixes.some((p) => f.ruleId.startsWith(p)))
        .map((f) => {
          const pos = lines.positionAt(f.span.start);
          return { ruleId: f.ruleId, line: pos.line + 1, column: pos.character + 1, severity: f.severity };
        });
      const expectedPath = path.replace(/\.yaml$/, '.expected.json');
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
}
