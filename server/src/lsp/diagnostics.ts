/**
 * The diagnostics lifecycle: debounce per URI, drop superseded work (every
 * schedule bumps the URI's generation; a run that is no longer the newest
 * publishes nothing), publish only for the document version that was checked,
 * clear on close, and re-check dependants when a document changes what others
 * read (policy files, AnalysisTemplates, Services).
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingToDiagnostic } from './convert';
import type { FileKind } from '../core/check/classify';
import type { CheckedDocument, CheckOutcome, Dependants } from './document-checks';

/** Least delay before dependants are re-checked (see scheduleDependants). */
const DEPENDANTS_DELAY_MS = 50;

export interface DiagnosticsDeps {
  readonly debounceMs: () => number;
  readonly enabled: () => boolean;
  /** The open document for a URI, at its current version. */
  readonly document: (uri: string) => TextDocument | undefined;
  readonly openUris: () => readonly string[];
  readonly kindOf: (uri: string) => FileKind | undefined;
  readonly check: (doc: TextDocument) => CheckOutcome;
  readonly publish: (params: PublishDiagnosticsParams) => void;
  readonly logError: (what: string, e: unknown) => void;
}

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, () => void>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly deps: DiagnosticsDeps) {}

  /** Check `uri` after the debounce delay; a later call for the same URI supersedes this one. */
  schedule(uri: string, delay = this.deps.debounceMs()): void {
    this.cancel(uri);
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    const run = () => {
      this.pending.delete(uri);
      this.run(uri, generation);
    };
    // With no debounce, run on the next turn of the event loop (setTimeout(0) costs ~1 ms more).
    if (delay <= 0) {
      const handle = setImmediate(run);
      this.pending.set(uri, () => clearImmediate(handle));
    } else {
      const handle = setTimeout(run, delay);
      this.pending.set(uri, () => clearTimeout(handle));
    }
  }

  /** Re-check every open document (settings or policy changed), except `except`. */
  scheduleAll(except?: string): void {
    for (const uri of this.deps.openUris()) if (uri !== except) this.schedule(uri);
  }

  /**
   * Re-check the documents that may read what `changed` defines. Documents with
   * work already pending are left alone (that run sees the new state anyway),
   * and a short floor on the delay folds a burst of such changes into one pass.
   */
  scheduleDependants(changed: string, which: Exclude<Dependants, undefined>): void {
    const delay = Math.max(this.deps.debounceMs(), DEPENDANTS_DELAY_MS);
    for (const uri of this.deps.openUris()) {
      if (uri === changed || this.pending.has(uri) || (which !== 'all' && this.deps.kindOf(uri) !== which)) continue;
      this.schedule(uri, delay);
    }
  }

  /** The document was closed: stop its work and remove its diagnostics. */
  clear(uri: string): void {
    this.cancel(uri);
    this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
    this.deps.publish({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  private isCurrent(uri: string, generation: number): boolean {
    return this.generations.get(uri) === generation;
  }

  private run(uri: string, generation: number): void {
    const doc = this.deps.document(uri);
    if (!doc || !this.isCurrent(uri, generation)) return;
    if (!this.deps.enabled()) {
      this.deps.publish({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    let outcome: CheckOutcome;
    try {
      outcome = this.deps.check(doc);
    } catch (e) {
      this.deps.logError(`checking ${uri}`, e);
      return;
    }
    const now = this.deps.document(uri);
    // A newer version or a close arrived meanwhile: its own run will publish.
    if (!now || now.version !== outcome.result.version || !this.isCurrent(uri, generation)) return;
    this.deps.publish({ uri, version: now.version, diagnostics: toDiagnostics(outcome.result) });
    if (outcome.dependants) this.scheduleDependants(uri, outcome.dependants);
  }
}

export function toDiagnostics(r: CheckedDocument): Diagnostic[] {
  return r.findings.map((f) => findingToDiagnostic(f, r.lines, r.uri));
}
