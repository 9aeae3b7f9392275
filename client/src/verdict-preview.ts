/**
 * The status bar shows the verdict of the EvalGate file in the active editor
 * without the user running anything: the gate runs quietly in the server
 * when such a file becomes active or is saved (setting `tollgate.evalGate.preview`).
 * Switching away cancels a gate still running.
 */
import * as vscode from 'vscode';
import { RunGateRequest } from '../../server/src/protocol/protocol';
import type { ServerConnection } from './server-connection';
import type { Verdicts } from './verdicts';

const EVAL_GATE = /^kind:\s*EvalGate\b/m;

export function registerVerdictPreview(server: ServerConnection, verdicts: Verdicts): vscode.Disposable[] {
  let running: vscode.CancellationTokenSource | undefined;
  const preview = async (doc: vscode.TextDocument | undefined, force: boolean): Promise<void> => {
    running?.cancel();
    if (!doc || doc.languageId !== 'yaml' || !EVAL_GATE.test(doc.getText())) return;
    if (!vscode.workspace.getConfiguration('tollgate', doc.uri).get<boolean>('evalGate.preview', true)) return;
    if (!force && verdicts.forUri(doc.uri)) return;
    const source = { evalGateUri: doc.uri.toString() };
    const cts = (running = new vscode.CancellationTokenSource());
    try {
      const result = await server.request(RunGateRequest, source, cts.token);
      if (!cts.token.isCancellationRequested) verdicts.record({ source, result, title: vscode.workspace.asRelativePath(doc.uri, false) });
    } catch {
      // The file's diagnostics already say why it cannot be gated; the status bar just stays quiet.
    }
  };
  const whenReady = server.onDidChangeState((s) => s === 'running' && void preview(vscode.window.activeTextEditor?.document, false));
  return [
    whenReady,
    vscode.window.onDidChangeActiveTextEditor((e) => void preview(e?.document, false)),
    vscode.workspace.onDidSaveTextDocument((d) => d === vscode.window.activeTextEditor?.document && void preview(d, true)),
    { dispose: () => running?.cancel() },
  ];
}
