/** The server's parts, handed to each feature module (no module-level globals). */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditorEnv } from '../core/editor/editor-env';
import type { DiagnosticsScheduler } from './diagnostics';
import type { CheckedDocument, DocumentChecks } from './document-checks';
import type { Logger } from './guard';
import type { SettingsStore } from './settings';
import type { WorkspaceState } from './workspace-state';

export interface ServerContext {
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: WorkspaceState;
  readonly checks: DocumentChecks;
  readonly settings: SettingsStore;
  readonly diagnostics: DiagnosticsScheduler;
  readonly log: Logger;
}

/** The check of the document's current version: the cached one, or run now (e.g. still debouncing). */
export function checkedNow(ctx: ServerContext, doc: TextDocument): CheckedDocument {
  return ctx.checks.get(doc.uri, doc.version) ?? ctx.checks.run(doc.uri, doc.version, doc.getText(), doc.languageId).result;
}

/** Policy and workspace objects for the editor helpers. */
export function editorEnv(ctx: ServerContext): EditorEnv {
  return { policy: ctx.workspace.policy().policy, workspace: ctx.workspace.index() };
}
