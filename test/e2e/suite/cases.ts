/**
 * The extension-host cases: they run inside a real VS Code 1.100.3 (code-server)
 * with the full `vscode` API, on a temp copy of examples/ (see
 * test/e2e/extension-host.test.ts). They run in order and later cases use what
 * earlier ones did (the quick fix edits the manifest the diagnostics case opened).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import type { TollgateApi } from '../../../client/src/api';
import type { CaptureAuditResult, RunGateResult } from '../../../server/src/protocol/protocol';
import { COMMAND_IDS, EXTENSION_ID } from '../contract';
import { file, folder, openWebviews, poll, tollgate } from './vscode-helpers';

export interface Case {
  name: string;
  run: () => Promise<void>;
  timeoutMs?: number;
}

/** Measured figures the test process prints (and the bench reuses). */
export const figures: Record<string, number> = {};

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}
const codes = (uri: vscode.Uri): string[] => vscode.languages.getDiagnostics(uri).map(codeOf);

async function gate(rel: string): Promise<RunGateResult> {
  const result = await vscode.commands.executeCommand<RunGateResult | undefined>('tollgate.runEvalGate', file(rel));
  assert.ok(result, `tollgate.runEvalGate ${rel} returned a result`);
  return result;
}

export const cases: Case[] = [
  {
    name: 'activates on the workspace markers and registers every contract command',
    async run() {
      const ext = vscode.extensions.getExtension<TollgateApi>(EXTENSION_ID);
      assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
      // Nothing here activates it: the EvalGate files of the workspace must.
      await poll(() => ext.isActive || undefined, 'activation by the workspace markers', 30_000);
      const a = await tollgate();
      const commands = new Set(await vscode.commands.getCommands(true));
      const missing = COMMAND_IDS.filter((id) => !commands.has(id));
      assert.deepEqual(missing, [], 'every contract command is registered');
      assert.equal(typeof a.timings.activationMs, 'number');
      assert.ok(a.timings.activationMs > 0, `activationMs ${a.timings.activationMs} is measured`);
      figures['activationMs'] = a.timings.activationMs;
    },
  },
  {
    name: 'publishes diagnostics for a Rollout with an unpinned image and no change ticket',
    async run() {
      await tollgate();
      const uri = file('deploy/payments.yaml');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const found = await poll(() => {
        const c = codes(uri);
        return c.some((x) => x.startsWith('TG-IMG-')) && c.some((x) => x.startsWith('TG-TKT-')) ? c : undefined;
      }, `TG-IMG-* and TG-TKT-* diagnostics on deploy/payments.yaml (have: ${codes(uri).join(', ') || 'none'})`);
      assert.ok(found.includes('TG-IMG-003'), `tag-only image is TG-IMG-003 (have ${found.join(', ')})`);
      assert.ok(found.includes('TG-TKT-001'), `missing ticket is TG-TKT-001 (have ${found.join(', ')})`);
      const ticket = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'TG-TKT-001')!;
      assert.equal(ticket.severity, vscode.DiagnosticSeverity.Error, 'a tier-2 workload without a ticket is an error');
    },
  },
  {
    name: 'a quick fix adds the change-ticket annotation and the finding goes away',
    async run() {
      await tollgate();
      const uri = file('deploy/payments.yaml');
      const doc = await vscode.workspace.openTextDocument(uri);
      const diag = await poll(() => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'TG-TKT-001'), 'the TG-TKT-001 diagnostic');
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const describe = (a: vscode.CodeAction | vscode.Command): string => `${a.title} [edit: ${'edit' in a && a.edit ? a.edit.size : 'none'}; diagnostics: ${'diagnostics' in a ? (a.diagnostics ?? []).map(codeOf).join(',') : '-'}]`;
      // The API command drops `diagnostics` from the actions it returns, so match the fix by its title.
      const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && /change-ticket annotation/i.test(a.title));
      assert.ok(fix, `a quick fix with an edit for TG-TKT-001 (offered: ${actions.map(describe).join(' | ') || 'none'})`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), `applied "${fix.title}"`);
      assert.match(doc.getText(), /change\.ticket\/id:/, 'the annotation is in the document');
      await poll(() => (!codes(uri).includes('TG-TKT-001') ? true : undefined), `TG-TKT-001 to disappear (have: ${codes(uri).join(', ')})`);
      assert.ok(codes(uri).includes('TG-IMG-003'), 'the unrelated image finding stays');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  },
  {
    name: 'tollgate.runEvalGate gives each example its verdict and opens the verdict view',
    async run() {
      const a = await tollgate();
      const expected: [string, RunGateResult['verdict']][] = [
        ['evals/router.evalgate.yaml', 'INCONCLUSIVE'],
        ['evals/support-bot.evalgate.yaml', 'ALLOW'],
        ['evals/summariser.evalgate.yaml', 'REJECT'],
        ['evals/support-bot.evalgate.yaml', 'ALLOW'],
      ];
      for (const [rel, verdict] of expected) {
        const r = await gate(rel);
        assert.equal(r.verdict, verdict, `${rel}: ${r.summary}`);
        assert.equal(a.lastGate()?.verdict, verdict, 'lastGate() is the gate just run');
        assert.deepEqual(r.runs.map((x) => x.role), ['baseline', 'candidate']);
        const ms = a.timings.verdictPaintMs;
        assert.ok(ms !== undefined && ms > 0, 'verdictPaintMs is measured');
        figures[`verdictPaintMs ${rel}`] = ms;
      }
      assert.ok(openWebviews('tollgate.verdict').length >= 1, 'a tollgate.verdict webview tab is open');
    },
  },
  {
    name: 'tollgate.gatePair with explicit run files gates them',
    async run() {
      await tollgate();
      const r = await vscode.commands.executeCommand<RunGateResult | undefined>('tollgate.gatePair', {
        baselineUri: vscode.Uri.file(join(folder(), '..', 'runs', 'reject', 'baseline.json')).toString(),
        candidateUri: vscode.Uri.file(join(folder(), '..', 'runs', 'reject', 'candidate.json')).toString(),
        minDelta: 0.01,
      });
      assert.ok(r, 'tollgate.gatePair returned a result');
      assert.equal(r.verdict, 'REJECT', r.summary);
    },
  },
  {
    name: 'tollgate.captureAudit with arguments writes an audit envelope under .tollgate/evidence',
    async run() {
      const a = await tollgate();
      const r = await vscode.commands.executeCommand<CaptureAuditResult | undefined>('tollgate.captureAudit', {
        evalGateUri: file('evals/support-bot.evalgate.yaml').toString(),
        project: 'e2e',
        releaseId: 'e2e-release-1',
        changeTicket: 'CHG-12345',
        approvedBy: 'e2e@example.com',
      });
      assert.ok(r, 'tollgate.captureAudit returned a result');
      assert.equal(r.verdict, 'ALLOW');
      assert.equal(a.lastCapture()?.envelopeId, r.envelopeId, 'lastCapture() is this capture');
      const evidence = join(folder(), '.tollgate', 'evidence');
      const rel = relative(evidence, r.file);
      assert.ok(!rel.startsWith('..') && !rel.startsWith(sep), `envelope ${r.file} is under ${evidence}`);
      assert.ok(existsSync(r.file), `${r.file} exists`);
      const envelope = JSON.parse(readFileSync(r.file, 'utf8')) as Record<string, unknown>;
      assert.equal(envelope['verdict'], 'ALLOW');
      assert.equal(envelope['change_ticket'], 'CHG-12345');
      assert.equal(envelope['approved_by'], 'e2e@example.com');
      assert.equal(envelope['release_id'], 'e2e-release-1');
      assert.equal(envelope['hash'], r.hash, 'the result names the envelope written');
      assert.ok(existsSync(join(evidence, 'e2e', 'manifest.json')), 'both runs are in the run store (project e2e)');
    },
  },
  {
    name: 'tollgate.showHistory resolves after the history view painted',
    async run() {
      const a = await tollgate();
      const ms = await vscode.commands.executeCommand<number>('tollgate.showHistory', { project: 'e2e' });
      assert.equal(typeof ms, 'number', 'resolves with the paint time');
      assert.ok(a.timings.historyPaintMs !== undefined && a.timings.historyPaintMs > 0, 'historyPaintMs is measured');
      figures['historyPaintMs (2 runs)'] = a.timings.historyPaintMs;
      assert.ok(openWebviews('tollgate.history').length === 1, 'one tollgate.history webview tab is open');
    },
  },
];
