/**
 * The README's main job (examples/start.mjs) in its --smoke mode, on a temp
 * copy of examples/workspace: code-server starts with the extension
 * installed, the page loads in chromium, diagnostics and a verdict lens appear.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyExampleWorkspace } from '../../.ci/e2e/workspace.mjs';
import { assertPrerequisites, ROOT, skipReason } from './harness';

test('examples/start.mjs --smoke serves the examples with a working extension', { skip: skipReason(), timeout: 240_000 }, (t) => {
  assertPrerequisites();
  const ws = copyExampleWorkspace({ fixtures: false });
  try {
    const r = spawnSync(process.execPath, [join(ROOT, 'examples', 'start.mjs'), '--smoke', '--no-seed', '--workspace', ws.workspace], { encoding: 'utf8', timeout: 200_000 });
    t.diagnostic(r.stdout.trim().split('\n').join(' | '));
    assert.equal(r.status, 0, `start.mjs --smoke failed:\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /diagnostics on deploy\/payments\.yaml/);
    assert.match(r.stdout, /verdict lens on evals\/summariser\.evalgate\.yaml: REJECT/);
    assert.match(r.stdout, /^OK http:\/\/127\.0\.0\.1:\d+\/\?folder=/m);
  } finally {
    ws.cleanup();
  }
});
