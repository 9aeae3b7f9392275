/**
 * What `activate()` returns: a small, stable surface for other extensions and
 * for the extension-host tests, which need to know when the server is up and
 * what the last gate said without scraping the UI.
 */
import type { CaptureAuditResult, RunGateResult } from '../../server/src/protocol/protocol';

export interface Timings {
  /** From the bundle being loaded to `activate()` returning (the server starts afterwards, in the background). */
  activationMs: number;
  /** From a gate command's start to the verdict webview reporting its first paint. */
  verdictPaintMs?: number;
  /** From "show history" to the history webview reporting its first paint of data. */
  historyPaintMs?: number;
}

export interface TollgateApi {
  /** Resolves when the language server has started (rejects if it cannot). */
  readonly ready: Promise<void>;
  lastGate(): RunGateResult | undefined;
  lastCapture(): CaptureAuditResult | undefined;
  readonly timings: Timings;
}
