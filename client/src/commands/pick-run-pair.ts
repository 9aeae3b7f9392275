/**
 * Which two run files to gate, and which is the baseline. Asks only when the
 * answer is not already clear: two files selected in the explorer, or the
 * active run file with a single sibling, are a pair; names containing
 * "baseline"/"candidate" (or base/control vs cand/new) give the order.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface RunPair {
  readonly baseline: vscode.Uri;
  readonly candidate: vscode.Uri;
}

const RUN_GLOB = '**/*.{json,jsonl,parquet}';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.tollgate/**,**/package*.json,**/tsconfig*.json,**/.vscode/**}';
const BASELINE = /(^|[^a-z])(baseline|base|control|old|before)([^a-z]|$)/i;
const CANDIDATE = /(^|[^a-z])(candidate|cand|new|after|treatment)([^a-z]|$)/i;

export function isRunFile(uri: vscode.Uri): boolean {
  return /\.(json|jsonl|parquet)$/i.test(uri.path);
}

/** Order two files by their names; undefined when the names do not tell. */
export function orderByName(a: vscode.Uri, b: vscode.Uri): RunPair | undefined {
  const [na, nb] = [path.basename(a.path), path.basename(b.path)];
  if ((BASELINE.test(na) || CANDIDATE.test(nb)) && !BASELINE.test(nb) && !CANDIDATE.test(na)) return { baseline: a, candidate: b };
  if ((BASELINE.test(nb) || CANDIDATE.test(na)) && !BASELINE.test(na) && !CANDIDATE.test(nb)) return { baseline: b, candidate: a };
  return undefined;
}

export async function pickRunPair(selected: readonly vscode.Uri[]): Promise<RunPair | undefined> {
  const runs = selected.filter(isRunFile);
  if (runs.length === 2) return orderByName(runs[0], runs[1]) ?? askOrder(runs[0], runs[1]);
  const active = vscode.window.activeTextEditor?.document.uri;
  const all = (await vscode.workspace.findFiles(RUN_GLOB, EXCLUDE, 2000)).sort((x, y) => x.path.localeCompare(y.path));
  if (active && isRunFile(active)) {
    const siblings = all.filter((u) => path.dirname(u.path) === path.dirname(active.path) && u.toString() !== active.toString());
    if (siblings.length === 1) return orderByName(active, siblings[0]) ?? askOrder(active, siblings[0]);
  }
  return askBoth(all, active && isRunFile(active) ? active : undefined);
}

async function askOrder(a: vscode.Uri, b: vscode.Uri): Promise<RunPair | undefined> {
  const items = [a, b].map((u) => ({ label: path.basename(u.path), description: vscode.workspace.asRelativePath(u), uri: u }));
  const base = await vscode.window.showQuickPick(items, { title: 'Gate run pair: which run is the baseline?', placeHolder: 'The baseline is the run the candidate must beat' });
  if (!base) return undefined;
  return { baseline: base.uri, candidate: base.uri === a ? b : a };
}

async function askBoth(all: readonly vscode.Uri[], candidateHint: vscode.Uri | undefined): Promise<RunPair | undefined> {
  if (all.length < 2) {
    void vscode.window.showWarningMessage('Tollgate: gating needs two run files (.json, .jsonl or .parquet) in the workspace.');
    return undefined;
  }
  const items = (skip?: vscode.Uri) => all.filter((u) => u.toString() !== skip?.toString()).map((u) => ({ label: path.basename(u.path), description: vscode.workspace.asRelativePath(path.dirname(u.fsPath)), uri: u }));
  const base = await vscode.window.showQuickPick(items(candidateHint), { title: 'Gate run pair (1/2): baseline run', matchOnDescription: true });
  if (!base) return undefined;
  const cand = candidateHint ?? (await vscode.window.showQuickPick(items(base.uri), { title: 'Gate run pair (2/2): candidate run', matchOnDescription: true }))?.uri;
  return cand ? { baseline: base.uri, candidate: cand } : undefined;
}
