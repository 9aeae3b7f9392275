/**
 * Entry point of the Tollgate language server: wiring only. The transport
 * (--stdio, --node-ipc, --socket=N) is picked from argv by createConnection.
 * Every handler is guarded; checking logic lives in server/src/core.
 */
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assessEvalGate } from '../core/evalconfig/evaluate-eval-gate';
import { assessInWorker } from '../node/gate-in-worker';
import { readRunFile } from '../node/read-run-file';
import { nodeWorkspaceFiles } from '../node/workspace-files';
import { CheckWorkspaceRequest, GetPolicyRequest, ReleaseDraftRequest } from '../protocol/protocol';
import { codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { completion } from './completion';
import type { ServerContext } from './context';
import { definition, draftRelease } from './manifest-navigation';
import { DiagnosticsScheduler } from './diagnostics';
import { DocumentChecks } from './document-checks';
import { GatePreviews } from './gate-preview';
import { connectionLogger, guardEvent, guardRequest } from './guard';
import { hover } from './hover';
import { checkWorkspace, getPolicy } from './requests';
import { registerEvidenceRequests } from './register-evidence';
import { SettingsStore, workspaceTrusted } from './settings';
import { symbols } from './symbols';
import { applyFileEvents, foldersOf, scanFolders } from './workspace-sync';
import { uriToPath } from './classify';
import { WorkspaceState } from './workspace-state';

const connection = createConnection(ProposedFeatures.all);
const log = connectionLogger(connection);
const documents = new TextDocuments(TextDocument);
const workspace = new WorkspaceState();
const previews = new GatePreviews({
  openText: (path) => workspace.openTextAt(path),
  assess: assessInWorker,
  assessNow: (job) => assessEvalGate(job.plan, readRunFile, job.opts),
  settled: (uris) => gatePreviewsIn(uris),
  log,
});
const checks = new DocumentChecks(workspace, previews, () => ctx?.settings.current.evalGatePreview ?? true);
const files = nodeWorkspaceFiles();
let ctx: ServerContext | undefined;
let folders: WorkspaceFolder[] = [];
let scanned: Promise<unknown> = Promise.resolve();
let clientWatches = false;
let clientConfigChanges = false;
let clientRefreshesLenses = false;

// A bug must cost one answer, not the editor's language support.
process.on('uncaughtException', (e) => log.error('uncaught exception', e));
process.on('unhandledRejection', (e) => log.error('unhandled rejection', e));

function initialize(params: InitializeParams): InitializeResult {
  const caps = params.capabilities;
  const settings = new SettingsStore(connection, caps.workspace?.configuration === true, params.initializationOptions);
  const diagnostics = new DiagnosticsScheduler({
    debounceMs: () => settings.current.debounceMs,
    enabled: () => settings.current.validateEnable,
    document: (uri) => documents.get(uri),
    openUris: () => documents.keys(),
    kindOf: (uri) => workspace.kindOf(uri),
    check: (doc) => checks.run(doc.uri, doc.version, doc.getText(), doc.languageId),
    publish: (p) => void connection.sendDiagnostics(p),
    logError: (what, e) => log.error(what, e),
  });
  ctx = { documents, workspace, checks, settings, diagnostics, log };
  folders = foldersOf(params);
  registerEvidenceRequests(connection, log, workspace, {
    evidenceRootSetting: () => settings.current.evidenceRoot,
    signCommand: () => settings.current.signCommand,
    workspaceFolder: () => (folders[0] ? uriToPath(folders[0].uri) : undefined),
    trusted: workspaceTrusted(params.initializationOptions),
  });
  clientWatches = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  clientConfigChanges = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  clientRefreshesLenses = caps.workspace?.codeLens?.refreshSupport === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-'] },
      documentSymbolProvider: true,
      definitionProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'tollgate' },
  };
}

async function initialized(c: ServerContext): Promise<void> {
  if (clientConfigChanges) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  if (clientWatches) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] });
  await c.settings.refresh();
  workspace.policyPath = c.settings.current.policyPath;
  if (c.settings.current.workspaceScan) {
    scanned = scanFolders(workspace, files, folders).then((n) => log.info(`tollgate: indexed ${n} workspace files`));
    await scanned;
  }
  c.diagnostics.scheduleAll();
}

/** Gate previews came in for these documents: re-check and re-publish them now, and have the client ask for lenses again. */
function gatePreviewsIn(uris: readonly string[]): void {
  if (!ctx) return;
  for (const uri of uris) {
    checks.invalidate(uri);
    ctx.diagnostics.schedule(uri, 0);
  }
  if (clientRefreshesLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch((e: unknown) => log.error('code lens refresh', e));
}

function need(): ServerContext {
  if (!ctx) throw new Error('server not initialized');
  return ctx;
}

connection.onInitialize(initialize);
connection.onInitialized(guardEvent(log, 'initialized', () => initialized(need())));
connection.onDidChangeConfiguration(guardEvent(log, 'configuration change', async () => {
  const c = need();
  await c.settings.refresh();
  workspace.policyPath = c.settings.current.policyPath;
  c.diagnostics.scheduleAll();
}));
connection.onDidChangeWatchedFiles(guardEvent(log, 'watched files', async (p) => {
  if (await applyFileEvents(workspace, files, p)) need().diagnostics.scheduleAll();
}));
documents.onDidChangeContent(guardEvent(log, 'document change', (e) => {
  workspace.setOpen(e.document.uri, e.document.getText(), e.document.languageId);
  need().diagnostics.schedule(e.document.uri);
}));
documents.onDidClose(guardEvent(log, 'document close', (e) => {
  const c = need();
  const affectsOthers = workspace.close(e.document.uri);
  checks.forget(e.document.uri);
  c.diagnostics.clear(e.document.uri);
  // What the closed buffer defined may differ from the disk version others now see.
  if (affectsOthers) c.diagnostics.scheduleAll();
}));
connection.onCodeAction(guardRequest(log, 'code actions', (p) => codeActions(need(), p)));
connection.onHover(guardRequest(log, 'hover', (p) => hover(need(), p)));
connection.onCompletion(guardRequest(log, 'completion', (p) => completion(need(), p)));
connection.onDocumentSymbol(guardRequest(log, 'document symbols', (p) => symbols(need(), p)));
connection.onDefinition(guardRequest(log, 'definition', (p) => definition(need(), p)));
connection.onCodeLens(guardRequest(log, 'code lenses', (p) => codeLenses(need(), p)));
connection.onRequest(CheckWorkspaceRequest, guardRequest(log, 'checkWorkspace', async (p) => {
  await scanned;
  return checkWorkspace(workspace, p);
}));
connection.onRequest(GetPolicyRequest, guardRequest(log, 'getPolicy', () => getPolicy(workspace)));
connection.onRequest(ReleaseDraftRequest, guardRequest(log, 'releaseDraft', (p) => draftRelease(need(), p)));

documents.listen(connection);
connection.listen();
