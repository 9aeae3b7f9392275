/**
 * The `tollgate check` and `tollgate policy test` contract: output formats,
 * 1-based positions, exit codes (1 on error findings, 0 otherwise, 65 for an
 * unreadable input, 64 for usage), stdin, and policy composition.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, tollgate } from '../helpers/cli';

const ROLLOUT_NO_STRATEGY = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  strategy: {}\n';
const POLICY_DEMOTE = 'apiVersion: tollgate.dev/v1\nkind: ReleasePolicy\nmetadata: {name: lenient}\nspec:\n  rules:\n    - {rule: "*", severity: warning}\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-check-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('text output is file:line:col: severity ruleId message, then a summary; exit 1 on errors', () => {
  const dir = workspace({ 'deploy/web.yaml': ROLLOUT_NO_STRATEGY, 'node_modules/x/bad.yaml': ROLLOUT_NO_STRATEGY, 'notes.txt': 'x' });
  const r = tollgate(['check', dir]);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.includes(`${join(dir, 'deploy/web.yaml')}:6:3: error TG-ARGO-A9 ${lines.find((l) => l.includes('TG-ARGO-A9'))?.split('TG-ARGO-A9 ')[1]}`));
  assert.ok(lines.every((l, i) => i === lines.length - 1 || /^.+:\d+:\d+: (error|warning|info) TG-[A-Z]+-[A-Z0-9]+ \S/.test(l)), r.stdout);
  assert.ok(!r.stdout.includes('node_modules'), 'dependency folders are not walked');
  assert.match(lines.at(-1) ?? '', /^\d+ errors?, \d+ warnings?, \d+ infos? in 1 file$/);
});

test('--format json gives 1-based ranges for every finding; a policy that demotes everything exits 0', () => {
  const dir = workspace({ 'web.yaml': ROLLOUT_NO_STRATEGY, 'policy.yaml': POLICY_DEMOTE });
  const r = tollgate(['check', '--format', 'json', dir]);
  assert.equal(r.status, 0, r.stdout);
  const rows = JSON.parse(r.stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string; severity: string; message: string }[];
  const a9 = rows.find((x) => x.ruleId === 'TG-ARGO-A9');
  assert.deepEqual(a9 && [a9.line, a9.column, a9.endLine, a9.endColumn, a9.severity], [6, 3, 6, 11, 'warning']);
  assert.ok(rows.every((x) => Object.keys(x).join() === 'file,line,column,endLine,endColumn,ruleId,severity,message'));
  const strict = tollgate(['check', '--format', 'json', '--policy', join(dir, 'policy.yaml'), join(dir, 'web.yaml')]);
  assert.equal(strict.status, 0, 'an explicit --policy applies too');
});

test('--format sarif is a SARIF 2.1.0 log with rule metadata', () => {
  const dir = workspace({ 'web.yaml': ROLLOUT_NO_STRATEGY });
  const r = tollgate(['check', '--format', 'sarif', dir]);
  const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  const res = run.results.find((x) => x.ruleId === 'TG-ARGO-A9');
  assert.equal(res?.level, 'error');
  assert.equal(res?.locations[0]?.physicalLocation.region.startLine, 6);
  assert.match(run.tool.driver.rules.find((x) => x.id === 'TG-ARGO-A9')?.helpUri ?? '', /README\.md#tg-argo-a9$/);
});

test('stdin with -, unreadable inputs exit 65, bad flags exit 64', () => {
  const piped = spawnSync(process.execPath, [CLI, 'check', '-'], { input: ROLLOUT_NO_STRATEGY, encoding: 'utf8' });
  assert.equal(piped.status, 1);
  assert.match(piped.stdout, /^<stdin>\.yaml:6:3: error TG-ARGO-A9 /m);
  const missing = tollgate(['check', '/nonexistent/tollgate']);
  assert.equal(missing.status, 65);
  assert.match(missing.stderr, /\/nonexistent\/tollgate: no such file or directory/);
  assert.equal(tollgate(['check', '--format', 'xml', '.']).status, 64);
});

test('malformed input never crashes the checker: broken YAML and JSON become findings', () => {
  const dir = workspace({ 'a.yaml': 'kind: Rollout\napiVersion: argoproj.io/v1alpha1\nspec: [\n', 'b.runframe.json': '{"run_id": "r", "items": [', 'c.yaml': '\t- : : {' });
  const r = tollgate(['check', '--format', 'json', dir]);
  assert.equal(r.status, 1, r.stderr);
  const ids = (JSON.parse(r.stdout) as { ruleId: string; file: string }[]).map((x) => `${x.file.slice(dir.length + 1)} ${x.ruleId}`);
  assert.ok(ids.includes('a.yaml TG-DOC-001') && ids.includes('b.runframe.json TG-RUN-001') && ids.includes('c.yaml TG-DOC-001'), ids.join('\n'));
});

test('tollgate policy test runs policy tests: PASS/FAIL lines and exit code', () => {
  const pol = (expect: string) => `apiVersion: tollgate.dev/v1\nkind: ReleasePolicy\nmetadata: {name: t}\nspec:\n  tests:\n    - name: strategy required\n      file: cases/web.yaml\n      expect: {${expect}}\n`;
  const dir = workspace({ 'ok.yaml': pol('fire: [TG-ARGO-A9]'), 'bad.yaml': pol('notFire: [TG-ARGO-A9]'), 'cases/web.yaml': ROLLOUT_NO_STRATEGY });
  const ok = tollgate(['policy', 'test', join(dir, 'ok.yaml')]);
  assert.equal(ok.status, 0, ok.stdout);
  assert.match(ok.stdout, /PASS .*ok\.yaml: strategy required\n1 passed, 0 failed/);
  const bad = tollgate(['policy', 'test', join(dir, 'bad.yaml')]);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /FAIL .*bad\.yaml: policy test 'strategy required' failed: expected TG-ARGO-A9 not to fire/);
  assert.equal(tollgate(['policy', 'run']).status, 64);
});

test('--evidence: a ticket already released for another service fires TG-TKT-003 (and nothing without it)', () => {
  const dir = workspace({});
  const evidence = join(dir, 'evidence');
  const digest = `sha256:${'b'.repeat(64)}`;
  const rec = tollgate(['release', 'record', '--service', 'billing', '--env', 'prod', '--image', `ghcr.io/acme/billing@${digest}`, '--git-sha', 'abcdef1', '--change-ticket', 'CHG-1001', '--approved-by', 'alice', '--root', evidence]);
  assert.equal(rec.status, 0, rec.stderr);
  const manifest = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments\n  namespace: prod\n  annotations:\n    change.ticket/id: CHG-1001\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "ghcr.io/acme/payments:1.0"}]\n';
  writeFileSync(join(dir, 'payments.yaml'), manifest);
  const withEvidence = tollgate(['check', '--evidence', evidence, join(dir, 'payments.yaml')]);
  assert.match(withEvidence.stdout, /:7:23: warning TG-TKT-003 change ticket 'CHG-1001' was already used by release \S+ of service 'billing' to prod/);
  assert.doesNotMatch(tollgate(['check', join(dir, 'payments.yaml')]).stdout, /TG-TKT-003/);
  const missing = tollgate(['check', '--evidence', join(dir, 'nope'), join(dir, 'payments.yaml')]);
  assert.equal(missing.status, 65, 'a mistyped --evidence is a data error, not a silently skipped check');
  assert.match(missing.stderr, /nope: evidence directory does not exist/);
});
