/**
 * Keeps WorkspaceState in step with the disk: an initial scan of every
 * workspace folder (so AnalysisTemplates and policy files that are not open
 * still count) and `workspace/didChangeWatchedFiles` afterwards.
 */
import { pathToFileURL } from 'node:url';
import { FileChangeType, type DidChangeWatchedFilesParams, type WorkspaceFolder } from 'vscode-languageserver';
import type { WorkspaceFiles } from '../node/workspace-files';
import { uriToPath } from './classify';
import type { WorkspaceState } from './workspace-state';

/** Read every candidate file under the folders into the workspace state. */
export async function scanFolders(ws: WorkspaceState, files: WorkspaceFiles, folders: readonly WorkspaceFolder[]): Promise<number> {
  let count = 0;
  for (const folder of folders) {
    if (!folder.uri.startsWith('file:')) continue;
    for (const path of await files.list(uriToPath(folder.uri))) {
      const text = await files.read(path);
      if (text === undefined) continue;
      ws.setDisk(pathToFileURL(path).href, text);
      count++;
    }
  }
  return count;
}

/** Apply watched-file events; resolves to whether anything changed. */
export async function applyFileEvents(ws: WorkspaceState, files: WorkspaceFiles, params: DidChangeWatchedFilesParams): Promise<boolean> {
  let changed = false;
  for (const change of params.changes) {
    if (!change.uri.startsWith('file:') || !/\.(ya?ml|json)$/i.test(change.uri)) continue;
    const text = change.type === FileChangeType.Deleted ? undefined : await files.read(uriToPath(change.uri));
    ws.setDisk(change.uri, text);
    changed = true;
  }
  return changed;
}

/** The folders to scan: `workspaceFolders`, else the legacy `rootUri`. */
export function foldersOf(params: { workspaceFolders?: WorkspaceFolder[] | null; rootUri?: string | null }): WorkspaceFolder[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders;
  return params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : [];
}
