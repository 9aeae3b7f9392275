/** `tollgate.showVerdict`: reopen a verdict (the status bar passes the one it shows; default: the last one). */
import * as vscode from 'vscode';
import { showVerdict as openVerdict } from '../webviews';
import type { KeyedOutcome } from '../verdicts';
import type { CommandContext } from './context';

export async function showVerdict(ctx: CommandContext, arg?: unknown): Promise<void> {
  const outcome = isOutcome(arg) ? arg : ctx.verdicts.last();
  if (!outcome) {
    void vscode.window.showInformationMessage('Tollgate: no gate has run in this window yet.');
    return;
  }
  await openVerdict(ctx.extension, outcome.result, outcome.title);
}

function isOutcome(v: unknown): v is KeyedOutcome {
  return typeof v === 'object' && v !== null && 'result' in v && 'source' in v;
}
