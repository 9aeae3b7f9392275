/**
 * The view models and the messages between the extension host and the two
 * webviews. Type-only: both sides import it (the host with `import type`),
 * and it uses no DOM or Node types so either tsconfig can check it.
 *
 * Everything here must survive JSON: VS Code serialises `postMessage`, so an
 * unbounded confidence limit is `null`, never `Infinity`.
 */

export type Verdict = 'ALLOW' | 'REJECT' | 'INCONCLUSIVE';

/** A confidence interval; a `null` limit is unbounded (a one-sided test). */
export interface Interval {
  readonly low: number | null;
  readonly high: number | null;
}

/** One gated comparison (a plain gate has one; a suite or multi-metric gate has one per task/metric). */
export interface EffectView {
  readonly label: string;
  readonly verdict: Verdict;
  /** Numbers the report could not carry (NaN, ±∞ where a value is expected) are null. */
  readonly delta: number | null;
  readonly ci: Interval;
  readonly ciLevel: number | null;
  readonly pValue: number | null;
  /** Multiplicity-adjusted p-value of a family of gates; null for a single gate. */
  readonly pAdjusted: number | null;
  readonly minDelta: number | null;
  /** Minimum detectable effect at `power`; null when none is detectable (∞). */
  readonly mde: number | null;
  readonly power: number | null;
  readonly method: string;
  readonly n: number | null;
  readonly clusters: number | null;
  readonly notes: readonly string[];
  readonly suggestion: string | null;
}

export interface InputView {
  readonly role: string;
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface RunView {
  readonly role: string;
  readonly runId: string;
  readonly modelId: string;
  readonly taskId: string;
  readonly metricName: string;
  readonly nItems: number;
}

export interface EnvelopeView {
  readonly id: string;
  readonly sequence: number;
  readonly hash: string;
  readonly file: string;
  readonly signatureProblem: string | null;
}

export interface VerdictViewModel {
  readonly title: string;
  readonly verdict: Verdict;
  readonly summary: string;
  readonly alpha: number | null;
  /** Multiplicity correction of a family of gates (e.g. `holm`), else null. */
  readonly correction: string | null;
  readonly effects: readonly EffectView[];
  readonly inputs: readonly InputView[];
  readonly runs: readonly RunView[];
  readonly envelope: EnvelopeView | null;
}

/** One stored run, trimmed to what the history view shows. */
export interface HistoryRow {
  readonly runId: string;
  /** ISO timestamp as stored, and the same as epoch ms (NaN-free: unparsable stamps become 0). */
  readonly ts: string;
  readonly t: number;
  readonly modelId: string;
  readonly taskId: string;
  readonly metricName: string;
  readonly nItems: number;
  readonly delta: number | null;
  readonly pValue: number | null;
  readonly verdict: Verdict | null;
  /** Null when the run was not gated or its gate detail is unknown. */
  readonly ci: Interval | null;
  readonly minDelta: number | null;
  readonly mde: number | null;
  readonly method: string | null;
  readonly file: string;
  readonly envelopeId: string | null;
}

export interface HistoryViewModel {
  readonly project: string;
  readonly projects: readonly string[];
  readonly root: string;
  /** Sorted oldest first (the chart's x order); the table shows newest first. */
  readonly rows: readonly HistoryRow[];
}

/**
 * The history as it travels: one array per column, repeated strings interned
 * (`strings[k]`) and numbers rounded to 6 significant digits, so 10,000 runs
 * cost about a quarter of the bytes (and the time) of row objects.
 */
export interface HistoryWire {
  readonly project: string;
  readonly projects: readonly string[];
  readonly root: string;
  readonly strings: readonly string[];
  readonly runId: readonly string[];
  readonly t: readonly number[];
  /** Indices into `strings`; -1 for null. */
  readonly model: readonly number[];
  readonly task: readonly number[];
  readonly metric: readonly number[];
  readonly method: readonly number[];
  readonly verdict: readonly number[];
  readonly nItems: readonly number[];
  readonly delta: readonly (number | null)[];
  readonly pValue: readonly (number | null)[];
  /** 1 when the run has a confidence interval (its limits may still be unbounded, i.e. null). */
  readonly hasCi: readonly number[];
  readonly ciLow: readonly (number | null)[];
  readonly ciHigh: readonly (number | null)[];
  readonly minDelta: readonly (number | null)[];
  readonly mde: readonly (number | null)[];
  readonly file: readonly string[];
  readonly envelopeId: readonly (string | null)[];
}

// ---- host → webview ----
export type ToVerdict =
  | { readonly type: 'verdict'; readonly seq: number; readonly model: VerdictViewModel }
  /** Sent when a gate starts, so a new page boots while the server gates. */
  | { readonly type: 'pending'; readonly title: string }
  /** The gate was cancelled or failed: the page says so instead of showing an older verdict. */
  | { readonly type: 'failed'; readonly title: string; readonly message: string };
export type ToHistory =
  | { readonly type: 'history'; readonly seq: number; readonly data: HistoryWire }
  | { readonly type: 'loading'; readonly project: string }
  | { readonly type: 'error'; readonly message: string };

// ---- webview → host ----
export type FromWebview =
  | { readonly type: 'ready' }
  /** `ms`: data arrival to painted, measured in the webview; `seq` echoes the data message. */
  | { readonly type: 'painted'; readonly ms: number; readonly seq: number }
  | { readonly type: 'openFile'; readonly path: string }
  | { readonly type: 'openEnvelope'; readonly runId: string }
  | { readonly type: 'selectProject'; readonly project: string }
  | { readonly type: 'copy'; readonly text: string };

/** What each webview keeps with getState/setState (survives hide/show and reloads). */
export interface VerdictState {
  readonly model: VerdictViewModel | null;
}

export interface HistoryFilters {
  readonly model: string;
  readonly task: string;
  readonly metric: string;
  /** `YYYY-MM-DD` or ''. */
  readonly since: string;
  readonly until: string;
}

export interface HistoryState {
  readonly project: string | null;
  readonly filters: HistoryFilters;
  readonly selected: string | null;
  readonly scrollTop: number;
}
