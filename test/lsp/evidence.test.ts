/**
 * The gate and evidence requests of the typed protocol, over stdio against the
 * built server: run the gate of an EvalGate file, capture an audit envelope
 * (runs stored, envelope written, chain verifies), history, release events,
 * trace and last-known-good, and refusals that come back as clear errors.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  });

  test('captureAudit stores both runs and writes a verifiable envelope; history lists the runs', async () => {
    const r = await client.connection.sendRequest(CaptureAuditRequest, { baselineUri: fileUri(join(ws, 'runs/baseline.json')), candidateUri: fileUri(join(ws, 'runs/candidate.json')), minDelta: 0.01, project: 'qa', releaseId: 'R1', changeTicket: 'CHG-1' });
    assert.equal(r.verdict, 'ALLOW');
    assert.equal(r.file, join(ws, '.evidence', 'audit', 'R1', 'audit.json'));
    const envelope = JSON.parse(readFileSync(r.file, 'utf8')) as { verdict: string; git_commit: unknown; change_ticket: string; hash: string };
    assert.deepEqual([envelope.verdict, envelope.change_ticket, envelope.hash], ['ALLOW', 'CHG-1', r.hash]);
    assert.equal(envelope.git_commit, null, 'an untrusted workspace never runs git');
    const h = await client.connection.sendRequest(HistoryRequest, { project: 'qa' });
    assert.deepEqual(h.projects, ['qa']);
    assert.equal(h.records.length, 2);
    const cand = h.records.find((x) => x.verdict === 'ALLOW');
    assert.equal(cand?.parent_run_id, h.records.find((x) => x.verdict === null)?.run_id);
    const v = await client.connection.sendRequest(VerifyAuditRequest, {});
    assert.equal(v.ok, true, v.text);
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
});
