/**
 * The gate preview of an open EvalGate file runs on a worker: the file's own
 * check answers at once ("Tollgate: gating…", no verdict), hovers and edits
 * of other documents stay prompt while a large bootstrap gate (50,000 paired
 * items × 20,000 resamples: seconds) computes, and the verdict then arrives
 * as a re-published finding plus a code lens refresh. Checks with the same
 * key (an edit that keeps the plan, a reopen) hit the cache — the server logs
 * every worker it starts, and no second one starts — while an edit that
 * changes the plan supersedes the running gate.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeLensRefreshRequest, CodeLensRequest, HoverRequest, LogMessageNotification, type MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient } from '../helpers/lsp-client';
import { poll } from '../helpers/poll';
import { mulberry32 } from '../helpers/seeded-random.cjs';
import { ROLLOUT } from './documents';

const N = 50_000;
const gateText = (minDelta: string) => `apiVersion: tollgate.dev/v1
kind: EvalGate
metadata: {name: big}
spec:
  baseline: base.json
  candidate: cand.json
  minDelta: ${minDelta}
  method: paired_bootstrap
  resamples: 20000
`;

function writeRun(path: string, runId: string, seed: number, p: number): void {
  const r = mulberry32(seed);
  const items = Array.from({ length: N }, (_, i) => ({ item_id: `q${i}`, score: r() < p ? 1 : 0 }));
  writeFileSync(path, JSON.stringify({ run_id: runId, model_id: runId, task_id: 't', metric_name: 'accuracy', config_hash: '', items }));
}

const hasVerdict = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'TG-EVAL-006');

/** Poll `probe` (for state the server reports by log or request rather than by diagnostics) until it holds. */
async function until(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
  await poll(probe, what, timeoutMs, 20);
}

