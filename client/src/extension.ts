/**
 * Activation only: start the language server in the background, register
 * commands, status items and webview serializers. Everything else lives in
 * the server; this side owns VS Code UI alone.
 */
import * as vscode from 'vscode';
import type { TollgateApi, Timings } from './api';
import { registerCommands } from './commands';
import type { CommandContext } from './commands/context';
import { historySource } from './commands/show-history';
import { ReportDocuments } from './report-documents';
import { ServerConnection } from './server-connection';
import { registerStatus } from './status';
import { registerVerdictPreview } from './verdict-preview';
import { Verdicts } from './verdicts';
import { registerWebviewSerializers } from './webviews';

let server: ServerConnection | undefined;

/**
 * Evaluating the bundle (the language client is most of it): from the build's banner
 * (.ci/build.mjs) to here, where every import has been evaluated.
 */
const bundleEvalMs = performance.now() - ((globalThis as { __tollgateBundleStart?: number }).__tollgateBundleStart ?? performance.now());

export function activate(context: vscode.ExtensionContext): TollgateApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Tollgate', { log: true });
  const trace = vscode.window.createOutputChannel('Tollgate Trace', { log: true });
  server = new ServerConnection(context, output, trace);
  const verdicts = new Verdicts();
  const reports = new ReportDocuments();
  const timings: Timings = { activationMs: 0 };
  const ctx: CommandContext = { extension: context, server, verdicts, reports, timings };
  context.subscriptions.push(output, trace, server, verdicts, reports, ...registerCommands(ctx), ...registerStatus(server, verdicts), ...registerVerdictPreview(server, verdicts));
  registerWebviewSerializers(context, historySource(ctx));
  // Trust decides whether git and the signer may run: the server learns it at start, so restart on grant.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void server?.restart()));
  const ready = server.start();
  ready.catch(() => undefined); // reported in the output channel and the language status item
  // What the extension costs the editor: its code's evaluation plus activate() — not the editor's
  // own wait between loading the module and calling activate().
  timings.activationMs = bundleEvalMs + (performance.now() - started);
  output.appendLine(`Tollgate activated in ${timings.activationMs.toFixed(1)} ms (bundle ${bundleEvalMs.toFixed(1)} ms + activate ${(performance.now() - started).toFixed(1)} ms)`);
  return { ready, lastGate: () => verdicts.last()?.result, lastCapture: () => verdicts.lastCapture(), timings };
}

/** VS Code waits for this: the server gets to finish writes in flight and exit cleanly. */
export async function deactivate(): Promise<void> {
  await server?.stop();
}
