/**
 * Renders findings for CI: problem-matcher friendly text
 * (`file:line:col: severity ruleId message`), a JSON array with 1-based
 * ranges, and SARIF 2.1.0 for code-scanning UIs.
 */
import type { Finding, Severity } from '../findings';
import { LineIndex } from '../text/line-index';

export interface FileFindings {
  readonly path: string;
  readonly text: string;
  readonly findings: readonly Finding[];
}

export interface FindingRow {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

/** Flat rows with 1-based lines and columns (UTF-16 units). */
export function findingRows(files: readonly FileFindings[]): FindingRow[] {
  return files.flatMap((f) => {
    if (f.findings.length === 0) return [];
    const lines = new LineIndex(f.text);
    return f.findings.map((x) => {
      const s = lines.positionAt(x.span.start);
      const e = lines.positionAt(x.span.end);
      return { file: f.path, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, ruleId: x.ruleId, severity: x.severity, message: x.message };
    });
  });
}

/** One line per finding; messages stay on one line so problem matchers can parse them. */
export function rowsToText(rows: readonly FindingRow[]): string {
  return rows.map((r) => `${r.file}:${r.line}:${r.column}: ${r.severity} ${r.ruleId} ${r.message.replace(/\s*\n\s*/g, ' ')}`).join('\n');
}

/** "3 errors, 1 warning, 0 infos in 12 files". */
export function summaryLine(rows: readonly FindingRow[], fileCount: number): string {
  const n = (s: Severity) => rows.filter((r) => r.severity === s).length;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'info')} in ${plural(fileCount, 'file')}`;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF 2.1.0 log with one run; rule metadata from `docs` (id → title, help URL). */
export function rowsToSarif(rows: readonly FindingRow[], tool: { name: string; version: string; informationUri: string }, docs: ReadonlyMap<string, { title: string; description: string; helpUri: string }>): unknown {
  const ruleIds = [...new Set(rows.map((r) => r.ruleId))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules: ruleIds.map((id) => {
        const d = docs.get(id);
        return { id, ...(d ? { name: d.title, shortDescription: { text: d.title }, fullDescription: { text: d.description }, helpUri: d.helpUri } : {}) };
      }) } },
      results: rows.map((r) => ({
        ruleId: r.ruleId,
        ruleIndex: ruleIds.indexOf(r.ruleId),
        level: SARIF_LEVEL[r.severity],
        message: { text: r.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.file.replace(/\\/g, '/') }, region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } } }],
      })),
    }],
  };
}
