/**
 * The gate preview's cache and job bookkeeping (server/src/lsp/gate-preview.ts),
 * with the worker replaced by promises the test settles: what is a hit, when a
 * job starts, is shared, superseded (its token cancelled) or queued, and what
 * is kept when a run file changes under a running job. The real worker is
 * exercised by test/lsp/gate-preview.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EvalGateAssessment } from '../../../server/src/core/evalconfig/evaluate-eval-gate';
import { planEvalGate, type EvalGatePlan } from '../../../server/src/core/evalconfig/plan-eval-gate';
import { DEFAULT_POLICY } from '../../../server/src/core/policy/default-policy';
import type { AssessJob } from '../../../server/src/node/assess-job';
import type { Cancellation } from '../../../server/src/node/cancellation';
import { GatePreviews, type PreviewDeps } from '../../../server/src/lsp/gate-preview';
import { VerdictCache } from '../../../server/src/lsp/verdict-cache';

interface Started {
  readonly job: AssessJob;
  readonly token: Cancellation;
  resolve(a: EvalGateAssessment): void;
  reject(e: unknown): void;
}

/** A GatePreviews whose "worker" is a promise per job, with stamps, buffers and settle calls under the test's control. */
function harness(over: Partial<PreviewDeps> = {}) {
  const started: Started[] = [];
  const settled: string[][] = [];
  const stamps = new Map<string, string>([['/ws/runs/a.json', '100:1'], ['/ws/runs/b.json', '200:1']]);
  const buffers = new Map<string, string>();
  const logs: string[] = [];
  const previews = new GatePreviews({
    openText: (p) => buffers.get(p),
    stamp: (p) => stamps.get(p),
    assess: (job, token) => new Promise((resolve, reject) => started.push({ job, token, resolve, reject })),
    settled: (uris) => settled.push([...uris]),
    log: { info: (m) => logs.push(m), error: (what, e) => logs.push(`ERROR ${what}: ${String(e)}`) },
    concurrency: 4,
    ...over,
  });
  return { previews, started, settled, stamps, buffers, logs };
}

function plan(spec = 'baseline: runs/a.json\n  candidate: runs/b.json\n  minDelta: 0.01', head = ''): EvalGatePlan {
  const p = planEvalGate('/ws/g.evalgate.yaml', `${head}apiVersion: tollgate.dev/v1\nkind: EvalGate\nmetadata: {name: g}\nspec:\n  ${spec}\n`, DEFAULT_POLICY).plan;
  assert.ok(p, 'a runnable plan');
  return p;
}

const ALLOW: EvalGateAssessment = { findings: [] };
const tick = () => new Promise((r) => setImmediate(r));

