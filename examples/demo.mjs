// The main job of this release: the `tollgate` CLI gating every example run
// pair and checking the example workspace, the way a CI pipeline would. Prints each report, then a summary, and
// exits 1 if any verdict differs from the one the example was built to show.
//   npm run demo        (builds first)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, '..', 'server', 'out', 'cli.js');
const RUNS = join(HERE, 'runs');

const scenarios = [
  { name: 'a real improvement', expect: 'ALLOW', args: ['--baseline', 'allow/baseline.json', '--candidate', 'allow/candidate.json', '--min-delta', '0.01'] },
  { name: 'no improvement (a big, well-powered run)', expect: 'REJECT', args: ['--baseline', 'reject/baseline.json', '--candidate', 'reject/candidate.json', '--min-delta', '0.01'] },
  { name: 'too few items to tell', expect: 'INCONCLUSIVE', args: ['--baseline', 'inconclusive/baseline.json', '--candidate', 'inconclusive/candidate.json', '--min-delta', '0.01'] },
  { name: 'clustered items, ignoring the clusters (overconfident)', expect: 'ALLOW', args: ['--baseline', 'clustered/baseline.json', '--candidate', 'clustered/candidate.json', '--min-delta', '0.01'] },
  { name: 'clustered items, cluster bootstrap', expect: 'INCONCLUSIVE', args: ['--baseline', 'clustered/baseline.json', '--candidate', 'clustered/candidate.json', '--min-delta', '0.01', '--cluster', 'passage_id'] },
  { name: 'clustered items, cluster-robust t', expect: 'INCONCLUSIVE', args: ['--baseline', 'clustered/baseline.json', '--candidate', 'clustered/candidate.json', '--min-delta', '0.01', '--cluster', 'passage_id', '--method', 'cluster_robust'] },
  { name: 'a suite of three tasks (directories), one regresses', expect: 'REJECT', args: ['--baseline', 'suite/baseline', '--candidate', 'suite/candidate', '--min-delta', '0.01'] },
  { name: 'two metrics of an lm-eval run, Holm-corrected', expect: 'ALLOW', args: ['--baseline', 'lm-eval/samples_baseline.jsonl', '--candidate', 'lm-eval/samples_candidate.jsonl', '--task', 'mmlu', '--metric', 'acc', '--metric', 'exact_match', '--min-delta', '0.01'] },
];

const summary = [];
for (const s of scenarios) {
  const argv = ['gate', ...s.args];
  console.log(`\n$ tollgate ${argv.join(' ')}\n`);
  const res = spawnSync(process.execPath, [CLI, ...argv], { cwd: RUNS, encoding: 'utf8' });
  process.stdout.write(res.stdout);
  process.stderr.write(res.stderr);
  const verdict = /VERDICT: (\w+)/.exec(res.stdout)?.[1] ?? `exit ${res.status}`; // stdout is a pipe: no colour codes
  summary.push({ example: s.name, verdict, exit: res.status, expected: s.expect, ok: verdict === s.expect ? 'yes' : 'NO' });
}
// The same CLI checking the example workspace as CI would: manifests, the policy and its tests, eval configs.
const WORKSPACE = join(HERE, 'workspace');
const checks = [
  { name: 'check the example workspace (payments.yaml is unsafe on purpose)', argv: ['check', '.'], exit: 1, mustFind: ['TG-TKT-001', 'TG-IMG-003', 'TG-CAN-003', 'TG-CAN-004', 'TG-ANL-001', 'TG-EVAL-006'] },
  { name: 'run the release policy\'s own tests', argv: ['policy', 'test', 'policies/release-policy.yaml'], exit: 0, mustFind: ['3 passed, 0 failed'] },
];
for (const c of checks) {
  console.log(`\n$ tollgate ${c.argv.join(' ')}    # in examples/workspace\n`);
  const res = spawnSync(process.execPath, [CLI, ...c.argv], { cwd: WORKSPACE, encoding: 'utf8' });
  process.stdout.write(res.stdout);
  process.stderr.write(res.stderr);
  const missing = c.mustFind.filter((x) => !res.stdout.includes(x));
  const ok = res.status === c.exit && missing.length === 0;
  summary.push({ example: c.name, verdict: missing.length ? `missing ${missing.join(', ')}` : 'as expected', exit: res.status, expected: `exit ${c.exit}`, ok: ok ? 'yes' : 'NO' });
}

console.log('\nSummary');
console.table(summary);
process.exitCode = summary.every((r) => r.ok === 'yes') ? 0 : 1;
