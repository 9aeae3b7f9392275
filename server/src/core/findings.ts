/**
 * Findings are the common currency of every checker (manifests, policies,
 * eval configs, run files): a stable rule id, a severity, a message naming the
 * offending value, an exact span and, where one exists, a fix. Adapters turn
 * them into LSP diagnostics, CLI lines, JSON or SARIF.
 */

export type Severity = 'error' | 'warning' | 'info';
/** A severity or `off` (the rule does not run), as policies configure it. */
export type Level = Severity | 'off';

/** Half-open range of UTF-16 offsets into the document text (LSP's unit). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Replace `span` of the document by `newText` (an insertion has start === end). */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A quick fix: one or more edits to the same document, with a title for the editor's menu. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The obvious fix (VS Code's "preferred" code action, applied by auto-fix). */
  readonly preferred?: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fixes?: readonly Fix[];
  /** Spans elsewhere in the same file that explain the finding (e.g. the other service of a pair). */
  readonly related?: readonly { readonly span: Span; readonly message: string }[];
}

const SEVERITY_RANK: Record<Level, number> = { off: 0, info: 1, warning: 2, error: 3 };

/** Numeric order of levels: off < info < warning < error. */
export function levelRank(level: Level): number {
  return SEVERITY_RANK[level];
}

/** One step milder: error → warning → info → off (non-production defaults). */
export function milder(level: Level): Level {
  return level === 'error' ? 'warning' : level === 'warning' ? 'info' : 'off';
}

/** Findings in document order, then by rule id, so output is stable for goldens and diffs. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
