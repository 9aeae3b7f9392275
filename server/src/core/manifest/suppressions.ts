/**
 * Suppression comments. `# tollgate-disable-next-line TG-A, TG-B -- reason`
 * silences findings that start on the next line; `# tollgate-disable TG-A --
 * reason` silences them in the whole YAML document holding the comment.
 * Rule ids may be globs (`TG-SEC-*`). Every suppression is reported back so
 * audit capture can list what was silenced and why.
 */
import type { Span } from '../findings';
import type { LineIndex } from '../text/line-index';

export interface Suppression {
  readonly scope: 'next-line' | 'document';
  readonly rules: readonly string[];
  readonly reason: string | undefined;
  readonly span: Span;
  /** 0-based line of the comment. */
  readonly line: number;
}

const COMMENT = /#\s*tollgate-disable(-next-line)?\b([^\n\r]*)/g;

/** All suppression comments of a text. */
export function findSuppressions(text: string, lines: LineIndex): Suppression[] {
  if (!text.includes('tollgate-disable')) return [];
  const out: Suppression[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const start = m.index;
    const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
    // A `#` inside a quoted scalar is not a comment; require start of line or whitespace before it.
    if (before.length > 0 && !/\s$/.test(before)) continue;
    const body = m[2] ?? '';
    const sep = body.indexOf(' -- ');
    const idsText = sep < 0 ? body : body.slice(0, sep);
    const reason = sep < 0 ? undefined : body.slice(sep + 4).trim() || undefined;
    const rules = idsText.split(/[\s,]+/).filter((s) => s.length > 0);
    out.push({ scope: m[1] ? 'next-line' : 'document', rules, reason, span: { start, end: start + m[0].length }, line: lines.positionAt(start).line });
  }
  return out;
}
