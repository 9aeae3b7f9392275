/**
 * The synchronous file ports the core's checks take (run files for
 * tollgate/checkWorkspace, manifests referenced by policy tests). An open
 * buffer wins over the disk, so an edited run file counts before it is saved.
 * Open documents' gate previews do not read here: gate-preview.ts runs them on a worker.
 */
import { readFileSync } from 'node:fs';
import type { LoadRun } from '../core/evalconfig/evaluate-eval-gate';
import type { ReadTestFile } from '../core/policy/run-policy-tests';
import { readRun } from '../core/runs/read-run';
import { readTextFile } from '../node/read-run-file';
import type { WorkspaceState } from './workspace-state';

export function runLoader(ws: WorkspaceState): LoadRun {
  return (path, opts) => readRun(ws.openTextAt(path) ?? readTextFile(path), path, opts);
}

export function testFileReader(ws: WorkspaceState): ReadTestFile {
  return (path) => {
    const open = ws.openTextAt(path);
    if (open !== undefined) return open;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
}
