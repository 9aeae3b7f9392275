/**
 * What `npm run package` puts in the VSIX (vsce's own file list): everything
 * the extension loads at run time, and no sources, tests or source maps.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');

test('the VSIX holds the bundles, worker, codec, schemas and webview assets, and nothing else', () => {
  const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
  const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((l) => l.trim() !== '');
  for (const needed of ['package.json', 'README.md', 'CHANGELOG.md', 'client/out/extension.js', 'server/out/server.js', 'server/out/gate-worker.js', 'server/out/parquet-codec.js', 'server/out/parquet_wasm_bg.wasm', 'server/out/cli.js', 'media/dist/verdict.js', 'media/dist/history.js', 'media/webview.css', 'server/schemas/runframe.schema.json', 'server/schemas/policy.schema.json', 'server/schemas/evalgate.schema.json']) {
    assert.ok(files.includes(needed), `missing from the VSIX: ${needed}`);
  }
  const stray = files.filter((f) => /\.(ts|map)$|^(test|node_modules|examples|bench|\.ci)\//.test(f));
  assert.deepEqual(stray, []);
});
