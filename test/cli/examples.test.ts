/** The README's main job (npm run demo) keeps doing what it says: every example gets its intended verdict. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/cli';

test('examples/demo.mjs: every example reaches the verdict it was built to show', () => {
  const res = spawnSync(process.execPath, [join(ROOT, 'examples', 'demo.mjs')], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(res.status, 0, res.stdout + res.stderr);
  assert.equal((res.stdout.match(/'yes'/g) ?? []).length, 10);
});
