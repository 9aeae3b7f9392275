/** Release events: digest pinning, separation of duties, last-known-good and trace. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataError, UsageError } from '../../../server/src/core/errors';
import {
  chainRecords, type GitPort, isSameIdentity, lastKnownGood, loadChain, parseImage, recordRelease, type ReleaseRequest, SeparationOfDutiesError, traceQuery, traceToText,
} from '../../../server/src/core/evidence';
import { capture, fixture, type Fixture, release, ROOT, TOOL } from './chain-fixture';

const D = (c: string): string => `sha256:${c.repeat(64)}`;
const gitWith = (email: string, name = 'Alice'): GitPort => ({ headCommit: () => Promise.resolve(undefined), commitAuthor: () => Promise.resolve({ email, name }) });
const request = (o: Partial<ReleaseRequest> = {}): ReleaseRequest => ({
  service: 'pay', env: 'prod', image: `reg/pay@${D('1')}`, gitSha: 'a'.repeat(40), changeTicket: 'CHG-1', approvedBy: 'bob@example.com',
  evidence: [], recordedBy: 'ci', requireSeparation: true, tool: TOOL, ...o,
});

test('images must be pinned by digest', () => {
  assert.deepEqual(parseImage(`reg.example:5000/team/pay:1.2@${D('a')}`), { image: `reg.example:5000/team/pay:1.2@${D('a')}`, digest: D('a') });
  for (const bad of ['reg/pay:1.2', 'reg/pay@sha256:abc', `reg/pay@sha256:${'A'.repeat(64)}`, `@${D('a')}`]) {
    assert.throws(() => parseImage(bad), UsageError, bad);
  }
});

test('tier 2: the commit author may not approve their own release', async () => {
  const f = fixture();
  for (const approver of ['alice@example.com', 'ALICE@example.com', 'alice', 'Alice']) {
    await assert.rejects(recordRelease(f.ctx, ROOT, request({ approvedBy: approver }), gitWith('alice@example.com')), SeparationOfDutiesError, approver);
  }
  assert.equal(f.fs.files.size, 0, 'nothing was recorded');
  const { record } = await recordRelease(f.ctx, ROOT, request(), gitWith('alice@example.com'));
  assert.deepEqual([record.commit_author, record.separation_of_duties], ['alice@example.com', true]);
});

test('tier 2 refuses when git does not know the commit; without tier 2 the author is only recorded', async () => {
  const f = fixture();
  const noCommit: GitPort = { headCommit: () => Promise.resolve(undefined), commitAuthor: () => Promise.resolve(undefined) };
  await assert.rejects(recordRelease(f.ctx, ROOT, request(), noCommit), /cannot be checked: git does not know commit/);
  const { record } = await recordRelease(f.ctx, ROOT, request({ requireSeparation: false, approvedBy: 'alice' }), gitWith('alice@example.com'));
  assert.deepEqual([record.separation_of_duties, record.commit_author], [false, 'alice@example.com']);
});

test('identity comparison: e-mail, name, or bare user name against the e-mail local part', () => {
  const author = { email: 'Alice.Smith@example.com', name: 'Alice Smith' };
  assert.equal(isSameIdentity('alice.smith', author), true);
  assert.equal(isSameIdentity('alice smith', author), true);
  assert.equal(isSameIdentity('alice.smith@other.org', author), false);
  assert.equal(isSameIdentity('bob', author), false);
});

test('cited evidence must exist; the event pins its hash and verdict', async () => {
  const f = fixture();
  const env = await capture(f, 'R1');
  await assert.rejects(release(f, { evidence: ['nope'] }), (e: unknown) => e instanceof DataError && /--evidence nope: no audit envelope/.test(e.message));
  const ev = await release(f, { evidence: ['R1'] });
  assert.deepEqual(ev.kind === 'release' && ev.evidence, [{ id: 'R1', hash: env.hash, verdict: 'ALLOW' }]);
});

test('bad fields are usage errors', async () => {
  const f = fixture();
  await assert.rejects(recordRelease(f.ctx, ROOT, request({ gitSha: 'main' })), /--git-sha 'main' is not a commit hash/);
  await assert.rejects(recordRelease(f.ctx, ROOT, request({ deployedAt: 'yesterday' })), /--deployed-at 'yesterday'/);
  await assert.rejects(recordRelease(f.ctx, ROOT, request({ changeTicket: ' ' })), /--change-ticket '' is not allowed: it is empty/);
});

async function history(): Promise<Fixture> {
  const f = fixture();
  await capture(f, 'G1', 'ALLOW', { commit: '1'.repeat(40), ticket: 'CHG-1' });
  await release(f, { digit: '1', sha: '1'.repeat(40), ticket: 'CHG-1', evidence: ['G1'] }); // good
  await capture(f, 'G2', 'REJECT', { commit: '2'.repeat(40), ticket: 'CHG-2' });
  await release(f, { digit: '2', sha: '2'.repeat(40), ticket: 'CHG-2', evidence: ['G2'] }); // gated REJECT: not good
  await capture(f, 'G3', 'ALLOW', { commit: '3'.repeat(40), ticket: 'CHG-3' });
  await release(f, { digit: '3', sha: '3'.repeat(40), ticket: 'CHG-3', evidence: ['G3'] }); // ALLOW, but rolled back below
  await release(f, { digit: '1', sha: '1'.repeat(40), ticket: 'CHG-4' }); // rollback to digest 1 (no evidence of its own)
  await release(f, { env: 'staging', digit: '3', sha: '3'.repeat(40), ticket: 'CHG-3', evidence: ['G3'], approver: 'carol' });
  return f;
}

test('last-known-good: newest event with only ALLOW evidence that was not rolled back', async () => {
  const f = await history();
  const records = chainRecords(await loadChain(f.ctx, ROOT));
  const prod = lastKnownGood(records, 'pay', 'prod');
  assert.equal(prod?.event.image_digest, D('1'));
  assert.deepEqual(prod?.rolledBack, ['release-00000004', 'release-00000006']);
  assert.equal(lastKnownGood(records, 'pay', 'staging')?.event.image_digest, D('3'));
  assert.equal(lastKnownGood(records, 'pay', 'dev'), undefined);
});

test('trace by digest, commit prefix and ticket: commit → artifact → deployments → approvals → evidence', async () => {
  const f = await history();
  const records = chainRecords(await loadChain(f.ctx, ROOT));
  const byDigest = traceQuery(records, `reg/pay@${D('3')}`);
  assert.deepEqual(byDigest.matched_as, ['digest']);
  assert.deepEqual(byDigest.environments, ['prod', 'staging']);
  assert.deepEqual(byDigest.approvals.map((a) => a.approved_by), ['bob@example.com', 'carol']);
  const deployments = byDigest.commits[0].artifacts[0].deployments;
  assert.deepEqual(deployments.map((d) => [d.env, d.evidence.map((e) => `${e.id}:${e.verdict}:${e.intact}`)]), [['prod', ['G3:ALLOW:true']], ['staging', ['G3:ALLOW:true']]]);
  const bySha = traceQuery(records, '1111111');
  assert.deepEqual(bySha.matched_as, ['git-sha']);
  assert.deepEqual(bySha.commits[0].artifacts[0].deployments.map((d) => d.change_ticket), ['CHG-1', 'CHG-4']);
  const byTicket = traceQuery(records, 'CHG-2');
  assert.deepEqual(byTicket.commits.map((c) => c.git_sha), ['2'.repeat(40)]);
  assert.match(traceToText(byTicket, true), /deployed pay to prod at .* ticket CHG-2, approved by bob@example.com[\s\S]*evidence G2: REJECT/);
  assert.equal(traceQuery(records, 'CHG-404').commits.length, 0);
});

test('trace lists evidence captured at a commit that no release cites yet', async () => {
  const f = fixture();
  await capture(f, 'E1', 'ALLOW', { commit: 'c'.repeat(40), ticket: 'CHG-9' });
  const t = traceQuery(chainRecords(await loadChain(f.ctx, ROOT)), 'CHG-9');
  assert.deepEqual(t.commits.map((c) => [c.git_sha, c.artifacts.length, c.uncited_evidence.map((e) => e.id)]), [['c'.repeat(40), 0, ['E1']]]);
  assert.match(traceToText(t, false), /WARNING: the evidence chain does not verify/);
});
