/** release record / last-good and trace through the built CLI, with a real git repository for separation of duties. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { captureEnvelope } from '../../server/src/core/evidence';
import type { Verdict } from '../../server/src/core/gate/verdict';
import { sha256Hex } from '../../server/src/node/file-hash';
import { nodeFileSystem } from '../../server/src/node/node-file-system';
import { tollgate } from '../helpers/cli';

const D = (c: string): string => `sha256:${c.repeat(64)}`;

/** A git repository with one commit by alice, and an evidence directory holding envelopes G1 (ALLOW) and G2 (REJECT). */
async function setup(): Promise<{ cwd: string; sha: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'tollgate-release-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  git('init', '-q');
  writeFileSync(join(cwd, 'app.txt'), 'v1');
  git('add', 'app.txt');
  git('-c', 'user.email=alice@example.com', '-c', 'user.name=Alice', 'commit', '-q', '-m', 'change');
  const sha = git('rev-parse', 'HEAD');
  const ctx = { fs: nodeFileSystem(), clock: { now: () => new Date('2026-05-17T09:00:00Z') }, sha256: sha256Hex };
  for (const [id, verdict] of [['G1', 'ALLOW'], ['G2', 'REJECT']] as [string, Verdict][]) {
    await captureEnvelope(ctx, join(cwd, 'ev'), {
      releaseId: id, verdict, exitCode: verdict === 'ALLOW' ? 0 : 1, report: { verdict }, inputs: [], parameters: {}, runs: [],
      tool: { name: 'tollgate', version: 'test' }, gitCommit: sha, capturedBy: 'ci', changeTicket: 'CHG-1',
    });
  }
  return { cwd, sha };
}

const record = (cwd: string, sha: string, ...extra: string[]): ReturnType<typeof tollgate> =>
  tollgate(['release', 'record', '--service', 'pay', '--env', 'prod', '--git-sha', sha, '--change-ticket', 'CHG-1', '--root', 'ev', ...extra], { cwd });

test('release record, last-good and trace', async () => {
  const { cwd, sha } = await setup();
  const self = record(cwd, sha, '--image', `reg/pay@${D('1')}`, '--approved-by', 'alice@example.com', '--tier', '2', '--evidence', 'G1');
  assert.equal(self.status, 77, self.stderr);
  assert.match(self.stderr, /refused: separation of duties: alice@example\.com approved commit .* which Alice <alice@example\.com> wrote/);
  assert.equal(existsSync(join(cwd, 'ev/releases')), false, 'nothing recorded');

  const ok = record(cwd, sha, '--image', `reg/pay@${D('1')}`, '--approved-by', 'bob', '--require-separation', '--evidence', 'G1', '--deployed-at', '2026-05-17T10:00:00+02:00');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /release event release-00000003 \(sequence 3\): pay to prod, sha256:1{64}/);
  const bad = record(cwd, sha, '--image', `reg/pay@${D('2')}`, '--approved-by', 'bob', '--evidence', 'G2', '--output', 'json');
  assert.equal((JSON.parse(bad.stdout) as { deployed_at: string; evidence: { verdict: string }[] }).evidence[0].verdict, 'REJECT');

  const lastGood = tollgate(['release', 'last-good', '--service', 'pay', '--env', 'prod', '--root', 'ev'], { cwd });
  assert.equal(lastGood.status, 0, lastGood.stderr);
  assert.match(lastGood.stdout, new RegExp(`^${D('1')}  reg/pay@${D('1')}  \\(release-00000003, deployed 2026-05-17T08:00:00.000Z`));
  assert.equal(tollgate(['release', 'last-good', '--service', 'pay', '--env', 'dev', '--root', 'ev'], { cwd }).status, 1);

  const trace = tollgate(['trace', sha.slice(0, 8), '--root', 'ev'], { cwd });
  assert.equal(trace.status, 0, trace.stderr);
  assert.match(trace.stdout, new RegExp(`commit ${sha}\\n  artifact ${D('1')}  \\(reg/pay@${D('1')}\\)\\n    deployed pay to prod at 2026-05-17T08:00:00.000Z \\(release-00000003\\): ticket CHG-1, approved by bob \\(separation of duties checked, author alice@example.com\\)\\n      evidence G1: ALLOW`));
  const json = JSON.parse(tollgate(['trace', D('2'), '--root', 'ev', '--output', 'json'], { cwd }).stdout) as { matched_as: string[]; chain_intact: boolean; environments: string[] };
  assert.deepEqual([json.matched_as, json.chain_intact, json.environments], [['digest'], true, ['prod']]);
  assert.equal(tollgate(['trace', 'CHG-404', '--root', 'ev'], { cwd }).status, 1);
  assert.equal(tollgate(['audit', 'verify', '--root', 'ev'], { cwd }).status, 0);
});

test('release record refuses tags without a digest and unknown evidence', async () => {
  const { cwd, sha } = await setup();
  const tag = record(cwd, sha, '--image', 'reg/pay:1.0', '--approved-by', 'bob');
  assert.equal(tag.status, 64);
  assert.match(tag.stderr, /must be pinned by digest/);
  const unknown = record(cwd, sha, '--image', `reg/pay@${D('1')}`, '--approved-by', 'bob', '--evidence', 'nope');
  assert.equal(unknown.status, 65);
  assert.match(unknown.stderr, /--evidence nope: no audit envelope/);
});
