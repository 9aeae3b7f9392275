/**
 * The gate sidecar (gates.jsonl): lines round-trip (infinite CI bounds
 * included), the last line per run wins, torn and tampered lines are skipped
 * and never crash a reader, and recordGate / writeGateDetails write it
 * through the FileSystem port without touching the EVALSIG manifest's bytes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gate } from '../../../server/src/core/gate/gate';
import { appendGateDetails, gateDetailOf, type GateDetailLine, openRunStore, type ParquetCodec, parseGateDetails, recordGate, serializeGateDetail } from '../../../server/src/core/store';
import { MemoryFileSystem } from '../../helpers/memory-fs';
import { frame } from './helpers';

const detail = (runId: string, extra: Partial<GateDetailLine> = {}): GateDetailLine => ({
  runId, ciLow: 0.012, ciHigh: Infinity, minDelta: 0.01, mde: 0.006, method: 'paired_t', alpha: 0.05, envelopeId: null, envelopePath: null, ...extra,
});

test('a line round-trips, with ±Infinity and NaN written as strings (strict JSON)', () => {
  const d = detail('r1', { ciLow: -Infinity, mde: NaN, envelopeId: 'R1#2', envelopePath: 'audit/R1/audit-2.json' });
  const line = serializeGateDetail(d);
  assert.equal(line, '{"run_id":"r1","ci_low":"-Infinity","ci_high":"Infinity","min_delta":0.01,"mde":"NaN","method":"paired_t","alpha":0.05,"envelope_id":"R1#2","envelope_path":"audit/R1/audit-2.json"}');
  assert.deepEqual(parseGateDetails(`${line}\n`).get('r1'), d);
});

test('the last line for a run wins (re-gated, or linked to its envelope once appended)', () => {
  const text = appendGateDetails(appendGateDetails(undefined, [detail('a'), detail('b')]), [detail('a', { envelopeId: 'R1', envelopePath: 'audit/R1/audit.json' })]);
  const map = parseGateDetails(text);
  assert.deepEqual([...map.keys()], ['a', 'b']);
  assert.equal(map.get('a')?.envelopeId, 'R1');
  assert.equal(map.get('b')?.envelopeId, null);
});

test('a torn last line is skipped, never a crash; appending after it does not merge into it', () => {
  const whole = `${serializeGateDetail(detail('a'))}\n`;
  const torn = serializeGateDetail(detail('b')).slice(0, 25);
  for (let cut = 0; cut <= torn.length; cut++) {
    assert.deepEqual([...parseGateDetails(whole + torn.slice(0, cut)).keys()], ['a'], `cut at ${cut}`);
  }
  const appended = appendGateDetails(whole + torn, [detail('c')]);
  assert.deepEqual([...parseGateDetails(appended).keys()], ['a', 'c']);
});

test('lines that are not details are skipped: wrong types, missing run id, envelope paths that leave audit/', () => {
  const good = serializeGateDetail(detail('ok'));
  const bad = [
    '[1,2]',
    'null',
    '{"ci_low":1}',
    '{"run_id":7}',
    '{"run_id":"x","ci_low":"wide"}',
    '{"run_id":"x","method":3}',
    ...['../../etc/passwd.json', '/etc/x.json', 'audit/../../x.json', 'audit/R1/../../x.json', 'audit\\R1\\audit.json', 'audit/audit.json', 'releases/r.json', 'audit/R1/audit.txt'].map((p) => JSON.stringify({ run_id: 'x', envelope_id: 'R1', envelope_path: p })),
  ];
  const map = parseGateDetails([bad[0], good, ...bad.slice(1)].join('\n'));
  assert.deepEqual([...map.keys()], ['ok']);
  assert.deepEqual(parseGateDetails(''), new Map());
});

const codec: ParquetCodec = { encode: () => Promise.resolve(new Uint8Array([1])), decode: () => Promise.reject(new Error('not used')) };
const items = Array.from({ length: 40 }, (_, i) => ({ id: `q${i}`, score: i % 3 === 0 ? 1 : 0 }));
const better = items.map((it, i) => ({ ...it, score: i % 2 === 0 ? 1 : it.score }));

test('recordGate writes the candidate\'s detail next to the manifest, which keeps EVALSIG\'s keys only', async () => {
  const fs = new MemoryFileSystem();
  const store = openRunStore({ fs, codec, clock: { now: () => new Date('2026-05-17T10:00:00Z') } }, '/ev');
  const report = gate(frame('base', items), frame('cand', better), { minDelta: 0.01 });
  await recordGate(store, 'p', { baseline: frame('base', items), candidate: frame('cand', better) }, report);
  assert.deepEqual(await store.readGateDetails('p'), new Map([['cand', gateDetailOf('cand', report)]]));
  assert.equal(fs.files.get('/ev/p/gates.jsonl'), `${serializeGateDetail(gateDetailOf('cand', report))}\n`);
  const manifest = JSON.parse(String(fs.files.get('/ev/p/manifest.json'))) as { runs: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(manifest.runs[1] ?? {}), ['run_id', 'model_id', 'task_id', 'metric_name', 'ts', 'path', 'n_items', 'config_hash', 'delta', 'p_value', 'verdict', 'parent_run_id']);
});

test('concurrent writers lose no line (the project lock serialises read-append-replace)', async () => {
  const fs = new MemoryFileSystem();
  const store = openRunStore({ fs, codec, clock: { now: () => new Date() } }, '/ev');
  await Promise.all(Array.from({ length: 25 }, (_, i) => store.writeGateDetails('p', [detail(`r${i}`)])));
  assert.equal((await store.readGateDetails('p')).size, 25);
  assert.equal(String(fs.files.get('/ev/p/gates.jsonl')).split('\n').length, 26, '25 lines and the final newline');
  assert.deepEqual(await store.readGateDetails('nothing-gated'), new Map());
});
