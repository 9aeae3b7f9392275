/** Appending: sequence and links, never overwriting, interrupted appends, ids that would escape. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../../server/src/core/errors';
import { captureEnvelope, chainRecords, checkField, idProblem, loadChain, verifyEvidence } from '../../../server/src/core/evidence';
import { capture, fixture, readRecord, release, ROOT, TOOL } from './chain-fixture';

test('records link by sequence and hash; the head names the last one', async () => {
  const f = fixture();
  const a = await capture(f, 'R1');
  const b = await capture(f, 'R2');
  assert.deepEqual([a.sequence, a.previous_hash, b.sequence, b.previous_hash], [1, null, 2, a.hash]);
  const head = JSON.parse(f.fs.files.get(`${ROOT}/chain/head.json`) as string) as Record<string, unknown>;
  assert.deepEqual([head.sequence, head.id, head.hash, head.pending], [2, 'R2', b.hash, null]);
  assert.match(a.captured_at, /^2026-05-17T10:00:0\d\.000Z$/);
});

test('a release captured again gets a new envelope beside the first, never a rewrite', async () => {
  const f = fixture();
  const first = await capture(f, 'R1', 'REJECT');
  const before = f.fs.files.get(`${ROOT}/audit/R1/audit.json`);
  const second = await capture(f, 'R1', 'ALLOW');
  assert.equal(first.id, 'R1');
  assert.equal(second.id, 'R1#2');
  assert.equal(f.fs.files.get(`${ROOT}/audit/R1/audit.json`), before);
  assert.equal(readRecord(f, 'audit/R1/audit-2.json').verdict, 'ALLOW');
  assert.equal((await verifyEvidence(f.ctx, ROOT, f.hasher)).ok, true);
});

test('concurrent appends in one process are serialised by the lock', async () => {
  const f = fixture();
  await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? capture(f, `C${i}`) : release(f, { digit: String(i % 10) }))));
  const records = chainRecords(await loadChain(f.ctx, ROOT));
  assert.deepEqual(records.map((r) => r.sequence), Array.from({ length: 40 }, (_, i) => i + 1));
  assert.equal((await verifyEvidence(f.ctx, ROOT, f.hasher)).ok, true);
});

test('an append interrupted after its record was written verifies, and the next append completes it', async () => {
  const f = fixture();
  await capture(f, 'R1');
  const headAfterR1 = f.fs.files.get(`${ROOT}/chain/head.json`) as string;
  const r2 = await capture(f, 'R2');
  // Roll the head back to "R2 pending": the state a writer killed between the record and the head leaves.
  const pending = { ...(JSON.parse(headAfterR1) as object), pending: { sequence: 2, path: 'audit/R2/audit.json' } };
  f.fs.files.set(`${ROOT}/chain/head.json`, JSON.stringify(pending));
  const r = await verifyEvidence(f.ctx, ROOT, f.hasher);
  assert.equal(r.ok, true, JSON.stringify(r.problems));
  assert.equal(r.headSettled, true);
  const r3 = await capture(f, 'R3');
  assert.deepEqual([r3.sequence, r3.previous_hash], [3, r2.hash]);
});

test('an append interrupted before its record was written leaves no trace', async () => {
  const f = fixture();
  const r1 = await capture(f, 'R1');
  const head = JSON.parse(f.fs.files.get(`${ROOT}/chain/head.json`) as string) as object;
  f.fs.files.set(`${ROOT}/chain/head.json`, JSON.stringify({ ...head, pending: { sequence: 2, path: 'audit/R2/audit.json' } }));
  assert.equal((await verifyEvidence(f.ctx, ROOT, f.hasher)).ok, true);
  const again = await capture(f, 'R2');
  assert.deepEqual([again.sequence, again.previous_hash], [2, r1.hash]);
});

test('ids that would escape the evidence directory are refused with the reason', async () => {
  const cases: [string, RegExp][] = [
    ['../x', /escape the evidence directory/],
    ['a/../../x', /escape/],
    ['/abs', /absolute path/],
    ['C:\\win', /absolute path/],
    ['a\0b', /NUL byte/],
    ['', /empty/],
    ['a/b', /path separator/],
    ['.hidden', /starting with a letter or digit/],
    ['x'.repeat(200), /longer than 128/],
  ];
  for (const [id, reason] of cases) assert.match(idProblem(id) ?? 'accepted', reason, JSON.stringify(id));
  assert.equal(idProblem('release-2026.05_rc-1'), undefined);
  const f = fixture();
  await assert.rejects(
    captureEnvelope(f.ctx, ROOT, { releaseId: '../../etc', verdict: 'ALLOW', exitCode: 0, report: {}, inputs: [], parameters: {}, runs: [], tool: TOOL, gitCommit: null, capturedBy: 'ci' }),
    (e: unknown) => e instanceof UsageError && /--release-id '\.\.\/\.\.\/etc' is not allowed/.test(e.message),
  );
  assert.deepEqual([...f.fs.files.keys()], [], 'nothing was written');
});

test('a damaged head stops appends instead of forking the chain', async () => {
  const f = fixture();
  await capture(f, 'R1');
  f.fs.files.set(`${ROOT}/chain/head.json`, '{"schema": "tollgate.chain-head/1", "seq');
  await assert.rejects(capture(f, 'R2'), /chain head is not valid JSON/);
  const r = await verifyEvidence(f.ctx, ROOT, f.hasher);
  assert.deepEqual(r.problems.map((p) => p.reason), ['edited']);
});

test('a head whose pending path leaves the evidence directory is damage, not a file to read', async () => {
  const f = fixture();
  await capture(f, 'R1');
  const head = JSON.parse(f.fs.files.get(`${ROOT}/chain/head.json`) as string) as object;
  f.fs.files.set(`${ROOT}/chain/head.json`, JSON.stringify({ ...head, pending: { sequence: 2, path: '../../etc/passwd' } }));
  await assert.rejects(capture(f, 'R2'), /pending path leaves the evidence directory/);
});

test('recorded names must be one line of valid Unicode', () => {
  assert.throws(() => checkField('--approved-by', 'bob\nmallory'), /control characters/);
  assert.throws(() => checkField('--change-ticket', 'CHG-\ud800'), /lone surrogate/);
  assert.equal(checkField('--approved-by', '  Zoë Ünal <zoe@example.com> '), 'Zoë Ünal <zoe@example.com>');
});
