/** `tollgate.showHistory`: the history view over the run store (arg `{project}` optional). */
import { HistoryRequest } from '../../../server/src/protocol/protocol';
import { LAST_PROJECT_KEY } from '../config';
import { showHistory as openHistory, type HistorySource } from '../webviews';
import { asRecord, str } from './args';
import type { CommandContext } from './context';

export function historySource(ctx: CommandContext): HistorySource {
  return { request: (p) => ctx.server.request(HistoryRequest, p) };
}

export async function showHistory(ctx: CommandContext, arg?: unknown): Promise<number> {
  const started = performance.now();
  const project = str(asRecord(arg)?.['project']) ?? ctx.extension.workspaceState.get<string>(LAST_PROJECT_KEY);
  await openHistory(ctx.extension, historySource(ctx), project);
  ctx.timings.historyPaintMs = performance.now() - started;
  ctx.server.output.appendLine(`[history] view painted ${ctx.timings.historyPaintMs.toFixed(0)} ms after the command`);
  return ctx.timings.historyPaintMs;
}
