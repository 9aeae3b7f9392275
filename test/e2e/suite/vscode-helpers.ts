/** Small helpers for code running in the extension host (the e2e cases and the editor bench). */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TollgateApi } from '../../../client/src/api';
import { EXTENSION_ID } from '../contract';

export { poll } from '../../helpers/poll';

/** The e2e workspace folder (the temp copy of examples/workspace). */
export function folder(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the e2e workspace is open');
  return f.uri.fsPath;
}

export const file = (rel: string): vscode.Uri => vscode.Uri.file(join(folder(), rel));

/** Open webview tabs of a view type (VS Code prefixes it: `mainThreadWebview-tollgate.verdict`). */
export function openWebviews(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

export async function closeWebviews(viewType: string): Promise<void> {
  const tabs = openWebviews(viewType);
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

let api: TollgateApi | undefined;
/** The extension's API once its language server is up. */
export async function tollgate(): Promise<TollgateApi> {
  if (api) return api;
  const ext = vscode.extensions.getExtension<TollgateApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  api = await ext.activate();
  await api.ready;
  return api;
}
