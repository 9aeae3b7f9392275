// npm run bench: every benchmark, one after the other (each prints its own table and budgets);
// exits non-zero if any of them reports a budget missed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const scripts = ['run.mjs', 'evidence.mjs', 'history.mjs', 'lsp.mjs'];
let failed = [];
for (const s of scripts) {
  console.log(`\n=== bench/${s} ===`);
  const res = spawnSync(process.execPath, [join(import.meta.dirname, s), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (res.status !== 0) failed.push(s);
}
if (failed.length) console.log(`\nbudgets missed in: ${failed.join(', ')}`);
process.exitCode = failed.length ? 1 : 0;
