/**
 * The gate runs off the server's main thread: while a large bootstrap gate
 * (200,000 paired items, ~10 s of resampling) computes, hovers are answered
 * and edits re-checked; cancelling the request stops it at once with
 * RequestCancelled, and a cancelled audit capture writes nothing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, HoverRequest, ResponseError, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { CaptureAuditRequest, RunGateRequest } from '../../server/src/protocol/protocol';
import { fileUri, LspClient } from '../helpers/lsp-client';
import { mulberry32 } from '../helpers/seeded-random.cjs';
import { ROLLOUT } from './documents';

const N = 200_000;
const CANCELLED = -32800;

function writeRun(path: string, runId: string, seed: number, p: number): void {
  const r = mulberry32(seed);
  const items = Array.from({ length: N }, (_, i) => ({ item_id: `q${i}`, score: r() < p ? 1 : 0 }));
  writeFileSync(path, JSON.stringify({ run_id: runId, model_id: runId, task_id: 't', metric_name: 'accuracy', config_hash: '', items }));
}

function assertCancelled(outcome: unknown): void {
  assert.ok(outcome instanceof ResponseError, `expected a ResponseError, got ${JSON.stringify(outcome)}`);
  assert.deepEqual([outcome.code, outcome.message], [CANCELLED, 'cancelled']);
}

/** Settles to the request's outcome and records when it did, so a test can tell what happened while it was pending. */
function track<T>(p: Promise<T>): { readonly done: Promise<T | ResponseError<unknown>>; settledAt: () => number | undefined } {
  let at: number | undefined;
  const done = p.then(
    (v) => ((at = performance.now()), v),
    (e: unknown) => {
      at = performance.now();
      if (e instanceof ResponseError) return e;
      throw e;
    },
  );
  return { done, settledAt: () => at };
}

describe('gate on a worker thread: responsive and cancellable', () => {
  let client: LspClient;
  let ws: string;
  let big: { baselineUri: string; candidateUri: string; minDelta: number; method: string };
  const hoverDoc = fileUri('/ws/gate-cancel/rollout.yaml');

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'tollgate-lsp-cancel-'));
    writeRun(join(ws, 'base.json'), 'base', 1, 0.7);
    writeRun(join(ws, 'cand.json'), 'cand', 2, 0.71);
    big = { baselineUri: fileUri(join(ws, 'base.json')), candidateUri: fileUri(join(ws, 'cand.json')), minDelta: 0.01, method: 'paired_bootstrap' };
    client = await LspClient.start({ rootPath: ws, initializationOptions: { debounceMs: 0, workspace: { scan: false }, evidence: { root: '.evidence' } } });
    await client.open(hoverDoc, ROLLOUT);
    await client.waitForDiagnostics(hoverDoc);
  });
  after(() => {
    client.kill();
    rmSync(ws, { recursive: true, force: true });
  });

  test('hovers and diagnostics are answered while a large gate runs; cancelling it answers RequestCancelled at once', async () => {
    const source = new CancellationTokenSource();
    const started = performance.now();
    const gate = track(client.connection.sendRequest(RunGateRequest, big, source.token));
    // Keep asking for well over a second, so the questions overlap reading the runs and resampling.
    const latencies: number[] = [];
    for (let version = 2; performance.now() - started < 1500; version++) {
      const t0 = performance.now();
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: hoverDoc }, position: { line: 0, character: 2 } });
      latencies.push(performance.now() - t0);
      assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /apiVersion/);
      const before = client.diagnosticsFor(hoverDoc).length;
      // A blank line at the end (positions past the end clamp to it): a real edit, the same findings.
      await client.change(hoverDoc, version, [{ range: { start: { line: 100_000, character: 0 }, end: { line: 100_000, character: 0 } }, text: '\n' }]);
      await client.waitForDiagnostics(hoverDoc, () => client.diagnosticsFor(hoverDoc).length > before, 2000);
    }
    assert.equal(gate.settledAt(), undefined, 'the gate is still running (it takes seconds), yet the server answered');
    assert.ok(Math.max(...latencies) < 1000, `hover latencies while gating: ${latencies.map((x) => x.toFixed(0)).join(', ')} ms`);
    const cancelledAt = performance.now();
    source.cancel();
    assertCancelled(await gate.done);
    assert.ok((gate.settledAt() ?? Infinity) - cancelledAt < 2000, 'cancelling stops the worker instead of waiting for the gate');
  });

  test('a cancelled captureAudit writes nothing: no runs, no sidecar, no envelope', async () => {
    const source = new CancellationTokenSource();
    const capture = track(client.connection.sendRequest(CaptureAuditRequest, { ...big, project: 'big', releaseId: 'R-big' }, source.token));
    // One round trip: the server has taken the capture up (messages are handled in order) before it is cancelled.
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: hoverDoc }, position: { line: 0, character: 2 } });
    assert.equal(capture.settledAt(), undefined);
    source.cancel();
    assertCancelled(await capture.done);
    assert.equal(existsSync(join(ws, '.evidence', 'big')), false, 'no run stored');
    assert.equal(existsSync(join(ws, '.evidence', 'audit')), false, 'no envelope appended');
    assert.equal(existsSync(join(ws, '.evidence', 'chain')), false, 'the chain was not touched');
  });

  test('a request cancelled before it starts is answered RequestCancelled too', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    assertCancelled(await track(client.connection.sendRequest(RunGateRequest, big, source.token)).done);
  });
});
