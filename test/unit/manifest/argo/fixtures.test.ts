/**
 * Realistic multi-document files (modelled on argo-rollouts' own lint
 * testdata) with the TG-ARGO findings they must produce, by position.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LineIndex } from '../../../../server/src/core/text/line-index';
import { check } from '../../../helpers/manifest-check';

interface Expected {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
}

const DIR = join(import.meta.dirname, '../../../fixtures/manifests/argo');

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
  test(`argo fixture ${file}`, () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.yaml$/, '.expected.json')), 'utf8')) as Expected[];
    const lines = new LineIndex(text);
    const actual = check(text)
      .filter((f) => f.ruleId.startsWith('TG-ARGO'))
      .map((f) => {
        const p = lines.positionAt(f.span.start);
        return { ruleId: f.ruleId, line: p.line + 1, column: p.character + 1, severity: f.severity };
      });
    assert.deepEqual(actual, expected);
  });
}
