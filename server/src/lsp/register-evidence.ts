/**
 * Registers the gate and evidence requests (protocol.ts). Bad input —
 * unknown projects, ids that would escape the evidence directory, a refused
 * approval, an unreadable run file — is answered with RequestFailed and the
 * same message the CLI prints; a cancelled gate with RequestCancelled; only
 * bugs are logged as internal errors.
 */
import { type CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { DataError, UsageError } from '../core/errors';
import { chainRecords, knownImagesFromChain, loadChain, SeparationOfDutiesError, ticketUsesFromChain } from '../core/evidence';
import { CancelledError } from '../node/cancellation';
import { nodeEvidenceContext } from '../node/evidence-context';
import { FileSystemError } from '../core/store/ports';
import { CaptureAuditRequest, HistoryRequest, LastGoodRequest, RecordReleaseRequest, RunGateRequest, TraceRequest, VerifyAuditRequest } from '../protocol/protocol';
import { evidenceRoot, history, lastGood, recordReleaseRequest, trace, verifyAudit, type EvidenceSettings } from './evidence-requests';
import { captureAuditRequest, runGate } from './gate-requests';
import type { Logger } from './guard';
import type { WorkspaceState } from './workspace-state';

export interface EvidenceEnv {
  readonly evidenceRootSetting: () => string;
  readonly signCommand: () => readonly string[];
  readonly workspaceFolder: () => string | undefined;
  readonly trusted: boolean;
}

export function registerEvidenceRequests(connection: Connection, log: Logger, ws: WorkspaceState, env: EvidenceEnv): void {
  const settings = (): EvidenceSettings => {
    const folder = env.workspaceFolder();
    return { root: evidenceRoot(env.evidenceRootSetting(), folder), workspaceFolder: folder, trusted: env.trusted, signCommand: env.signCommand() };
  };
  const on = <P, R>(name: string, handler: (p: P, token: CancellationToken) => Promise<R>) => async (p: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
    try {
      return await handler(p, token);
    } catch (e) {
      if (e instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const message = userMessage(e);
      if (message !== undefined) return new ResponseError(LSPErrorCodes.RequestFailed, message);
      log.error(name, e);
      return new ResponseError(ErrorCodes.InternalError, `tollgate: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  connection.onRequest(RunGateRequest, on('runGate', (p, token) => runGate(ws, p, token)));
  connection.onRequest(CaptureAuditRequest, on('captureAudit', (p, token) => captureAuditRequest(ws, p, settings(), token)));
  connection.onRequest(HistoryRequest, on('history', (p) => history(settings(), p)));
  connection.onRequest(RecordReleaseRequest, on('recordRelease', async (p) => {
    const r = await recordReleaseRequest(settings(), p);
    await refreshKnownImages(ws, settings(), log);
    return r;
  }));
  void refreshKnownImages(ws, settings(), log);
  connection.onRequest(VerifyAuditRequest, on('verifyAudit', () => verifyAudit(settings())));
  connection.onRequest(TraceRequest, on('trace', (p) => trace(settings(), p.query)));
  connection.onRequest(LastGoodRequest, on('lastGood', (p) => lastGood(settings(), p.service, p.env)));
}

/** Load what the evidence chain knows (digests, tickets) into the workspace; a missing or broken chain just means nothing. */
async function refreshKnownImages(ws: WorkspaceState, s: EvidenceSettings, log: Logger): Promise<void> {
  try {
    const records = chainRecords(await loadChain(nodeEvidenceContext(), s.root));
    ws.knownImages = knownImagesFromChain(records);
    ws.ticketUses = ticketUsesFromChain(records);
  } catch (e) {
    log.info(`tollgate: no image digests from the evidence chain at ${s.root} (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The message for errors caused by the request or the data, undefined for bugs. */
function userMessage(e: unknown): string | undefined {
  if (e instanceof DataError) return e.describe();
  if (e instanceof UsageError) return e.message.replace(/^tollgate: error: /, '');
  if (e instanceof SeparationOfDutiesError) return `refused: ${e.message}`;
  if (e instanceof FileSystemError) return e.message;
  return undefined;
}
