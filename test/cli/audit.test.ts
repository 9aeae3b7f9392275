/** audit capture / verify through the built CLI: exit codes, files written, tamper detection, refusals. */
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { tollgate } from '../helpers/cli';
import { VECTORS } from '../helpers/golden';

/** A working directory with copies of two vectors' run files (tests rewrite them). */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-audit-'));
  for (const [vector, prefix] of [['shared_paired_t', ''], ['shared_perm_inconclusive', 'inc-']]) {
    for (const f of ['baseline.json', 'candidate.json']) copyFileSync(join(VECTORS, vector, f), join(dir, `${prefix}${f}`));
  }
  return dir;
}

const capture = (cwd: string, ...extra: string[]): ReturnType<typeof tollgate> =>
  tollgate(['audit', 'capture', '--baseline', 'baseline.json', '--candidate', 'candidate.json', '--min-delta', '0.01', '--method', 'paired_t', '--project', 'proj', '--root', 'ev', ...extra], { cwd });

/** One evidence directory for the read-only and tamper tests: R1 (ALLOW), R2 (INCONCLUSIVE), R1#2 (REJECT). */
const shared = (() => {
  let cwd: string | undefined;
  const runs: Record<string, ReturnType<typeof tollgate>> = {};
  return (): { cwd: string; runs: typeof runs } => {
    if (cwd !== undefined) return { cwd, runs };
    cwd = workspace();
    runs.r1 = capture(cwd, '--release-id', 'R1', '--change-ticket', 'CHG-7', '--approved-by', 'carol', '--output', 'json');
    runs.r2 = tollgate(['audit', 'capture', '--baseline', 'inc-baseline.json', '--candidate', 'inc-candidate.json', '--min-delta', '0.02', '--project', 'proj', '--root', 'ev', '--release-id', 'R2'], { cwd });
    runs.r1again = capture(cwd, '--release-id', 'R1', '--min-delta', '0.5');
    return { cwd, runs };
  };
})();

/** A copy of the shared evidence and run files to tamper with. */
function tamperable(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-tamper-'));
  cpSync(shared().cwd, dir, { recursive: true });
  return dir;
}

