/** Typed reads of the client-side `tollgate.*` settings (the server pulls its own section itself). */
import * as vscode from 'vscode';

export function evidenceRootSetting(scope?: vscode.Uri): string {
  return vscode.workspace.getConfiguration('tollgate', scope).get<string>('evidence.root', '.tollgate/evidence');
}

/** The project last used for evidence, remembered per workspace so the next capture can offer it. */
export const LAST_PROJECT_KEY = 'tollgate.lastProject';
