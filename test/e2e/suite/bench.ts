/**
 * The in-editor half of bench/editor.mjs, run by VS Code's extension host
 * (`extensionTestsPath`): the extension's own timings (TollgateApi.timings)
 * for activation, verdict paint and history paint, plus the command's wall
 * time as the extension host sees it. Writes samples to TOLLGATE_BENCH_RESULTS.
 */
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TollgateApi } from '../../../client/src/api';
import type { RunGateResult } from '../../../server/src/protocol/protocol';
import { EXTENSION_ID } from '../contract';
import { closeWebviews, file, poll, tollgate } from './vscode-helpers';

type Samples = Record<string, number[]>;

export async function run(): Promise<void> {
  const samples: Samples = {};
  const add = (k: string, v: number | undefined): void => {
    if (v !== undefined) (samples[k] ??= []).push(v);
  };
  const reps = Number(process.env['TOLLGATE_BENCH_REPS'] ?? '3');
  const project = process.env['TOLLGATE_BENCH_PROJECT'] ?? 'bench';

  const ext = vscode.extensions.getExtension<TollgateApi>(EXTENSION_ID)!;
  await poll(() => ext.isActive || undefined, 'activation by the workspace markers', 60_000);
  const api = await tollgate();
  add('activationMs (API)', api.timings.activationMs);

  const evals = (await vscode.workspace.findFiles('evals/*.evalgate.yaml')).map((u) => vscode.workspace.asRelativePath(u)).sort();
  for (let i = 0; i < reps; i++) {
    for (const rel of evals) {
      // Fresh panel: what the first gate of a session (or after closing the view) costs.
      await closeWebviews('tollgate.verdict');
      let t0 = performance.now();
      await vscode.commands.executeCommand<RunGateResult>('tollgate.runEvalGate', file(rel));
      add(`verdict paint, new panel (API) ${rel}`, api.timings.verdictPaintMs);
      add('verdict command wall, new panel', performance.now() - t0);
      // Panel already open: the usual case while iterating on one gate.
      t0 = performance.now();
      await vscode.commands.executeCommand<RunGateResult>('tollgate.runEvalGate', file(rel));
      add(`verdict paint, open panel (API) ${rel}`, api.timings.verdictPaintMs);
      add('verdict command wall, open panel', performance.now() - t0);
    }
  }
  await closeWebviews('tollgate.verdict');
  for (let i = 0; i < reps; i++) {
    await closeWebviews('tollgate.history');
    const t0 = performance.now();
    const ms = await vscode.commands.executeCommand<number>('tollgate.showHistory', { project });
    add('history paint, new panel (API)', api.timings.historyPaintMs ?? ms);
    add('history command wall, new panel', performance.now() - t0);
  }
  for (let i = 0; i < reps; i++) {
    // Panel open: the data is fetched and painted again (what switching project back costs).
    await vscode.commands.executeCommand<number>('tollgate.showHistory', { project });
    add('history paint, open panel (API)', api.timings.historyPaintMs);
  }
  const out = process.env['TOLLGATE_BENCH_RESULTS'];
  if (out) writeFileSync(out, JSON.stringify(samples, null, 2));
  console.log(`bench samples: ${JSON.stringify(samples)}`);
}
