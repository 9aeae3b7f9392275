/**
 * Starts the Tollgate language server (server/out/server.js) over IPC and
 * keeps one client per window. The server decides everything about files;
 * the client only tells it whether the workspace is trusted — the one thing
 * the workspace's own settings must never be able to claim.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The files the server reads: manifests, policies and EvalGate files (YAML), run files (JSON, JSON Lines). */
const DOCUMENT_SELECTOR: LanguageClientOptions['documentSelector'] = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonl' },
  { scheme: 'file', pattern: '**/*.jsonl' },
];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, trace: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // F5 debugging: attach to port 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'tollgate' },
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    diagnosticCollectionName: 'tollgate',
    outputChannel: output,
    traceOutputChannel: trace,
  };
  return new LanguageClient('tollgate', 'Tollgate', serverOptions, clientOptions);
}
