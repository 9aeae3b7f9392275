/** `tollgate.runEvalGate`: the gate an EvalGate file describes (the menu's file, the argument, or the active editor). */
import * as vscode from 'vscode';
import type { RunGateResult } from '../../../server/src/protocol/protocol';
import { asRecord, asUri } from './args';
import type { CommandContext } from './context';
import { gateAndShow, titleOf } from './present-verdict';

export async function runEvalGate(ctx: CommandContext, arg?: unknown): Promise<RunGateResult | undefined> {
  const uri = asUri(arg) ?? asUri(asRecord(arg)?.['uri']) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage('Tollgate: open an EvalGate file (kind: EvalGate) to run its gate.');
    return undefined;
  }
  // Unsaved edits are what the user sees; the server reads the open buffer, so no save is forced.
  return gateAndShow(ctx, { evalGateUri: uri.toString() }, titleOf(uri));
}
