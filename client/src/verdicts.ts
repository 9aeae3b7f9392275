/**
 * The verdicts this window has seen, keyed by what was gated (an EvalGate
 * file, or a baseline/candidate pair), so the status bar can show the verdict
 * of the pair the user is looking at and "Show Last Verdict" can reopen it.
 */
import * as vscode from 'vscode';
import type { CaptureAuditResult, GateSource, RunGateResult } from '../../server/src/protocol/protocol';

export type GateOutcome = RunGateResult | CaptureAuditResult;

export interface KeyedOutcome {
  readonly source: GateSource;
  readonly result: GateOutcome;
  readonly title: string;
}

/** The files a gate source is about (for matching the active editor). */
export function sourceUris(source: GateSource): string[] {
  return 'evalGateUri' in source ? [source.evalGateUri] : [source.baselineUri, source.candidateUri];
}

export class Verdicts implements vscode.Disposable {
  private readonly byUri = new Map<string, KeyedOutcome>();
  private latest: KeyedOutcome | undefined;
  private lastCaptureResult: CaptureAuditResult | undefined;
  private readonly emitter = new vscode.EventEmitter<KeyedOutcome>();
  readonly onDidChange = this.emitter.event;

  record(outcome: KeyedOutcome): void {
    for (const uri of sourceUris(outcome.source)) this.byUri.set(uri, outcome);
    // Inputs gated by the evalGate file count too, so a run file shows its verdict.
    for (const input of outcome.result.inputs) this.byUri.set(vscode.Uri.file(input.path).toString(), outcome);
    this.latest = outcome;
    if ('envelopeId' in outcome.result) this.lastCaptureResult = outcome.result;
    void vscode.commands.executeCommand('setContext', 'tollgate.hasVerdict', true);
    this.emitter.fire(outcome);
  }

  forUri(uri: vscode.Uri | undefined): KeyedOutcome | undefined {
    return uri ? this.byUri.get(uri.toString()) : undefined;
  }

  last(): KeyedOutcome | undefined {
    return this.latest;
  }

  lastCapture(): CaptureAuditResult | undefined {
    return this.lastCaptureResult;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
