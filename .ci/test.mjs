// Runs node's test runner over test/**/*.test.ts (TypeScript loaded by tsx).
// Usage: node .ci/test.mjs [folder-under-test ...]   e.g. `node .ci/test.mjs unit cli`
// Node 20's --test does not expand globs itself, so the file list is built here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2);
const dirs = roots.length ? roots.map((r) => join('test', r)) : ['test'];
const skip = new Set(['fixtures', 'node_modules', '.tmp']);

function collect(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!skip.has(name)) collect(p, out);
    } else if (name.endsWith('.test.ts')) {
      out.push(p);
    }
  }
  return out;
}

const files = dirs.flatMap((d) => collect(d, []));
if (files.length === 0) {
  console.error(`no test files under ${dirs.join(', ')}`);
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...files];
const res = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(res.status ?? 1);
