/** `tollgate.verifyAudit` and `tollgate.trace`: the CLI's reports, shown as read-only documents. */
import * as vscode from 'vscode';
import { TraceRequest, VerifyAuditRequest } from '../../../server/src/protocol/protocol';
import { asRecord, str } from './args';
import type { CommandContext } from './context';
import { withServerProgress } from './run-with-progress';

export async function verifyAudit(ctx: CommandContext): Promise<boolean | undefined> {
  const r = await withServerProgress('Tollgate: verifying the audit trail', (token) => ctx.server.request(VerifyAuditRequest, {}, token));
  if (!r) return undefined;
  await ctx.reports.show('Audit verification.txt', r.text);
  if (r.ok) void vscode.window.showInformationMessage('Tollgate: the audit trail is intact.');
  else void vscode.window.showErrorMessage('Tollgate: the audit trail does NOT verify — see the report.');
  return r.ok;
}

export async function trace(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const query = str(asRecord(arg)?.['query']) ?? str(arg) ?? (await vscode.window.showInputBox({
    title: 'Trace artifact',
    prompt: 'An image digest (sha256:…), a git commit or a change ticket',
    placeHolder: 'sha256:… · 3f2a9c1 · CHG-1234',
    validateInput: (v) => (v.trim() === '' ? 'Enter something to trace' : undefined),
  }));
  if (!query) return undefined;
  const r = await withServerProgress(`Tollgate: tracing ${query}`, (token) => ctx.server.request(TraceRequest, { query }, token));
  if (!r) return undefined;
  await ctx.reports.show(`Trace ${query.replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 80)}.txt`, r.text);
  return r.text;
}
