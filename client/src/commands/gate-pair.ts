/**
 * `tollgate.gatePair`: gate two run files. From the explorer (two files
 * selected), the palette (pick), or with `{baselineUri, candidateUri, minDelta}`.
 */
import * as vscode from 'vscode';
import type { RunGateResult } from '../../../server/src/protocol/protocol';
import { asRecord, asUri } from './args';
import type { CommandContext } from './context';
import { pickRunPair, type RunPair } from './pick-run-pair';
import { gateAndShow, titleOf } from './present-verdict';

const MIN_DELTA_KEY = 'tollgate.lastMinDelta';

export async function gatePair(ctx: CommandContext, first?: unknown, selection?: unknown): Promise<RunGateResult | undefined> {
  const given = asRecord(first);
  const pair = given ? pairOf(given) : await pickRunPair(selected(first, selection));
  if (!pair) return undefined;
  const minDelta = typeof given?.['minDelta'] === 'number' ? given['minDelta'] : await askMinDelta(ctx);
  if (minDelta === undefined) return undefined;
  const title = `${titleOf(pair.candidate)} vs ${titleOf(pair.baseline)}`;
  return gateAndShow(ctx, { baselineUri: pair.baseline.toString(), candidateUri: pair.candidate.toString(), minDelta }, title);
}

function pairOf(r: Record<string, unknown>): RunPair | undefined {
  const baseline = asUri(r['baselineUri']);
  const candidate = asUri(r['candidateUri']);
  return baseline && candidate ? { baseline, candidate } : undefined;
}

/** The explorer passes (clicked, allSelected). */
function selected(first: unknown, selection: unknown): vscode.Uri[] {
  if (Array.isArray(selection)) return selection.map(asUri).filter((u): u is vscode.Uri => u !== undefined);
  const one = asUri(first);
  return one ? [one] : [];
}

async function askMinDelta(ctx: CommandContext): Promise<number | undefined> {
  const last = ctx.extension.workspaceState.get<string>(MIN_DELTA_KEY, '0');
  const text = await vscode.window.showInputBox({
    title: 'Gate run pair: minimum effect',
    prompt: 'min_delta: the smallest improvement (in metric units, e.g. 0.01 = 1 pp) the candidate must show to be allowed',
    value: last,
    validateInput: (v) => (v.trim() !== '' && Number.isFinite(Number(v)) ? undefined : 'A number, e.g. 0 or 0.01'),
  });
  if (text === undefined) return undefined;
  await ctx.extension.workspaceState.update(MIN_DELTA_KEY, text.trim());
  return Number(text);
}
