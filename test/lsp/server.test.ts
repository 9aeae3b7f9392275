/**
 * The built language server over a real JSON-RPC connection (stdio): the
 * whole lifecycle a client drives, from initialize to exit.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckWorkspaceRequest, GetPolicyRequest } from '../../server/src/protocol/protocol';
import { fileUri, LspClient } from '../helpers/lsp-client';
import { ROLLOUT, TEMPLATE, positionOf } from './documents';

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ initializationOptions: { debounceMs: 0 } });
  });
  after(() => client.kill());

  test('initialize announces incremental sync and the editor features', () => {
    const caps = client.initializeResult?.capabilities;
    assert.deepEqual(caps?.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps?.hoverProvider && caps.completionProvider && caps.documentSymbolProvider && caps.codeActionProvider && caps.codeLensProvider);
  });

  test('didOpen publishes diagnostics with rule id, source, docs link and version', async () => {
    const uri = fileUri('/ws/open/rollout.yaml');
    await client.open(uri, ROLLOUT);
    const p = await client.waitForDiagnostics(uri);
    assert.equal(p.version, 1);
    const d = p.diagnostics.find((x) => x.code === 'TG-ARGO-C13');
    assert.ok(d, JSON.stringify(p.diagnostics.map((x) => x.code)));
    assert.equal(d.source, 'tollgate');
    assert.equal(d.severity, 1);
    assert.equal(d.codeDescription?.href, 'https://github.com/tollgate-dev/tollgate/blob/main/README.md#tg-argo-c13');
    assert.deepEqual(d.range.start, positionOf(ROLLOUT, 'setWeight: 150', 'setWeight: '.length));
  });

  test('incremental didChange re-checks, and stale versions are never published after newer ones', async () => {
    const uri = fileUri('/ws/change/rollout.yaml');
    await client.open(uri, ROLLOUT);
    await client.waitForDiagnostics(uri);
    const start = positionOf(ROLLOUT, '150');
    await client.change(uri, 2, [{ range: { start, end: { line: start.line, character: start.character + 3 } }, text: '50' }]);
    const v2 = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!v2.diagnostics.some((d) => d.code === 'TG-ARGO-C13'));
    // A burst of edits, pipelined: 50 → 51 → … ; the last version must win and versions never go back.
    for (let v = 3; v <= 12; v++) await client.change(uri, v, [{ range: { start, end: { line: start.line, character: start.character + 2 } }, text: String(48 + v) }]);
    await client.waitForDiagnostics(uri, (p) => p.version === 12);
    const versions = client.diagnosticsFor(uri).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published versions ${versions.join(',')}`);
  });

  test('a code action fixes its finding when applied', async () => {
    const uri = fileUri('/ws/fix/rollout.yaml');
    await client.open(uri, ROLLOUT);
    const p = await client.waitForDiagnostics(uri);
    const d = p.diagnostics.find((x) => x.code === 'TG-ARGO-C13');
    assert.ok(d);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => a.diagnostics?.some((x) => x.code === 'TG-ARGO-C13'));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.kind, 'quickfix');
    const edits: TextEdit[] = fix.edit?.changes?.[uri] ?? [];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, ROLLOUT), edits);
    await client.change(uri, 2, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.ok(!after.diagnostics.some((x) => x.code === 'TG-ARGO-C13'), fixed);
  });

  test('hover explains fields and rule ids', async () => {
    const uri = fileUri('/ws/hover/rollout.yaml');
    const text = `# tollgate-disable-next-line TG-ARGO-C13 -- demo\n${ROLLOUT}`;
    await client.open(uri, text);
    const field = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'maxSurge', 2) });
    assert.match((field?.contents as MarkupContent).value, /maxSurge[\s\S]*25%/);
    const rule = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'TG-ARGO-C13', 4) });
    assert.match((rule?.contents as MarkupContent).value, /\*\*TG-ARGO-C13\*\*/);
    assert.deepEqual(rule?.range?.start, positionOf(text, 'TG-ARGO-C13'));
  });

  test('completion offers step kinds, template names from the workspace and tiers', async () => {
    const tplUri = fileUri('/ws/complete/templates.yaml');
    await client.open(tplUri, TEMPLATE);
    const uri = fileUri('/ws/complete/rollout.yaml');
    const text = ROLLOUT.replace('      - pause: {duration: 10m}\n', '      - pause: {duration: 10m}\n      - \n      - analysis:\n          templates:\n          - templateName: \n');
    await client.open(uri, text);
    const labels = async (needle: string, delta: number) => {
      const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta) })) as CompletionItem[];
      return items.map((i) => i.label);
    };
    const steps = await labels('      - \n', 8);
    assert.ok(steps.includes('setWeight') && steps.includes('pause') && steps.includes('analysis'), steps.join(','));
    assert.ok((await labels('templateName: ', 'templateName: '.length)).includes('success-rate'));
  });

  test('document symbols: one per YAML document, with canary steps', async () => {
    const uri = fileUri('/ws/symbols/all.yaml');
    await client.open(uri, `${ROLLOUT}---\n${TEMPLATE}`);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['Rollout web', 'AnalysisTemplate success-rate']);
    assert.deepEqual(symbols[0]?.children?.filter((c) => c.name.startsWith('step')).map((c) => c.name), ['step 1: setWeight 150', 'step 2: pause 10m']);
  });

  test('code lens summarises each Rollout', async () => {
    const uri = fileUri('/ws/lens/rollout.yaml');
    await client.open(uri, ROLLOUT);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.equal(lenses?.length, 1);
    assert.match(lenses?.[0]?.command?.title ?? '', /^canary 150→100 · 1 pause · 0 analyses · tier 1 \(dev\) → \d+ findings?$/);
  });

  test('code lenses on policy tests and EvalGate files', async () => {
    const policyUri = fileUri('/ws/lens/policy.yaml');
    const policy = 'apiVersion: tollgate.dev/v1\nkind: ReleasePolicy\nmetadata: {name: p}\nspec:\n  tests:\n    - name: plain deployment\n      manifest: |\n        apiVersion: apps/v1\n        kind: Deployment\n        metadata: {name: x}\n      expect: {notFire: [TG-DOC-002]}\n';
    await client.open(policyUri, policy);
    const pl = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: policyUri } });
    assert.deepEqual(pl?.map((l) => l.command?.title), ['policy tests 1/1 passing', '✓ plain deployment']);
    const gateUri = fileUri('/ws/lens/gate.yaml');
    await client.open(gateUri, 'apiVersion: tollgate.dev/v1\nkind: EvalGate\nmetadata: {name: g}\nspec:\n  baseline: runs/missing-a.json\n  candidate: runs/missing-b.json\n');
    const gl = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: gateUri } });
    assert.equal(gl?.length, 1);
    assert.match(gl?.[0]?.command?.title ?? '', /^gate not run: /);
    await client.close(policyUri);
  });

  test('a template defined in another document clears the missing-template finding (dependants re-checked)', async () => {
    const uri = fileUri('/ws/deps/rollout.yaml');
    const text = ROLLOUT.replace('      - pause: {duration: 10m}\n', '      - pause: {duration: 10m}\n      - analysis:\n          templates:\n          - templateName: error-rate\n');
    await client.open(uri, text);
    const missing = await client.waitForDiagnostics(uri);
    const anl = (p: typeof missing) => p.diagnostics.filter((d) => (typeof d.message === 'string' ? d.message : d.message.value).includes('error-rate'));
    assert.ok(anl(missing).length > 0, JSON.stringify(missing.diagnostics.map((d) => d.message)));
    const n = client.diagnosticsFor(uri).length;
    await client.open(fileUri('/ws/deps/template.yaml'), TEMPLATE.replace('success-rate', 'error-rate'));
    const again = await client.waitUntil(() => client.diagnosticsFor(uri).slice(n).find((p) => anl(p).length === 0), 5000, 'rollout re-checked');
    assert.equal(again.version, 1);
  });

  test('broken YAML yields a finding, not a crash', async () => {
    const uri = fileUri('/ws/broken/bad.yaml');
    await client.open(uri, 'kind: Rollout\nspec: [unclosed\n  - {{ .Values.x }}\n\t\tbad: : :\n');
    const p = await client.waitForDiagnostics(uri);
    assert.ok(p.diagnostics.some((d) => d.code === 'TG-DOC-001'));
  });

  test('custom requests: tollgate/checkWorkspace and tollgate/getPolicy', async () => {
    const uri = fileUri('/ws/custom/rollout.yaml');
    await client.open(uri, ROLLOUT);
    const r = await client.connection.sendRequest(CheckWorkspaceRequest, { uris: [uri] });
    assert.equal(r.files.length, 1);
    assert.ok(r.files[0]?.findings.some((f) => f.ruleId === 'TG-ARGO-C13'));
    assert.ok(r.errors >= 1);
    const policy = await client.connection.sendRequest(GetPolicyRequest, {});
    assert.deepEqual(policy.tiers.map((t) => t.id), [0, 1, 2]);
  });

  test('didClose clears the diagnostics', async () => {
    const uri = fileUri('/ws/close/rollout.yaml');
    await client.open(uri, ROLLOUT);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('server lifecycle', () => {
  test('debouncing publishes only the last of a burst of edits', async () => {
    const client = await LspClient.start({ initializationOptions: { debounceMs: 150 } });
    try {
      const uri = fileUri('/ws/debounce/rollout.yaml');
      await client.open(uri, ROLLOUT);
      for (let v = 2; v <= 6; v++) await client.change(uri, v, [{ text: ROLLOUT.replace('150', String(v)) }]);
      const p = await client.waitForDiagnostics(uri);
      assert.equal(p.version, 6);
      assert.deepEqual(client.diagnosticsFor(uri).map((x) => x.version), [6]);
    } finally {
      client.kill();
    }
  });

  test('shutdown then exit ends the process with code 0', async () => {
    const client = await LspClient.start();
    assert.equal(await client.shutdown(), 0);
  });

  test('`tollgate lsp --stdio` starts the same server', async () => {
    const client = await LspClient.start({ command: [join(__dirname, '..', '..', 'server', 'out', 'cli.js'), 'lsp', '--stdio'], initializationOptions: { debounceMs: 0 } });
    try {
      const uri = fileUri('/ws/cli/rollout.yaml');
      await client.open(uri, ROLLOUT);
      assert.ok((await client.waitForDiagnostics(uri)).diagnostics.length > 0);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});
