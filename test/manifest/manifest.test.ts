/** package.json is checked source: what it points at exists, and the README tells the truth about it. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  engines: Record<string, string>;
  scripts: Record<string, string>;
  contributes: { jsonValidation?: { url: string }[] };
  devDependencies: Record<string, string>;
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('the tollgate bin is the esbuild output of the CLI', () => {
  assert.equal(pkg.bin['tollgate'], 'server/out/cli.js');
  assert.match(readFileSync(join(ROOT, '.ci', 'build.mjs'), 'utf8'), /server\/src\/cli\/main\.ts/);
});

test('contributed JSON schemas exist and parse', () => {
  const urls = (pkg.contributes.jsonValidation ?? []).map((v) => v.url);
  assert.ok(urls.length > 0);
  for (const url of urls) {
    const p = join(ROOT, url);
    assert.ok(existsSync(p), url);
    assert.doesNotThrow(() => JSON.parse(readFileSync(p, 'utf8')));
  }
});

test('TypeScript is pinned to 5.x (npm latest is the Go compiler)', () => {
  assert.match(pkg.devDependencies['typescript'] ?? '', /^~?\^?5\./);
});

test('the README gives the two commands, they exist as scripts, and CI runs exactly the test command', () => {
  const main = 'npm ci && npm start';
  const tests = 'npm ci && npm run setup:e2e && npm test';
  assert.ok(readme.includes(main), main);
  assert.ok(readme.includes(tests), tests);
  assert.ok(pkg.scripts['start'] && pkg.scripts['setup:e2e'] && pkg.scripts['test'] && pkg.scripts['demo']);
  assert.match(readFileSync(join(ROOT, '.ci', 'run'), 'utf8'), /\nnpm ci --no-audit --no-fund && npm run setup:e2e && npm test\n/);
});

test('every npm script named in the README exists', () => {
  for (const m of readme.matchAll(/`npm run ([\w:-]+)`/g)) assert.ok(pkg.scripts[m[1]], `npm run ${m[1]}`);
});
