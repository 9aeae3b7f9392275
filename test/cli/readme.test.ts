/** The README's CLI documentation is checked against the CLI itself, so it cannot drift. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { COMPARE_SPEC } from '../../server/src/cli/commands/compare';
import { GATE_SPEC } from '../../server/src/cli/commands/gate';
import { METHODS } from '../../server/src/core/gate/compare';
import { ROOT, tollgate } from '../helpers/cli';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('the README example output is what the CLI prints', () => {
  const m = /```sh\nnpx tollgate gate (--baseline [^\n]*)\\\n\s+(--candidate [^\n]*)\n```\n\n```\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'example block found');
  const args = `${m[1]} ${m[2]}`.trim().split(/\s+/);
  const r = tollgate(['gate', ...args]);
  assert.equal(r.stdout, m[3]);
});

test('every gate and compare flag is in the README flags table', () => {
  for (const o of [...GATE_SPEC.options, ...COMPARE_SPEC.options]) {
    if (o.name === 'one-sided') continue; // compare's flag, documented under "Other commands"
    assert.ok(readme.includes(`\`--${o.name}`), `--${o.name} missing from README`);
  }
  assert.ok(readme.includes('--one-sided'));
});

test('every method is documented', () => {
  for (const m of METHODS) if (m !== 'auto') assert.ok(readme.includes(`| \`${m}\` |`), `method ${m}`);
});

test('the exit-code table matches the CLI', () => {
  for (const code of [0, 1, 2, 64, 65, 70, 73]) assert.match(readme, new RegExp(`\\| ${code} \\|`));
});