test('a miss starts one job and answers pending; its answer is cached, settles the waiting documents and is then a hit', async () => {
  const h = harness();
  assert.equal(h.previews.assess('doc:1', plan(), {}), 'pending');
  assert.equal(h.previews.assess('doc:1', plan(), {}), 'pending', 'the same key again: still pending');
  assert.equal(h.started.length, 1, 'no second job for the same key');
  assert.equal(h.previews.started, 1);
  assert.equal(h.started[0]?.job.plan.baseline, 'runs/a.json');
  assert.deepEqual(h.started[0]?.job.texts, {}, 'files on disk are read by the worker');
  h.started[0]?.resolve(ALLOW);
  await tick();
  assert.deepEqual(h.settled, [['doc:1']]);
  assert.equal(h.previews.assess('doc:1', plan(), {}), ALLOW);
  // Another version of the file with the same plan options (a comment above): the spans moved, the key did not.
  assert.equal(h.previews.assess('doc:1', plan(undefined, '# note\n'), {}), ALLOW);
  assert.equal(h.previews.assess('doc:2', plan(), {}), ALLOW, 'another document with the same plan shares the answer');
  assert.equal(h.previews.started, 1);
  assert.match(h.logs.join('\n'), /gate preview #1 started: a\.json vs b\.json[\s\S]*gate preview of a\.json vs b\.json done in \d+ ms/);
});

test('the key: gate options, read options, skipGate and where minDelta came from count; a stamp change counts', () => {
  const h = harness({ concurrency: 10 });
  h.previews.assess('doc:1', plan(), {});
  h.previews.assess('doc:2', plan('baseline: runs/a.json\n  candidate: runs/b.json\n  minDelta: 0.02'), {});
  h.previews.assess('doc:3', plan('baseline: runs/a.json\n  candidate: runs/b.json\n  minDelta: 0.01\n  cluster: topic'), {});
  h.previews.assess('doc:4', plan(), { skipGate: true });
  // 0.01 is also the default: same value, but the underpowered message says where it came from.
  h.previews.assess('doc:5', plan('baseline: runs/a.json\n  candidate: runs/b.json'), {});
  assert.equal(h.started.length, 5);
  h.previews.assess('doc:6', plan(), {});
  assert.equal(h.started.length, 5, 'doc:6 joins doc:1');
  h.stamps.set('/ws/runs/b.json', '200:2');
  h.previews.assess('doc:7', plan(), {});
  assert.equal(h.started.length, 6, 'the candidate file was rewritten: a new key');
});

test('an edit that moves the key supersedes the document\'s job: its token is cancelled and its late answer ignored', async () => {
  const h = harness();
  h.previews.assess('doc:1', plan(), {});
  const first = h.started[0];
  assert.equal(first?.token.isCancellationRequested, false);
  h.previews.assess('doc:1', plan('baseline: runs/a.json\n  candidate: runs/b.json\n  minDelta: 0.03'), {});
  assert.equal(first?.token.isCancellationRequested, true, 'the old worker is terminated');
  assert.equal(h.started.length, 2);
  first?.resolve({ findings: [{ ruleId: 'TG-EVAL-005', severity: 'warning', message: 'stale', anchor: 'minDelta' }] });
  await tick();
  assert.deepEqual(h.settled, [], 'a superseded answer settles nothing');
  assert.equal(h.previews.assess('doc:2', plan(), {}), 'pending', 'nor is it cached');
  assert.match(h.logs.join('\n'), /superseded after \d+ ms/);
});

test('a job shared by two documents runs until neither waits for it; closing the last one cancels it', () => {
  const h = harness();
  h.previews.assess('doc:1', plan(), {});
  h.previews.assess('doc:2', plan(), {});
  const shared = h.started[0];
  h.previews.assess('doc:1', plan('baseline: runs/b.json\n  candidate: runs/a.json'), {});
  assert.equal(shared?.token.isCancellationRequested, false, 'doc:2 still waits');
  h.previews.forget('doc:2');
  assert.equal(shared?.token.isCancellationRequested, true);
  h.previews.forget('doc:1');
  assert.equal(h.started[1]?.token.isCancellationRequested, true);
});

test('a run file rewritten while its job ran: the answer is not cached, the documents are re-checked (and start over)', async () => {
  const h = harness();
  h.previews.assess('doc:1', plan(), {});
  h.stamps.set('/ws/runs/a.json', '101:2');
  h.started[0]?.resolve(ALLOW);
  await tick();
  assert.deepEqual(h.settled, [['doc:1']]);
  assert.match(h.logs.join('\n'), /discarded \(a run file changed meanwhile\)/);
  assert.equal(h.previews.assess('doc:1', plan(), {}), 'pending');
  assert.equal(h.started.length, 2);
});

test('open run buffers: keyed by the hash of their text, which the job carries; another text is another key', () => {
  const h = harness();
  h.buffers.set('/ws/runs/a.json', '{"items": []}');
  h.previews.assess('doc:1', plan(), {});
  assert.deepEqual(h.started[0]?.job.texts, { '/ws/runs/a.json': '{"items": []}' });
  h.stamps.set('/ws/runs/a.json', '999:9');
  h.previews.assess('doc:1', plan(), {});
  assert.equal(h.started.length, 1, 'the buffer wins: the file\'s stamp does not matter');
  h.buffers.set('/ws/runs/a.json', '{"items": [] }');
  h.previews.assess('doc:1', plan(), {});
  assert.equal(h.started.length, 2);
  assert.equal(h.started[0]?.token.isCancellationRequested, true);
});

test('a failing job is logged and cached as a failure (shown, not retried on every keystroke)', async () => {
  const h = harness();
  h.previews.assess('doc:1', plan(), {});
  h.started[0]?.reject(new Error('the gate worker exited (code 1) without an answer'));
  await tick();
  assert.deepEqual(h.settled, [['doc:1']]);
  assert.deepEqual(h.previews.assess('doc:1', plan(), {}), { findings: [], failure: 'the gate worker exited (code 1) without an answer' });
  assert.equal(h.started.length, 1);
  assert.match(h.logs.join('\n'), /ERROR gate preview of a\.json vs b\.json/);
});

test('jobs beyond the concurrency limit queue and start as slots free up (oldest first); a queued job can be dropped', async () => {
  const h = harness({ concurrency: 1 });
  h.previews.assess('doc:1', plan(), {});
  h.previews.assess('doc:2', plan('baseline: runs/b.json\n  candidate: runs/a.json'), {});
  h.previews.assess('doc:3', plan('baseline: runs/a.json\n  candidate: runs/a.json'), {});
  assert.equal(h.started.length, 1);
  h.previews.forget('doc:2');
  h.started[0]?.resolve(ALLOW);
  await tick();
  assert.equal(h.started.length, 2);
  assert.equal(h.started[1]?.job.plan.candidate, 'runs/a.json', 'doc:3 runs next; doc:2 was closed while queued');
  assert.equal(h.previews.started, 2);
});

test('with neither run file found, the assessment is made at once (nothing to read or gate) and no job starts', () => {
  const now: AssessJob[] = [];
  const missing: EvalGateAssessment = { findings: [{ ruleId: 'TG-EVAL-002', severity: 'error', message: 'baseline run: no such file', anchor: 'baseline' }] };
  const h = harness({ assessNow: (job) => (now.push(job), missing) });
  h.stamps.clear();
  assert.equal(h.previews.assess('doc:1', plan(), {}), missing);
  assert.equal(h.started.length, 0);
  h.stamps.set('/ws/runs/b.json', '5:5');
  assert.equal(h.previews.assess('doc:1', plan(), {}), 'pending', 'one file exists: it must be read, on the worker');
  assert.equal(now.length, 1);
});

test('VerdictCache evicts the least recently used entry', () => {
  const c = new VerdictCache<number>(2);
  c.set('a', 1);
  c.set('b', 2);
  assert.equal(c.get('a'), 1);
  c.set('c', 3);
  assert.deepEqual([c.get('a'), c.get('b'), c.get('c'), c.size], [1, undefined, 3, 2]);
});
