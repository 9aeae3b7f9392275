/**
 * Parses a multi-document YAML text keeping source ranges. One broken or
 * templated document never hides the others: each document carries its own
 * syntax errors and a `templated` flag, and checkers skip only that document.
 */
import { parseAllDocuments, type Document, type Node } from 'yaml';
import type { Span } from '../findings';
import { Cursor } from './cursor';

export interface YamlSyntaxError {
  readonly message: string;
  readonly span: Span;
}

export interface YamlDoc {
  /** 0-based position of the document in its file. */
  readonly index: number;
  readonly span: Span;
  /** The document's root value (a map for every Kubernetes object). */
  readonly root: Cursor;
  readonly errors: readonly YamlSyntaxError[];
  /** Contains Helm/Go template actions (`{{ … }}`) outside comments: its values are not the deployed ones. */
  readonly templated: boolean;
  /** True when the document holds nothing but comments or whitespace. */
  readonly empty: boolean;
}

export interface YamlFile {
  readonly text: string;
  readonly docs: readonly YamlDoc[];
}

/**
 * A Helm/Go template action. Argo's own placeholders (`{{args.name}}`,
 * `{{ templates.… }}`, `{{ workflow.… }}`) are data inside AnalysisTemplates and
 * Experiments, not templating, so they do not count.
 */
const TEMPLATE_ACTION = /\{\{-?\s*(?!(?:args|inputs|outputs|templates|workflow|metric|metrics|experiment)\.)[^{}]*?-?\}\}/;

/** Parse every document of `text`; never throws. */
export function parseYamlFile(text: string): YamlFile {
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true }) as Document.Parsed[];
  } catch (e) {
    // The parser is total in practice; keep the promise of never throwing anyway.
    const message = e instanceof Error ? e.message : String(e);
    const root = new Cursor(null, [], null, { start: 0, end: Math.min(text.length, 1) });
    return { text, docs: [{ index: 0, span: { start: 0, end: text.length }, root, errors: [{ message, span: root.span }], templated: false, empty: false }] };
  }
  if (!Array.isArray(parsed)) parsed = [];
  const docs = parsed.map((d, index) => toYamlDoc(d, index, text));
  return { text, docs };
}

function toYamlDoc(d: Document.Parsed, index: number, text: string): YamlDoc {
  const [start, , end] = d.range;
  const span = { start, end };
  const contents = d.contents as Node | null;
  const root = new Cursor(contents, [], null, { start, end: Math.min(end, start + 1) });
  const errors = d.errors.map((e) => ({ message: firstLine(e.message), span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) } }));
  const source = stripComments(text.slice(start, end));
  return { index, span, root, errors, templated: TEMPLATE_ACTION.test(source), empty: contents === null };
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? message : message.slice(0, nl);
}

function stripComments(source: string): string {
  // Good enough for template detection: a `#` at line start or after a space starts a comment.
  return source.replace(/(^|\s)#.*$/gm, '$1');
}
