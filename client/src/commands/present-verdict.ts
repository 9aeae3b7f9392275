/** Runs a gate source through the server and shows the outcome: verdict view, status bar, timings. */
import * as vscode from 'vscode';
import { RunGateRequest, type GateSource, type RunGateResult } from '../../../server/src/protocol/protocol';
import { failVerdict, prepareVerdict, showVerdict } from '../webviews';
import type { GateOutcome } from '../verdicts';
import type { CommandContext } from './context';
import { withServerProgress } from './run-with-progress';

/** Gate `source` with progress and cancel; shows the verdict view. Resolves with the result (undefined when cancelled or failed). */
export async function gateAndShow(ctx: CommandContext, source: GateSource, title: string): Promise<RunGateResult | undefined> {
  const started = performance.now();
  // The panel opens first: its page boots while the server gates.
  prepareVerdict(ctx.extension, title);
  const result = await withServerProgress(`Tollgate: gating ${title}`, (token) => ctx.server.request(RunGateRequest, source, token), (why) => failVerdict(title, why));
  if (result) await present(ctx, source, result, title, started);
  return result;
}

/** Record the outcome and open the verdict view; the paint time counts from `started` (the command). */
export async function present(ctx: CommandContext, source: GateSource, result: GateOutcome, title: string, started: number): Promise<void> {
  ctx.verdicts.record({ source, result, title });
  await showVerdict(ctx.extension, result, title);
  ctx.timings.verdictPaintMs = performance.now() - started;
  ctx.server.output.appendLine(`[verdict] ${title}: ${result.summary} (view painted ${ctx.timings.verdictPaintMs.toFixed(0)} ms after the command)`);
}

/** A short title for a gated file: its workspace-relative path. */
export function titleOf(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
