/**
 * The gate and evidence requests of the typed protocol, over stdio against the
 * built server: run the gate of an EvalGate file, capture an audit envelope
 * (runs stored, envelope written, chain verifies), history, release events,
 * trace and last-known-good, and refusals that come back as clear errors.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { CaptureAuditRequest, HistoryRequest, LastGoodRequest, RecordReleaseRequest, RunGateRequest, TraceRequest, VerifyAuditRequest } from '../../server/src/protocol/protocol';
import { fileUri, LspClient, ROOT } from '../helpers/lsp-client';

describe('gate and evidence requests', () => {
  let client: LspClient;
  let ws: string;
  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'tollgate-lsp-evidence-'));
    cpSync(join(ROOT, 'examples', 'runs', 'allow'), join(ws, 'runs'), { recursive: true });
    writeFileSync(join(ws, 'qa.evalgate.yaml'), 'apiVersion: tollgate.dev/v1\nkind: EvalGate\nmetadata: {name: qa}\nspec:\n  baseline: runs/baseline.json\n  candidate: runs/candidate.json\n  minDelta: 0.01\n');
    // Untrusted (the default): git and signers must not run, evidence is still written.
    client = await LspClient.start({ rootPath: ws, initializationOptions: { debounceMs: 0, workspace: { scan: false }, evidence: { root: '.evidence' } } });
  });
  after(() => client.kill());

  test('runGate on an EvalGate file returns the verdict, the report and the hashed inputs', async () => {
    const r = await client.connection.sendRequest(RunGateRequest, { evalGateUri: fileUri(join(ws, 'qa.evalgate.yaml')) });
    assert.equal(r.verdict, 'ALLOW');
    assert.equal(r.exitCode, 0);
    assert.match(r.summary, /^ALLOW · Δ \+/);
    assert.equal(r.report['verdict'], 'ALLOW');
    assert.deepEqual(r.inputs.map((i) => i.role), ['baseline', 'candidate']);
    assert.match(r.inputs[0]?.sha256 ?? '', /^[0-9a-f]{64}$/);
    const run = { taskId: 'ticket-triage', metricName: 'rubric_score', nItems: 2000 };
    assert.deepEqual(r.runs, [
      { role: 'baseline', runId: 'allow-base', modelId: 'support-bot-v1', ...run },
      { role: 'candidate', runId: 'allow-cand', modelId: 'support-bot-v2', ...run },
    ]);
  });

  test('captureAudit stores both runs and writes a verifiable envelope; history lists the runs', async () => {
    const r = await client.connection.sendRequest(CaptureAuditRequest, { baselineUri: fileUri(join(ws, 'runs/baseline.json')), candidateUri: fileUri(join(ws, 'runs/candidate.json')), minDelta: 0.01, project: 'qa', releaseId: 'R1', changeTicket: 'CHG-1' });
    assert.equal(r.verdict, 'ALLOW');
    assert.equal(r.file, join(ws, '.evidence', 'audit', 'R1', 'audit.json'));
    const envelope = JSON.parse(readFileSync(r.file, 'utf8')) as { verdict: string; git_commit: unknown; change_ticket: string; hash: string };
    assert.deepEqual([envelope.verdict, envelope.change_ticket, envelope.hash], ['ALLOW', 'CHG-1', r.hash]);
    assert.equal(envelope.git_commit, null, 'an untrusted workspace never runs git');
    assert.deepEqual(r.runs.map((x) => x.runId), ['allow-base', 'allow-cand'], 'captureAudit carries the runs too');
    const h = await client.connection.sendRequest(HistoryRequest, { project: 'qa' });
    assert.deepEqual(h.projects, ['qa']);
    assert.deepEqual(h.records.map((x) => [x.run_id, x.verdict, x.parent_run_id]), [['allow-base', null, null], ['allow-cand', 'ALLOW', 'allow-base']]);
    const v = await client.connection.sendRequest(VerifyAuditRequest, {});
    assert.equal(v.ok, true, v.text);
  });

  test('history gives each run its file and the candidate its gate: CI, MDE, parameters and the envelope', async () => {
    const h = await client.connection.sendRequest(HistoryRequest, { project: 'qa' });
    const [base, cand] = h.records;
    for (const rec of h.records) assert.equal(rec.file, join(ws, '.evidence', 'qa', rec.path));
    assert.ok(existsSync(cand?.file ?? ''), 'the run file exists');
    assert.equal(base?.gate, undefined, 'the baseline was not gated');
    const report = (await client.connection.sendRequest(RunGateRequest, { baselineUri: fileUri(join(ws, 'runs/baseline.json')), candidateUri: fileUri(join(ws, 'runs/candidate.json')), minDelta: 0.01 })).report as { comparison: { ci: [number, string]; mde: number } };
    assert.deepEqual(cand?.gate, {
      ciLow: report.comparison.ci[0],
      ciHigh: null, // one-sided: unbounded above
      minDelta: 0.01,
      mde: report.comparison.mde,
      method: 'paired_permutation',
      alpha: 0.05,
      envelopeId: 'R1',
      envelopeFile: join(ws, '.evidence', 'audit', 'R1', 'audit.json'),
    });
    assert.ok((cand?.gate?.ciLow ?? 0) > 0 && report.comparison.ci[1] === 'Infinity');
  });

  test('runGate reads the stored Parquet runs (history\'s files) in its worker', async () => {
    const h = await client.connection.sendRequest(HistoryRequest, { project: 'qa' });
    const [base, cand] = h.records.map((x) => fileUri(x.file));
    const r = await client.connection.sendRequest(RunGateRequest, { baselineUri: base ?? '', candidateUri: cand ?? '', minDelta: 0.01 });
    assert.equal(r.verdict, 'ALLOW');
    assert.deepEqual(r.runs.map((x) => [x.runId, x.nItems]), [['allow-base', 2000], ['allow-cand', 2000]]);
  });

  test('release events: recorded, traced, last-known-good; bad input is a clear RequestFailed', async () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const rec = await client.connection.sendRequest(RecordReleaseRequest, { service: 'qa', env: 'prod', image: `ghcr.io/acme/qa@${digest}`, gitSha: 'abcdef1', changeTicket: 'CHG-1', approvedBy: 'alice', evidence: ['R1'] });
    assert.equal(rec.sequence, 2);
    const t = await client.connection.sendRequest(TraceRequest, { query: digest });
    assert.match(t.text, /CHG-1/);
    const good = await client.connection.sendRequest(LastGoodRequest, { service: 'qa', env: 'prod' });
    assert.match(good.text, new RegExp(digest));
    await assert.rejects(client.connection.sendRequest(RecordReleaseRequest, { service: 'qa', env: 'prod', image: 'ghcr.io/acme/qa:1.0', gitSha: 'abcdef1', changeTicket: 'CHG-1', approvedBy: 'alice' }), (e: unknown) => e instanceof ResponseError && e.code === -32803 && /must be pinned by digest/.test(e.message));
    await assert.rejects(client.connection.sendRequest(CaptureAuditRequest, { evalGateUri: fileUri(join(ws, 'qa.evalgate.yaml')), project: '../escape' }), (e: unknown) => e instanceof ResponseError && e.code === -32803);
    const tier2 = client.connection.sendRequest(RecordReleaseRequest, { service: 'qa', env: 'prod', image: `ghcr.io/acme/qa@${digest}`, gitSha: 'abcdef1', changeTicket: 'CHG-1', approvedBy: 'alice', tier: 2 });
    await assert.rejects(tier2, (e: unknown) => e instanceof ResponseError && e.code === -32803, 'tier 2 needs git for separation of duties, which an untrusted workspace may not run');
  });

  test('runGate gates an editor\'s unsaved run text (captureAudit the file it hashes), and a broken run file is a RequestFailed naming it', async () => {
    const pair = { baselineUri: fileUri(join(ws, 'runs/baseline.json')), candidateUri: fileUri(join(ws, 'runs/candidate.json')), minDelta: 0.01 };
    // The candidate's buffer holds the baseline's scores under the candidate's id: no improvement, so no ALLOW.
    const unsaved = JSON.stringify({ ...(JSON.parse(readFileSync(join(ws, 'runs/baseline.json'), 'utf8')) as object), run_id: 'allow-cand' });
    await client.open(pair.candidateUri, unsaved, 1, 'json');
    const r = await client.connection.sendRequest(RunGateRequest, pair);
    // Evidence gates the bytes it hashes and records: the file on disk, not the buffer.
    const captured = await client.connection.sendRequest(CaptureAuditRequest, { ...pair, project: 'qa-disk', releaseId: 'R-disk' });
    await client.close(pair.candidateUri);
    assert.notEqual(r.verdict, 'ALLOW');
    assert.equal((r.report['comparison'] as { delta: number }).delta, 0);
    assert.equal(captured.verdict, 'ALLOW');
    writeFileSync(join(ws, 'runs/broken.json'), '{"run_id": "x", "items": [');
    await assert.rejects(
      client.connection.sendRequest(RunGateRequest, { ...pair, candidateUri: fileUri(join(ws, 'runs/broken.json')) }),
      (e: unknown) => e instanceof ResponseError && e.code === -32803 && e.message.startsWith(`${join(ws, 'runs/broken.json')}:1:`),
    );
  });
});
