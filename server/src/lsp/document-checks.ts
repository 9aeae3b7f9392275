/**
 * Runs the core checker on one document version and keeps the latest result
 * per URI (code actions and code lenses are answered from it, so they always
 * match the diagnostics the user sees). EvalGate files are assessed through
 * the gate preview (worker + cache), never inline: a check stays fast however
 * large the runs are.
 */
import { checkFile, type FileCheck } from '../core/check/check-file';
import type { FileKind } from '../core/check/classify';
import type { Finding } from '../core/findings';
import { manifestDocs } from '../core/manifest/check-manifest';
import type { ManifestDoc } from '../core/manifest/manifest-doc';
import { parseYamlFile, YamlParseCache, type YamlFile } from '../core/yaml/yaml-file';
import type { Policy } from '../core/policy/model';
import { LineIndex } from '../core/text/line-index';
import { documentPath } from './classify';
import { testFileReader } from './file-ports';
import type { GatePreviews } from './gate-preview';
import type { WorkspaceState } from './workspace-state';

export interface CheckedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly kind: FileKind;
  readonly findings: readonly Finding[];
  readonly policy: Policy;
  /** Policy test results / EvalGate result, for code lenses. */
  readonly policyTests?: FileCheck['policyTests'];
  /** The YAML parse and manifest objects of this version (outline and lenses reuse them). */
  readonly parsed?: YamlFile;
  readonly docs?: readonly ManifestDoc[];
  readonly gate?: FileCheck['gate'];
}

/** Which open documents must be re-checked after a check: all (the policy changed) or those of one kind. */
export type Dependants = 'all' | FileKind | undefined;

export interface CheckOutcome {
  readonly result: CheckedDocument;
  /** Other documents read what this one defines or decides, and it changed. */
  readonly dependants: Dependants;
}

export class DocumentChecks {
  private readonly latest = new Map<string, CheckedDocument>();
  /** Per open document: the parse of each YAML document, so a keystroke re-parses one document, not the file. */
  private readonly parseCaches = new Map<string, YamlParseCache>();
  /** What each document provided to others at its last check (see WorkspaceState.provides). */
  private readonly provided = new Map<string, string>();
  private policyGeneration = -1;

  constructor(
    private readonly workspace: WorkspaceState,
    /** Assesses EvalGate plans off the main thread (cached; 'pending' meanwhile). */
    private readonly previews: GatePreviews,
    /** Run the statistical gate of EvalGate files (`tollgate.evalGate.preview`). */
    private readonly runGate: () => boolean = () => true,
  ) {}

  /** Check `text` (version `version` of `uri`) against the current workspace. */
  run(uri: string, version: number, text: string, languageId?: string): CheckOutcome {
    const ws = this.workspace;
    ws.setOpen(uri, text, languageId);
    const kind = ws.kindOf(uri) ?? 'other';
    const parsed = kind === 'manifest' || kind === 'policy' || kind === 'evalconfig' ? withoutStackTraces(() => parseYamlFile(text, this.parseCache(uri))) : undefined;
    const docs = kind === 'manifest' ? manifestDocs(uri, text, parsed) : undefined;
    if (docs) ws.rememberDocs(uri, text, docs);
    const { policy, findings: policyFindings } = ws.policy();
    const path = documentPath(uri, languageId);
    const check = withoutStackTraces(() =>
      checkFile(path, text, { policy, policyFindings, ...(kind === 'manifest' ? { workspace: ws.index(), ...(parsed ? { parsed } : {}) } : {}), assessEvalGate: this.previews.portFor(uri), readFile: testFileReader(ws), runGate: this.runGate() }),
    );
    const result: CheckedDocument = {
      uri, version, text, lines: new LineIndex(text), kind, findings: check.findings, policy,
      ...(check.policyTests ? { policyTests: check.policyTests } : {}),
      ...(check.gate ? { gate: check.gate } : {}),
      ...(parsed ? { parsed } : {}),
      ...(docs ? { docs } : {}),
    };
    this.latest.set(uri, result);
    return { result, dependants: this.policyMoved() ? 'all' : this.providesMoved(uri) ? readerOf(kind) : undefined };
  }

  /** The composed policy changed since the last check (whoever triggered the recomposition). */
  private policyMoved(): boolean {
    const moved = this.workspace.policyGeneration !== this.policyGeneration;
    this.policyGeneration = this.workspace.policyGeneration;
    return moved;
  }

  private providesMoved(uri: string): boolean {
    const now = this.workspace.provides(uri);
    const moved = now !== (this.provided.get(uri) ?? '');
    this.provided.set(uri, now);
    return moved;
  }

  /** The last result for `uri`, if it is for `version` (stale results answer nothing). */
  get(uri: string, version?: number): CheckedDocument | undefined {
    const r = this.latest.get(uri);
    return r && (version === undefined || r.version === version) ? r : undefined;
  }

  private parseCache(uri: string): YamlParseCache {
    let cache = this.parseCaches.get(uri);
    if (!cache) this.parseCaches.set(uri, (cache = new YamlParseCache()));
    return cache;
  }

  /** Drop the last result of `uri` (its gate preview came in): the next question re-checks instead of answering "gating…". */
  invalidate(uri: string): void {
    this.latest.delete(uri);
  }

  forget(uri: string): void {
    this.previews.forget(uri);
    this.parseCaches.delete(uri);
    this.latest.delete(uri);
    this.provided.delete(uri);
  }
}

/** Manifests read each other's objects (templates, services); EvalGate files read run files. */
function readerOf(kind: FileKind): FileKind | undefined {
  return kind === 'manifest' ? 'manifest' : kind === 'run' ? 'evalconfig' : undefined;
}

/**
 * Run `fn` with stack capture off. The YAML parser builds an Error object for
 * every syntax problem; on broken text (what the user has while typing) the
 * stack captures cost more than the parse itself. Check results never carry
 * stacks, so nothing is lost.
 */
function withoutStackTraces<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
