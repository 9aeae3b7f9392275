/**
 * `tollgate.recordRelease`: a release event for the workload under the
 * cursor. The server prefills it from the manifest and the policy; the user
 * completes what is missing (a digest, the ticket, the approver, the commit)
 * and confirms, because the chain is append-only.
 */
import * as vscode from 'vscode';
import { RecordReleaseRequest, ReleaseDraftRequest, type RecordReleaseParams, type RecordReleaseResult, type ReleaseDraftResult } from '../../../server/src/protocol/protocol';
import { messageOf } from './args';
import type { CommandContext } from './context';
import { askStep } from './step-input';

const TITLE = 'Record release';
const PINNED = /@sha256:[0-9a-f]{64}$/;

export async function recordRelease(ctx: CommandContext): Promise<RecordReleaseResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return warn('open a Rollout (or other workload manifest) first.');
  const draft = await ctx.server.request(ReleaseDraftRequest, { uri: editor.document.uri.toString(), position: editor.selection.active });
  if (!draft) return warn('no Rollout, Deployment or other workload in this file.');
  const params = await complete(draft);
  if (!params) return undefined;
  const ok = await vscode.window.showWarningMessage(
    `Record the release of ${params.service} to ${params.env}?`,
    { modal: true, detail: `${params.image}\ncommit ${params.gitSha}, ticket ${params.changeTicket}, approved by ${params.approvedBy}\n\nThe evidence chain is append-only: this cannot be undone.` },
    'Record Release',
  );
  if (ok !== 'Record Release') return undefined;
  try {
    const r = await ctx.server.request(RecordReleaseRequest, params);
    const open = await vscode.window.showInformationMessage(`Tollgate: release ${r.id} recorded (#${r.sequence}).`, 'Open');
    if (open) await vscode.window.showTextDocument(vscode.Uri.file(r.file));
    return r;
  } catch (e) {
    void vscode.window.showErrorMessage(`Tollgate: release not recorded: ${messageOf(e)}`);
    return undefined;
  }
}

function warn(text: string): undefined {
  void vscode.window.showWarningMessage(`Tollgate: ${text}`);
  return undefined;
}

async function complete(d: ReleaseDraftResult): Promise<RecordReleaseParams | undefined> {
  const step = (n: number, prompt: string, value: string, validate?: (v: string) => string | undefined) => askStep({ title: `${TITLE}: ${d.service} → ${d.env}`, step: n, totalSteps: 4, prompt, value, ...(validate ? { validate } : {}) });
  const required = (what: string) => (v: string) => (v.trim() === '' ? `${what} is required` : undefined);
  const image = await step(1, 'Image, pinned by digest (NAME@sha256:…)', d.pinned ? d.image : `${d.image.replace(/@.*$/, '')}@sha256:`, (v) => (PINNED.test(v.trim()) ? undefined : 'Release events record digests: NAME@sha256:<64 hex digits>'));
  if (image === undefined) return undefined;
  const gitSha = await step(2, 'Commit deployed (git SHA)', await headCommit(), (v) => (/^[0-9a-fA-F]{7,64}$/.test(v.trim()) ? undefined : '7 to 64 hex digits'));
  if (gitSha === undefined) return undefined;
  const changeTicket = await step(3, 'Change ticket', d.changeTicket, required('A change ticket'));
  if (changeTicket === undefined) return undefined;
  const approvedBy = await step(4, `Approved by${d.tier >= 2 ? ' (tier 2: not the commit author)' : ''}`, d.approvedBy, required('An approver'));
  if (approvedBy === undefined) return undefined;
  return { service: d.service, env: d.env, tier: d.tier, image, gitSha, changeTicket, approvedBy };
}

/** HEAD of the first repository VS Code's git extension knows (empty when none or not yet loaded). */
async function headCommit(): Promise<string> {
  try {
    const git = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: { state: { HEAD?: { commit?: string } } }[] } }>('vscode.git');
    const api = (git?.isActive ? git.exports : await git?.activate())?.getAPI(1);
    return api?.repositories[0]?.state.HEAD?.commit ?? '';
  } catch {
    return '';
  }
}
