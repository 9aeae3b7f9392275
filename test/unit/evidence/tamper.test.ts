/**
 * audit verify against every kind of tampering the issue lists: edited,
 * deleted, reordered, inserted, truncated, changed input — each detected and
 * attributed to the right record with the right reason.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson, verifyEvidence, type VerifyResult } from '../../../server/src/core/evidence';
import { capture, fixture, type Fixture, readRecord, release, ROOT, writeRecord } from './chain-fixture';

/** R1..R4 envelopes, then a release event citing R4 (sequence 5). */
async function chainOfFive(): Promise<Fixture> {
  const f = fixture();
  for (const id of ['R1', 'R2', 'R3', 'R4']) await capture(f, id);
  await release(f, { evidence: ['R4'] });
  return f;
}

const verify = (f: Fixture): Promise<VerifyResult> => verifyEvidence(f.ctx, ROOT, f.hasher);
const summary = (r: VerifyResult): string[] => r.problems.map((p) => `${p.reason} ${p.id ?? p.path ?? `#${p.sequence}`}`);

test('an untouched chain verifies, inputs included', async () => {
  const r = await verify(await chainOfFive());
  assert.deepEqual(summary(r), []);
  assert.equal(r.ok, true);
  assert.deepEqual([r.records, r.envelopes, r.releases, r.inputsChecked], [5, 4, 1, 8]);
});

test('edited: a changed field without a new hash', async () => {
  const f = await chainOfFive();
  writeRecord(f, 'audit/R2/audit.json', { ...readRecord(f, 'audit/R2/audit.json'), verdict: 'REJECT' });
  const r = await verify(f);
  assert.deepEqual(summary(r), ['edited R2']);
  assert.match(r.problems[0].detail, /no longer matches its hash/);
});

test('edited: a changed field re-hashed by the forger breaks the next link', async () => {
  const f = await chainOfFive();
  writeRecord(f, 'audit/R2/audit.json', { ...readRecord(f, 'audit/R2/audit.json'), verdict: 'REJECT' }, true);
  const r = await verify(f);
  assert.deepEqual(summary(r), ['edited R2']);
  assert.match(r.problems[0].detail, /next record R3/);
});

test('edited: the last record re-hashed no longer matches the head', async () => {
  const f = await chainOfFive();
  writeRecord(f, 'releases/release-00000005.json', { ...readRecord(f, 'releases/release-00000005.json'), approved_by: 'mallory' }, true);
  assert.deepEqual(summary(await verify(f)), ['edited release-00000005']);
});

test('edited: an envelope re-hashed is caught by the release event that pinned it', async () => {
  const f = fixture();
  await capture(f, 'R1', 'REJECT');
  await release(f, { evidence: ['R1'] });
  // Forge R1 into an ALLOW and re-hash it: its own link still holds (it is first), but the release pinned the old hash.
  writeRecord(f, 'audit/R1/audit.json', { ...readRecord(f, 'audit/R1/audit.json'), verdict: 'ALLOW' }, true);
  const r = await verify(f);
  assert.ok(summary(r).includes('edited R1'), summary(r).join('; '));
});

test('deleted: a record from the middle', async () => {
  const f = await chainOfFive();
  f.fs.delete(`${ROOT}/audit/R2/audit.json`);
  const r = await verify(f);
  assert.deepEqual(summary(r), ['deleted #2']);
  assert.match(r.problems[0].detail, /sequence 2 is missing \(after R1, before R3\)/);
});

test('deleted: the chain head', async () => {
  const f = await chainOfFive();
  f.fs.delete(`${ROOT}/chain/head.json`);
  assert.deepEqual(summary(await verify(f)), ['deleted /ev/chain/head.json']);
});

test('reordered: two envelope files swapped', async () => {
  const f = await chainOfFive();
  const [r2, r3] = [readRecord(f, 'audit/R2/audit.json'), readRecord(f, 'audit/R3/audit.json')];
  writeRecord(f, 'audit/R2/audit.json', r3);
  writeRecord(f, 'audit/R3/audit.json', r2);
  const r = await verify(f);
  assert.deepEqual(summary(r).sort(), ['reordered R2', 'reordered R3']);
  assert.match(r.problems.find((p) => p.id === 'R3')!.detail, /belongs in audit\/R3\/audit\.json/);
});

test('reordered: sequence numbers swapped and re-hashed', async () => {
  const f = await chainOfFive();
  const [r2, r3] = [readRecord(f, 'audit/R2/audit.json'), readRecord(f, 'audit/R3/audit.json')];
  writeRecord(f, 'audit/R2/audit.json', { ...r2, sequence: 3 }, true);
  writeRecord(f, 'audit/R3/audit.json', { ...r3, sequence: 2 }, true);
  const r = await verify(f);
  assert.deepEqual(summary(r), ['reordered R3', 'reordered R2']);
});

test('inserted: a forged record claiming an existing sequence', async () => {
  const f = await chainOfFive();
  const r2 = readRecord(f, 'audit/R2/audit.json');
  await f.fs.mkdirp(`${ROOT}/audit/FORGED`);
  writeRecord(f, 'audit/FORGED/audit.json', { ...r2, id: 'FORGED', release_id: 'FORGED', verdict: 'ALLOW' }, true);
  const r = await verify(f);
  assert.deepEqual(summary(r), ['inserted FORGED']);
  assert.match(r.problems[0].detail, /a second record claims sequence 2/);
});

test('inserted: a record appended behind the head', async () => {
  const f = await chainOfFive();
  const head = JSON.parse(f.fs.files.get(`${ROOT}/chain/head.json`) as string) as { hash: string };
  const last = readRecord(f, 'releases/release-00000005.json');
  writeRecord(f, 'releases/release-00000006.json', { ...last, id: 'release-00000006', sequence: 6, previous_hash: head.hash }, true);
  assert.deepEqual(summary(await verify(f)), ['inserted release-00000006']);
});

test('truncated: the newest records removed', async () => {
  const f = await chainOfFive();
  f.fs.delete(`${ROOT}/releases/release-00000005.json`);
  f.fs.delete(`${ROOT}/audit/R4/audit.json`);
  const r = await verify(f);
  assert.deepEqual(summary(r), ['truncated /ev/chain/head.json']);
  assert.match(r.problems[0].detail, /names sequence 5 .* ends at 3: the newest 2 record\(s\) were removed/);
});

test('truncated: a record file cut short', async () => {
  const f = await chainOfFive();
  const text = f.fs.files.get(`${ROOT}/audit/R3/audit.json`) as string;
  f.fs.files.set(`${ROOT}/audit/R3/audit.json`, text.slice(0, text.length / 2));
  const r = await verify(f);
  assert.ok(summary(r).includes('truncated audit/R3/audit.json'), summary(r).join('; '));
});

test('input changed: a run file rewritten after capture; a missing one is only noted', async () => {
  const f = await chainOfFive();
  f.inputs.set('runs/R1-cand.json', '{"run_id":"R1-cand","better":true}');
  f.inputs.delete('runs/R2-base.json');
  const r = await verify(f);
  assert.deepEqual(summary(r), ['input-changed R1']);
  assert.match(r.problems[0].detail, /candidate run file changed since capture/);
  assert.deepEqual(r.inputsMissing, [{ id: 'R2', path: 'runs/R2-base.json' }]);
});

test('an empty evidence directory is an intact, empty chain', async () => {
  const r = await verify(fixture());
  assert.equal(r.ok, true);
  assert.equal(r.records, 0);
});

test('records are stored canonically; re-indenting one changes nothing, moving its hash member inward is caught', async () => {
  const f = await chainOfFive();
  const path = `${ROOT}/audit/R2/audit.json`;
  const text = f.fs.files.get(path) as string;
  const record = JSON.parse(text) as Record<string, unknown>;
  assert.equal(text, `${canonicalJson(record)}\n`);
  f.fs.files.set(path, JSON.stringify(record, null, 4));
  assert.deepEqual(summary(await verify(f)), [], 'layout is not content');
  // The bytes minus one "hash" member still hash right, but the member now sits inside the report: not a whole record.
  const member = `"hash":"${record.hash as string}",`;
  f.fs.files.set(path, text.replace(member, '').replace('"report":{', `"report":{${member}`));
  const r = await verify(f);
  assert.ok(summary(r).includes('edited audit/R2/audit.json'), summary(r).join('; '));
  assert.match(r.problems.find((p) => p.reason === 'deleted')?.detail ?? '', /or it is one of the damaged files/);
});
