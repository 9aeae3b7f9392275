/**
 * Bad input never crashes: a clear message naming the file (and where in it),
 * exit 65 for data, 64 for usage; never a stack trace.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { tollgate } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'tollgate-bad-'));
const head = '"run_id": "r", "model_id": "m", "task_id": "t", "metric_name": "acc"';
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const good = file('good.json', `{${head}, "items": [{"item_id": "a", "score": 1}, {"item_id": "b", "score": 0}, {"item_id": "c", "score": 1}]}`);

function gateWith(candidate: string, extra: string[] = []) {
  return tollgate(['gate', '--baseline', good, '--candidate', candidate, '--min-delta', '0.01', ...extra]);
}

function assertDataError(r: ReturnType<typeof tollgate>, pattern: RegExp): void {
  assert.equal(r.status, 65, r.stderr);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at |internal error/);
  assert.equal(r.stdout, '');
}

test('missing file', () => {
  assertDataError(gateWith(join(dir, 'nope.json')), /^tollgate: data error: .*nope\.json: no such file\n$/);
});

test('invalid JSON names the line and column', () => {
  const bad = file('bad.json', `{${head},\n  "items": [\n    {"item_id": "a" "score": 1}\n  ]\n}`);
  assertDataError(gateWith(bad), /bad\.json:3:21: invalid JSON: expecting ',' delimiter/);
});

test('schema errors', () => {
  assertDataError(gateWith(file('noid.json', `{${head}, "items": [{"score": 1}]}`)), /noid\.json:\d+:\d+: item\[0\] missing item_id or score/);
  assertDataError(gateWith(file('nomodel.json', '{"run_id": "r", "items": []}')), /nomodel\.json:1:1: missing required field: model_id/);
  assertDataError(gateWith(file('strscore.json', `{${head}, "items": [{"item_id": "a", "score": "1"}]}`)), /item\[0\]\.score must be a number, got str/);
});

test('NaN scores', () => {
  assertDataError(gateWith(file('nan.json', `{${head}, "items": [{"item_id": "a", "score": NaN}]}`)), /nan\.json:1:\d+: item\[0\]\.score must be a finite number, got nan/);
});

test('duplicate ids', () => {
  assertDataError(gateWith(file('dup.json', `{${head}, "items": [{"item_id": "a", "score": 1}, {"item_id": "a", "score": 0}]}`)), /dup\.json:\d+:\d+: duplicate item_id 'a'/);
});

test('no overlap names both files', () => {
  const other = file('other.json', `{${head}, "items": [{"item_id": "z", "score": 1}]}`);
  assertDataError(gateWith(other), /no overlapping item_ids between the two runs \(baseline .*good\.json, candidate .*other\.json\)/);
});

test('a directory instead of a file', () => {
  assertDataError(gateWith(dir), /--baseline .*good\.json and --candidate .* must both be files or both be directories/);
  const r = tollgate(['doctor', dir]);
  assert.equal(r.status, 65);
  assert.match(r.stdout, /FAIL .* -- is a directory, not a file/);
});

test('McNemar on continuous scores is refused, not truncated', () => {
  const cont = file('cont.json', `{${head}, "items": [{"item_id": "a", "score": 0.7}, {"item_id": "b", "score": 0}, {"item_id": "c", "score": 1}]}`);
  assertDataError(gateWith(cont, ['--method', 'mcnemar']), /McNemar requires binary \{0,1\} scores/);
});

test('usage errors exit 64, never 2 (which means INCONCLUSIVE)', () => {
  const cases: [string[], RegExp][] = [
    [['gate', '--baseline', good, '--candidate', good], /the following arguments are required: --min-delta/],
    [['gate', '--baseline', good, '--candidate', good, '--min-delta', 'x'], /invalid float value: 'x'/],
    [['gate', '--baseline', good, '--candidate', good, '--min-delta', '0.1', '--method', 'magic'], /invalid choice: 'magic'/],
    [['gate', '--baseline', good, '--candidate', good, '--min-delta', '0.1', '--alpha', '1.5'], /--alpha must be between 0 and 1/],
    [['gate', '--baseline', good, '--candidate', good, '--min-delta', '0.1', '--resamples', '0'], /--resamples must be an integer from 1 to 10,000,000/],
    [['gate', '--baseline', good, '--candidate', good, '--min-delta', '0.1', '--resamples', '1000000000'], /--resamples must be an integer from 1 to 10,000,000/],
    [['gate', '--baseline', good, '--candidate', good, '--min-delta', '0.1', '--seed', '-1'], /--seed must be a non-negative integer/],
    [['gate', '--baseline', good, '--candidate', good, '--min-delta', '0.1', '--bogus'], /unrecognized argument: --bogus/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [[], /a command is required/],
  ];
  for (const [args, pattern] of cases) {
    const r = tollgate(args);
    assert.equal(r.status, 64, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.match(r.stderr, /usage: tollgate/);
  }
});

test('argparse conveniences: unique prefixes, --opt=value, negative values', () => {
  // `--base` alone would be ambiguous (--baseline, --baseline-model), exactly as argparse says.
  const r = tollgate(['gate', '--baseline', good, '--candidate', good, '--min-d=-0.5', '--out', 'json', '--two']);
  assert.match(tollgate(['gate', '--base', good, '--candidate', good, '--min-delta', '1']).stderr, /ambiguous option: --base could match --baseline, --baseline-model/);
  assert.equal(r.status, 2, r.stderr); // identical runs: not significant and MDE 0 > −0.5 → INCONCLUSIVE (EVALSIG's rule)
  const report = JSON.parse(r.stdout) as { min_delta: number; suggestion: string; comparison: { ci: unknown[] } };
  assert.equal(report.min_delta, -0.5);
  assert.deepEqual(report.comparison.ci, [0, 0]); // two-sided (--two): both bounds finite
  assert.doesNotMatch(report.suggestion, /~-/, 'never a negative item count');
});

test('min_delta = 0 no longer crashes (EVALSIG exit 70)', () => {
  const cand = file('cand.json', `{${head}, "items": [{"item_id": "a", "score": 0.9}, {"item_id": "b", "score": 0.1}, {"item_id": "c", "score": 0.8}]}`);
  const r = tollgate(['gate', '--baseline', good, '--candidate', cand, '--min-delta', '0']);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stdout, /VERDICT: INCONCLUSIVE\nSuggestion: underpowered: .* no finite number of paired items can detect an effect of zero or less/);
});