describe('gate preview on a worker: prompt checks, then the verdict; cached by key', () => {
  let client: LspClient;
  let ws: string;
  let gateUri: string;
  const logs: string[] = [];
  let refreshes = 0;
  const otherDoc = fileUri('/ws/gate-preview/rollout.yaml');
  const workersStarted = () => logs.filter((m) => /gate preview #\d+ started/.test(m)).length;
  const lensTitle = async () => (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: gateUri } }))?.map((l) => l.command?.title);

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'tollgate-lsp-preview-'));
    writeRun(join(ws, 'base.json'), 'base', 1, 0.7);
    writeRun(join(ws, 'cand.json'), 'cand', 2, 0.73);
    gateUri = fileUri(join(ws, 'qa.evalgate.yaml'));
    client = await LspClient.start({
      rootPath: ws,
      capabilities: { workspace: { codeLens: { refreshSupport: true } } },
      initializationOptions: { debounceMs: 0, workspace: { scan: false } },
    });
    client.connection.onNotification(LogMessageNotification.type, (p) => {
      logs.push(p.message);
    });
    client.connection.onRequest(CodeLensRefreshRequest.type, () => void refreshes++);
    await client.open(otherDoc, ROLLOUT);
    await client.waitForDiagnostics(otherDoc);
  });
  after(() => {
    client.kill();
    rmSync(ws, { recursive: true, force: true });
  });

  test('the EvalGate check answers at once; other documents stay prompt while the gate runs; then the verdict and a lens refresh', async () => {
    const opened = performance.now();
    await client.open(gateUri, gateText('0.01'));
    const first = await client.waitForDiagnostics(gateUri);
    const firstMs = performance.now() - opened;
    assert.equal(hasVerdict(first), false, 'no verdict while the gate runs');
    assert.deepEqual(await lensTitle(), ['Tollgate: gating…']);

    // Hover and edit the other document for 1.5 s (or until the verdict is in), timing each answer.
    const hovers: number[] = [];
    const edits: number[] = [];
    let roundsWhilePending = 0;
    for (let version = 2; performance.now() - opened < 1500 && !client.diagnosticsFor(gateUri).some(hasVerdict); version++) {
      let t0 = performance.now();
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: otherDoc }, position: { line: 0, character: 2 } });
      hovers.push(performance.now() - t0);
      assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /apiVersion/);
      const before = client.diagnosticsFor(otherDoc).length;
      t0 = performance.now();
      // A blank line at the end: a real edit with the same findings.
      await client.change(otherDoc, version, [{ range: { start: { line: 100_000, character: 0 }, end: { line: 100_000, character: 0 } }, text: '\n' }]);
      await client.waitForDiagnostics(otherDoc, () => client.diagnosticsFor(otherDoc).length > before, 5000);
      edits.push(performance.now() - t0);
      if (!client.diagnosticsFor(gateUri).some(hasVerdict)) roundsWhilePending++;
    }
    await client.waitForDiagnostics(gateUri, hasVerdict, 120_000);
    const verdictMs = performance.now() - opened;
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1] ?? NaN;
    const figures = `first publish ${firstMs.toFixed(0)} ms, verdict ${verdictMs.toFixed(0)} ms after open; ${roundsWhilePending} rounds while gating; hover p95 ${p95(hovers).toFixed(0)} / max ${Math.max(...hovers).toFixed(0)} ms; edit→diagnostics p95 ${p95(edits).toFixed(0)} / max ${Math.max(...edits).toFixed(0)} ms`;
    console.log(`gate preview: ${figures}`);
    assert.ok(roundsWhilePending >= 3, `the other document was served while the gate ran (${figures})`);
    assert.ok(Math.max(...hovers, ...edits) < 1000, figures);
    assert.ok(firstMs < 1000, `the EvalGate file's own check did not wait for the gate (${figures})`);

    const verdict = client.diagnosticsFor(gateUri).find(hasVerdict);
    assert.equal(verdict?.version, 1);
    assert.equal(verdict?.diagnostics.find((d) => d.code === 'TG-EVAL-006')?.range.start.line, 1, 'on the kind line');
    await until(() => refreshes > 0, 5000, 'workspace/codeLens/refresh');
    const [title] = (await lensTitle()) ?? [];
    assert.match(title ?? '', /^(ALLOW|REJECT|INCONCLUSIVE) · Δ [+−]\d+\.\d pp .* · paired_bootstrap, n=50000$/);
    assert.equal(workersStarted(), 1);
  });

  test('an edit that keeps the plan, a close and a reopen hit the cache: the verdict at once, no second worker', async () => {
    const before = client.diagnosticsFor(gateUri).length;
    await client.change(gateUri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# reviewed\n' }]);
    const edited = await client.waitForDiagnostics(gateUri, (p) => p.version === 2);
    assert.equal(client.diagnosticsFor(gateUri).length, before + 1, 'one publish, straight with the verdict');
    assert.equal(edited.diagnostics.find((d) => d.code === 'TG-EVAL-006')?.range.start.line, 2, 'the verdict moved with the kind line');
    await client.close(gateUri);
    await client.waitForDiagnostics(gateUri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    client.forget(gateUri);
    await client.open(gateUri, gateText('0.01'));
    const reopened = await client.waitForDiagnostics(gateUri);
    assert.ok(hasVerdict(reopened), 'the first publish after reopening has the verdict');
    assert.match((await lensTitle())?.[0] ?? '', /^(ALLOW|REJECT|INCONCLUSIVE) · /);
    assert.equal(workersStarted(), 1, logs.join('\n'));
  });

  test('an edit that changes the plan supersedes the running gate; the last edit gets its verdict', async () => {
    const setMinDelta = (version: number, value: string) =>
      client.change(gateUri, version, [{ range: { start: { line: 6, character: 12 }, end: { line: 6, character: 16 } }, text: value }]);
    await setMinDelta(2, '0.02');
    const pending = await client.waitForDiagnostics(gateUri, (p) => p.version === 2);
    assert.equal(hasVerdict(pending), false, 'no verdict of another key while the new one is computed');
    await until(() => workersStarted() === 2, 5000, 'the second worker');
    await setMinDelta(3, '0.03');
    await until(() => logs.some((m) => /gate preview of base\.json vs cand\.json superseded after \d+ ms/.test(m)), 5000, 'the superseded log line');
    const verdict = await client.waitForDiagnostics(gateUri, (p) => p.version === 3 && hasVerdict(p), 120_000);
    assert.ok(verdict);
    assert.equal(client.diagnosticsFor(gateUri).filter((p) => p.version === 2 && hasVerdict(p)).length, 0, 'the superseded gate published nothing');
    assert.equal(workersStarted(), 3);
  });
});
