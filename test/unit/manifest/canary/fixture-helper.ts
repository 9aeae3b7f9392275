/**
 * Fixture checks shared by the canary, analysis and blue-green families:
 * every `test/fixtures/manifests/<family>/*.yaml` is checked with the default
 * policy and its findings of the given rule-id prefixes (other families' rules
 * evolve on their own) must equal the sibling `*.expected.json`
 * (`[{ruleId, line, column, severity}]`, 1-based). Set UPDATE_FIXTURES=1 to rewrite.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LineIndex } from '../../../../server/src/core/text/line-index';
import { check } from '../../../helpers/manifest-check';

export function fixtureTests(family: string, prefixes: readonly string[]): void {
  const dir = join(__dirname, '..', '..', '..', 'fixtures', 'manifests', family);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    test(`${family} fixture ${file}`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const lines = new LineIndex(text);
      const actual = check(text)
        .filter((f) => prefixes.some((p) => f.ruleId.startsWith(p)))
        .map((f) => {
          const pos = lines.positionAt(f.span.start);
          return { ruleId: f.ruleId, line: pos.line + 1, column: pos.character + 1, severity: f.severity };
        });
      const expectedPath = join(dir, file.replace(/\.yaml$/, '.expected.json'));
      if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
}
