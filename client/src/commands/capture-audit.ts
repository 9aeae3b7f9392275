/**
 * `tollgate.captureAudit`: gate an EvalGate file, store both runs and append
 * an audit envelope (project, release id, change ticket, approver). Asks step
 * by step unless given `{evalGateUri, project, releaseId?, changeTicket?, approvedBy?}`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CaptureAuditRequest, type CaptureAuditParams, type CaptureAuditResult } from '../../../server/src/protocol/protocol';
import { LAST_PROJECT_KEY } from '../config';
import { asRecord, asUri, str } from './args';
import type { CommandContext } from './context';
import { failVerdict, prepareVerdict } from '../webviews';
import { present, titleOf } from './present-verdict';
import { withServerProgress } from './run-with-progress';
import { askStep } from './step-input';

const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const TITLE = 'Capture audit evidence';

export async function captureAudit(ctx: CommandContext, arg?: unknown): Promise<CaptureAuditResult | undefined> {
  const given = asRecord(arg);
  const source = asUri(given?.['evalGateUri']) ?? asUri(arg) ?? (await pickEvalGate());
  if (!source) return undefined;
  const params = given && str(given['project']) ? fromArgs(source, given) : await askParams(ctx, source);
  if (!params) return undefined;
  const started = performance.now();
  prepareVerdict(ctx.extension, titleOf(source));
  const fail = (why: string): void => failVerdict(titleOf(source), why);
  const result = await withServerProgress(`Tollgate: capturing evidence for ${titleOf(source)}`, (token) => ctx.server.request(CaptureAuditRequest, params, token), fail);
  if (!result) return undefined;
  await ctx.extension.workspaceState.update(LAST_PROJECT_KEY, params.project);
  await present(ctx, { evalGateUri: source.toString() }, result, titleOf(source), started);
  void announce(result);
  return result;
}

function fromArgs(source: vscode.Uri, a: Record<string, unknown>): CaptureAuditParams {
  const optional = (k: string): Record<string, string> => (str(a[k]) ? { [k]: str(a[k])! } : {});
  return { evalGateUri: source.toString(), project: str(a['project'])!, ...optional('releaseId'), ...optional('changeTicket'), ...optional('approvedBy') };
}

async function pickEvalGate(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && /kind:\s*EvalGate\b/.test(active.getText())) return active.uri;
  const files = await vscode.workspace.findFiles('{**/*.evalgate.{yaml,yml},**/evals/*.{yaml,yml}}', '**/node_modules/**', 500);
  if (files.length === 0) {
    void vscode.window.showWarningMessage('Tollgate: no EvalGate file in the workspace (*.evalgate.yaml or evals/*.yaml).');
    return undefined;
  }
  const items = files.map((u) => ({ label: path.basename(u.path), description: vscode.workspace.asRelativePath(u), uri: u }));
  return (await vscode.window.showQuickPick(items, { title: `${TITLE}: which EvalGate?` }))?.uri;
}

async function askParams(ctx: CommandContext, source: vscode.Uri): Promise<CaptureAuditParams | undefined> {
  const step = (n: number, prompt: string, extra: Partial<Parameters<typeof askStep>[0]> = {}) => askStep({ title: TITLE, step: n, totalSteps: 4, prompt, ...extra });
  const fallback = path.basename(source.path).replace(/(\.evalgate)?\.ya?ml$/, '');
  const project = await step(1, 'Project: the run store folder the runs are recorded in', {
    value: ctx.extension.workspaceState.get<string>(LAST_PROJECT_KEY) ?? fallback,
    validate: (v) => (PLAIN_NAME.test(v.trim()) ? undefined : 'A plain name: letters, digits, . _ - (no slashes)'),
  });
  if (project === undefined) return undefined;
  const releaseId = await step(2, 'Release id (empty: a timestamp like 20261202-101500)', { placeholder: 'e.g. checkout-2026.12.02', validate: (v) => (v.trim() === '' || PLAIN_NAME.test(v.trim()) ? undefined : 'A plain name: letters, digits, . _ -') });
  if (releaseId === undefined) return undefined;
  const changeTicket = await step(3, 'Change ticket approving this release (empty: none)', { placeholder: 'e.g. CHG-1234' });
  if (changeTicket === undefined) return undefined;
  const approvedBy = await step(4, 'Approved by (empty: none)', { placeholder: 'e.g. alice@example.com' });
  if (approvedBy === undefined) return undefined;
  const opt = (k: string, v: string): Record<string, string> => (v === '' ? {} : { [k]: v });
  return { evalGateUri: source.toString(), project, ...opt('releaseId', releaseId), ...opt('changeTicket', changeTicket), ...opt('approvedBy', approvedBy) };
}

async function announce(r: CaptureAuditResult): Promise<void> {
  const file = vscode.Uri.file(r.file);
  // Reveal the new envelope in the explorer (it lives in the workspace's evidence folder).
  if (vscode.workspace.getWorkspaceFolder(file)) void vscode.commands.executeCommand('revealInExplorer', file);
  const signed = r.signatureProblem ? ` Not signed: ${r.signatureProblem}` : '';
  const pick = await vscode.window.showInformationMessage(`Tollgate: ${r.verdict} — evidence captured as ${r.envelopeId} (#${r.sequence}).${signed}`, 'Open Envelope');
  if (pick === 'Open Envelope') await vscode.window.showTextDocument(file, { preview: true });
}
