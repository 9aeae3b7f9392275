/**
 * The webviews' API for the rest of the extension (see the issue-5 contract):
 * open the verdict or history panel and restore them after a window reload.
 */
import * as vscode from 'vscode';
import type { CaptureAuditResult, RunGateResult } from '../../../server/src/protocol/protocol';
import { HISTORY_VIEW, restoreHistory, showHistory as openHistory, type HistorySource } from './history-panel';
import { restoreVerdict, showVerdict as openVerdict, VERDICT_VIEW } from './verdict-panel';

export { failVerdict, prepareVerdict } from './verdict-panel';

export type { HistorySource } from './history-panel';

/** Resolves with the ms from this call to the webview reporting it painted the result. */
export function showVerdict(ctx: vscode.ExtensionContext, result: RunGateResult | CaptureAuditResult, title: string): Promise<number> {
  return openVerdict(ctx, result, title);
}

/** Resolves with the ms from this call to the first paint of the project's runs. */
export function showHistory(ctx: vscode.ExtensionContext, source: HistorySource, project?: string): Promise<number> {
  return openHistory(ctx, source, project);
}

/** Lets VS Code bring both panels back after a reload (needs `onWebviewPanel:<viewType>` activation events). */
export function registerWebviewSerializers(ctx: vscode.ExtensionContext, source: HistorySource): void {
  ctx.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(VERDICT_VIEW.viewType, {
      deserializeWebviewPanel: (panel) => Promise.resolve(restoreVerdict(ctx, panel)),
    }),
    vscode.window.registerWebviewPanelSerializer(HISTORY_VIEW.viewType, {
      deserializeWebviewPanel: (panel) => Promise.resolve(restoreHistory(ctx, panel, source)),
    }),
  );
}
