/**
 * The synchronous file ports the core's checks take (run files for EvalGate
 * previews, manifests referenced by policy tests). An open buffer wins over
 * the disk, so editing a run file updates the gate preview before saving.
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
