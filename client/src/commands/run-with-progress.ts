/**
 * Long server work (a gate can take seconds on large runs) runs under a
 * cancellable notification; cancelling sends $/cancelRequest, and the server
 * stops the gate's worker. Failures are shown with the server's message.
 */
import * as vscode from 'vscode';
import { messageOf } from './args';

export async function withServerProgress<R>(title: string, work: (token: vscode.CancellationToken) => Promise<R>, onFail?: (reason: string) => void): Promise<R | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    try {
      return await work(token);
    } catch (e) {
      if (token.isCancellationRequested) {
        onFail?.('cancelled');
        void vscode.window.showInformationMessage(`${title}: cancelled.`);
        return undefined;
      }
      onFail?.(messageOf(e));
      void vscode.window.showErrorMessage(`${title} failed: ${messageOf(e)}`);
      return undefined;
    }
  });
}