test('capture: gate output, exit code = verdict, runs stored, envelope written; verify passes', () => {
  const { cwd, runs } = shared();
  const r = runs.r1;
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { verdict: string }).verdict, 'ALLOW');
  assert.match(r.stderr, /audit envelope R1 \(sequence 1, ALLOW\) written to ev\/audit\/R1\/audit\.json/);
  const env = JSON.parse(readFileSync(join(cwd, 'ev/audit/R1/audit.json'), 'utf8')) as Record<string, unknown>;
  assert.deepEqual([env.verdict, env.exit_code, env.change_ticket, env.approved_by, env.release_id], ['ALLOW', 0, 'CHG-7', 'carol', 'R1']);
  assert.deepEqual((env.inputs as { path: string }[]).map((i) => i.path), ['baseline.json', 'candidate.json']);
  assert.equal((env.parameters as { method: string }).method, 'paired_t');
  assert.match(env.captured_at as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const manifest = JSON.parse(readFileSync(join(cwd, 'ev/proj/manifest.json'), 'utf8')) as { runs: { run_id: string; verdict: string | null; parent_run_id: string | null }[] };
  const stored = (env.runs as { role: string; run_id: string }[]).map((r) => manifest.runs.find((m) => m.run_id === r.run_id)!);
  // R1#2 re-stored the candidate with its REJECT; the baseline is stored once, with no verdict of its own.
  assert.deepEqual([stored[0].verdict, stored[1].verdict, stored[1].parent_run_id], [null, 'REJECT', stored[0].run_id]);
  // The sidecar links each gated candidate to its envelope, the last capture winning (R1#2 re-gated cand with min-delta 0.5).
  const lines = readFileSync(join(cwd, 'ev/proj/gates.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { run_id: string; min_delta: number; envelope_id: string | null; envelope_path: string | null });
  const last = lines.filter((l) => l.run_id === stored[1].run_id).at(-1);
  assert.deepEqual([last?.min_delta, last?.envelope_id, last?.envelope_path], [0.5, 'R1#2', 'audit/R1/audit-2.json']);
  assert.deepEqual(lines.map((l) => l.envelope_id), [null, 'R1', null, 'R2', null, 'R1#2'], 'gated (no envelope yet), then linked once the envelope is appended');
  assert.equal(runs.r2.status, 2, 'INCONCLUSIVE exits 2');
  const v = tollgate(['audit', 'verify', '--root', 'ev'], { cwd });
  assert.equal(v.status, 0, v.stdout);
  assert.match(v.stdout, /chain intact .* 3 record\(s\): 3 audit envelope\(s\), 0 release event\(s\); 6 input file\(s\) match/);
});

test('a second capture of a release is a new envelope; the first is never overwritten', () => {
  const { cwd, runs } = shared();
  assert.equal(runs.r1again.status, 1, 'REJECT with a higher bar');
  assert.equal((JSON.parse(readFileSync(join(cwd, 'ev/audit/R1/audit.json'), 'utf8')) as { verdict: string }).verdict, 'ALLOW');
  assert.deepEqual(readdirSync(join(cwd, 'ev/audit/R1')).sort(), ['audit-2.json', 'audit.json']);
  assert.match(runs.r1again.stderr, /envelope R1#2 \(sequence 3, REJECT\)/);
});

test('verify exits 1 naming the envelope and why: edited envelope, changed input', () => {
  const cwd = tamperable();
  writeFileSync(join(cwd, 'inc-candidate.json'), readFileSync(join(cwd, 'inc-candidate.json'), 'utf8').replace('}', ', "x": 1}'));
  const path = join(cwd, 'ev/audit/R1/audit.json');
  writeFileSync(path, readFileSync(path, 'utf8').replace('"captured_by":"', '"captured_by":"someone else, '));
  const v = tollgate(['audit', 'verify', '--root', 'ev'], { cwd });
  assert.equal(v.status, 1);
  assert.match(v.stdout, /chain BROKEN/);
  assert.match(v.stdout, /EDITED: audit\/R1\/audit\.json \(R1, sequence 1\): its content no longer matches its hash/);
  assert.match(v.stdout, /INPUT-CHANGED: inc-candidate\.json \(R2, sequence 2\): candidate run file changed since capture/);
  const json = JSON.parse(tollgate(['audit', 'verify', '--root', 'ev', '--output', 'json'], { cwd }).stdout) as { ok: boolean; problems: { reason: string }[] };
  assert.equal(json.ok, false);
  assert.deepEqual(json.problems.map((p) => p.reason).sort(), ['edited', 'input-changed']);
});

test('verify exits 1 for a deleted envelope and for a truncated chain', () => {
  const cwd = tamperable();
  rmSync(join(cwd, 'ev/audit/R2'), { recursive: true });
  const v = tollgate(['audit', 'verify', '--root', 'ev'], { cwd });
  assert.equal(v.status, 1);
  assert.match(v.stdout, /DELETED: \(missing record\) \(sequence 2\): sequence 2 is missing \(after R1, before R1#2\)/);
  rmSync(join(cwd, 'ev/audit/R1/audit-2.json'));
  assert.match(tollgate(['audit', 'verify', '--root', 'ev'], { cwd }).stdout, /TRUNCATED: ev\/chain\/head\.json: the head names sequence 3 \(R1#2\) but the chain ends at 1/);
});

test('refusals: traversal ids and reserved projects (64), missing inputs and evidence directories (65); nothing written', () => {
  const cwd = workspace();
  for (const id of ['../x', '/abs']) {
    const r = capture(cwd, '--release-id', id);
    assert.equal(r.status, 64, `${id}: ${r.stderr}`);
    assert.match(r.stderr, /--release-id '.*' is not allowed: /);
  }
  const reserved = tollgate(['audit', 'capture', '--baseline', 'baseline.json', '--candidate', 'candidate.json', '--min-delta', '0.01', '--project', 'audit', '--root', 'ev'], { cwd });
  assert.equal(reserved.status, 64);
  assert.match(reserved.stderr, /--project 'audit' is reserved/);
  const missing = tollgate(['audit', 'capture', '--baseline', 'nope.json', '--candidate', 'candidate.json', '--min-delta', '0.01', '--project', 'p', '--root', 'ev'], { cwd });
  assert.equal(missing.status, 65);
  assert.match(missing.stderr, /nope\.json: no such file/);
  assert.equal(existsSync(join(cwd, 'ev')), false, 'nothing was written');
  assert.equal(tollgate(['audit', 'verify', '--root', 'ev'], { cwd }).status, 65);
  assert.equal(tollgate(['audit', 'frobnicate'], { cwd }).status, 64);
  assert.equal(tollgate(['audit', 'capture', '--root', 'ev'], { cwd }).status, 64);
});

test('capture signs the envelope with the configured command', () => {
  const cwd = workspace();
  const signer = JSON.stringify([process.execPath, '-e', "require('fs').writeFileSync(process.argv[2], 'signed ' + process.argv[1])", '{file}', '{sig}']);
  const r = capture(cwd, '--release-id', 'S1', '--sign-command', signer);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(cwd, 'ev/audit/S1/audit.json.sig'), 'utf8'), 'signed ev/audit/S1/audit.json');
  const bad = capture(cwd, '--release-id', 'S2', '--sign-command', '["cosign"]');
  assert.equal(bad.status, 64, 'a sign command without {file} is refused before anything runs');
  assert.equal(tollgate(['audit', 'verify', '--root', 'ev'], { cwd }).status, 0, 'signatures do not disturb the chain');
});
