/** compare, mde, doctor, version, help and family gates through the real CLI. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, tollgate } from '../helpers/cli';
import { VECTORS } from '../helpers/golden';

const pairedT = join(VECTORS, 'shared_paired_t');
const examples = join(ROOT, 'examples', 'runs');

test('mde prints EVALSIG text (spec §6 example)', () => {
  const r = tollgate(['mde', '--sd-diff', '0.3', '--n-pairs', '1000', '--one-sided']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, 'MDE = 0.0236\n  alpha=0.05, power=0.8, sd_diff=0.3, n=1000\n');
  const n = tollgate(['mde', '--sd-diff', '0.3', '--target-delta', '0.01', '--one-sided']);
  assert.equal(n.stdout, 'required N = 5,565 paired items to detect delta=0.0100\n  at alpha=0.05, power=0.8, sd_diff=0.3, icc=0.0, mean_cluster_size=1.0\n');
  const c = tollgate(['mde', '--sd-diff', '0.3', '--n-pairs', '1000', '--n-clusters', '100', '--icc', '0.2']);
  assert.match(c.stdout, /\n {2}design effect = 2\.800 \(icc=0\.2, clusters=100\)\n$/);
  assert.equal(tollgate(['mde', '--sd-diff', '0.3', '--target-delta', '0']).status, 64);
});

test('compare is two-sided by default and exits 0; its p is twice the one-sided gate p for paired t', () => {
  const args = ['--baseline', 'baseline.json', '--candidate', 'candidate.json', '--method', 'paired_t', '--output', 'json'];
  const cmp = tollgate(['compare', ...args], { cwd: pairedT });
  assert.equal(cmp.status, 0);
  const c = JSON.parse(cmp.stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(c), ['delta', 'ci', 'ci_level', 'p_value', 'significant', 'n_pairs', 'n_clusters', 'method', 'mde', 'notes']);
  const g = JSON.parse(tollgate(['gate', ...args, '--min-delta', '0.01'], { cwd: pairedT }).stdout) as { comparison: { p_value: number } };
  assert.ok(Math.abs((c['p_value'] as number) - 2 * g.comparison.p_value) < 1e-15);
  const tty = tollgate(['compare', '--baseline', 'baseline.json', '--candidate', 'candidate.json'], { cwd: pairedT });
  assert.match(tty.stdout, /^EVALSIG comparison\n==================\ndelta: {7}\+0\.0436\nCI \(95%\): {4}\[\+\d\.\d{4}, \+\d\.\d{4}\]\n/);
});

test('doctor reports OK and FAIL lines with positions, exit 65 on failure', () => {
  const ok = tollgate(['doctor', 'baseline.json', 'candidate.json'], { cwd: pairedT });
  assert.equal(ok.status, 0);
  assert.match(ok.stdout, /^ {2}OK {3}baseline\.json {2}\(n=100, model=\S+, task=\S+\)\n/);
  assert.match(ok.stdout, /\nAll 2 file\(s\) validate cleanly\.\n$/);
  const bad = tollgate(['doctor', 'baseline.json', 'candidate.json', 'missing.json'], { cwd: join(VECTORS, 'shared_schema_empty_items') });
  assert.equal(bad.status, 65);
  assert.match(bad.stdout, /^ {2}FAIL baseline\.json {2}-- 'items' must be a non-empty array \(line 6, column 12\)\n {2}OK {3}candidate\.json/);
  assert.match(bad.stdout, / {2}FAIL missing\.json {2}-- no such file\n/);
  assert.match(bad.stdout, /\n2 file\(s\) failed validation\.\n$/);
});

test('version and help', () => {
  assert.match(tollgate(['--version']).stdout, /^tollgate \d+\.\d+\.\d+\n$/);
  assert.equal(tollgate(['version']).stdout, tollgate(['--version']).stdout);
  const h = tollgate(['gate', '--help']);
  assert.equal(h.status, 0);
  assert.match(h.stdout, /^usage: tollgate gate \[-h\] --baseline PATH --candidate PATH .*--min-delta X/);
  assert.match(tollgate(['--help']).stdout, /commands:\n {2}gate/);
});

test('several metrics form one Holm-corrected family', () => {
  const dir = join(examples, 'lm-eval');
  const r = tollgate(['gate', '--baseline', 'samples_baseline.jsonl', '--candidate', 'samples_candidate.jsonl', '--metric', 'acc', '--metric', 'exact_match', '--min-delta', '0.01', '--output', 'json'], { cwd: dir });
  const f = JSON.parse(r.stdout) as {
    verdict: string; exit_code: number; correction: string; family_size: number;
    gates: { label: string; p_adjusted: number; report: { verdict: string; comparison: { p_value: number; ci_level: number } } }[];
  };
  assert.equal(r.status, f.exit_code);
  assert.equal(f.correction, 'holm');
  assert.equal(f.family_size, 2);
  assert.deepEqual(f.gates.map((g) => g.label), ['task/acc', 'task/exact_match']);
  const p = f.gates.map((g) => g.report.comparison.p_value);
  const [lo, hi] = p[0] <= p[1] ? [0, 1] : [1, 0];
  assert.equal(f.gates[lo].p_adjusted, Math.min(1, 2 * p[lo]));
  assert.equal(f.gates[hi].p_adjusted, Math.max(Math.min(1, 2 * p[lo]), p[hi]));
  for (const g of f.gates) assert.equal(g.report.comparison.ci_level, 1 - 0.05 / 2);
  const tty = tollgate(['gate', '--baseline', 'samples_baseline.jsonl', '--candidate', 'samples_candidate.jsonl', '--metric', 'acc', '--metric', 'exact_match', '--min-delta', '0.01'], { cwd: dir });
  assert.match(tty.stdout, /^Tollgate release gate: 2 comparisons, Holm-corrected at alpha=0\.0500\n/);
  assert.match(tty.stdout, /\nVERDICT: (ALLOW|REJECT|INCONCLUSIVE)\n/);
});

test('several --metric values on RunFrame files are a usage error', () => {
  const r = tollgate(['gate', '--baseline', 'baseline.json', '--candidate', 'candidate.json', '--metric', 'a', '--metric', 'b', '--min-delta', '0.01'], { cwd: pairedT });
  assert.equal(r.status, 64);
  assert.match(r.stderr, /several --metric values need a format with several metrics per record/);
});

test('directories are paired by file name and gated as one family', () => {
  const r = tollgate(['gate', '--baseline', 'suite/baseline', '--candidate', 'suite/candidate', '--min-delta', '0.01', '--output', 'json'], { cwd: examples });
  const f = JSON.parse(r.stdout) as { verdict: string; family_size: number; gates: { label: string; report: { verdict: string } }[] };
  assert.equal(f.family_size, 3);
  assert.deepEqual(f.gates.map((g) => g.label), ['refusals/rubric_score', 'summaries/rubric_score', 'triage/rubric_score']);
  assert.equal(f.verdict, 'REJECT', 'one regressing task blocks the release');
  assert.equal(r.status, 1);
});

test('unmatched run directories are a data error that lists the strays', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-suite-'));
  for (const side of ['b', 'c']) mkdirSync(join(dir, side));
  copyFileSync(join(pairedT, 'baseline.json'), join(dir, 'b', 'x.json'));
  copyFileSync(join(pairedT, 'candidate.json'), join(dir, 'c', 'y.json'));
  const r = tollgate(['gate', '--baseline', join(dir, 'b'), '--candidate', join(dir, 'c'), '--min-delta', '0.01']);
  assert.equal(r.status, 65);
  assert.match(r.stderr, /run directories do not match: only in .*b: x\.json; only in .*c: y\.json/);
  const mixed = tollgate(['gate', '--baseline', join(dir, 'b'), '--candidate', join(pairedT, 'candidate.json'), '--min-delta', '0.01']);
  assert.match(mixed.stderr, /must both be files or both be directories/);
});
