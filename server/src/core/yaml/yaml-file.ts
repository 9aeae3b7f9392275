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

const OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/**
 * Keeps the parse of each document between calls so that an edit re-parses
 * only the documents it touched. The YAML parser is ~90 % of a manifest
 * check; in a 200-document file one keystroke changes one document. The
 * language server keeps one cache per open file; entries not seen in the
 * latest parse are dropped, so memory stays one file's worth.
 */
export class YamlParseCache {
  private entries = new Map<string, readonly Document.Parsed[]>();

  /** Parse `chunk` (one document's source) or return the earlier parse of the same text. */
  parse(chunk: string, keep: Map<string, readonly Document.Parsed[]>): readonly Document.Parsed[] {
    const docs = this.entries.get(chunk) ?? parseChunk(chunk);
    keep.set(chunk, docs);
    return docs;
  }

  /** Replace the entries by those used in the latest parse. */
  retain(keep: Map<string, readonly Document.Parsed[]>): void {
    this.entries = keep;
  }
}

/** Parse every document of `text`; never throws. With a cache, unchanged documents are not parsed again. */
export function parseYamlFile(text: string, cache?: YamlParseCache): YamlFile {
  // Directives (%YAML, %TAG) apply across document boundaries: parse such rare files whole.
  const chunks = cache && !/^%/m.test(text) ? splitDocuments(text) : [{ start: 0, text }];
  const keep = new Map<string, readonly Document.Parsed[]>();
  const docs: YamlDoc[] = [];
  for (const c of chunks) {
    const parsed = cache ? cache.parse(c.text, keep) : parseChunk(c.text);
    for (const d of parsed) docs.push(toYamlDoc(d, docs.length, text, c.start));
  }
  cache?.retain(keep);
  return { text, docs };
}

function parseChunk(text: string): readonly Document.Parsed[] {
  try {
    const parsed = parseAllDocuments(text, OPTIONS) as Document.Parsed[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    // The parser is total in practice; keep the promise of never throwing anyway (reported by the caller as a document).
    return [];
  }
}

/**
 * Split at document markers: a line starting with `---` (followed by a space
 * or the end of the line) always starts a new document in YAML, even inside
 * a block scalar, so each piece parses exactly as it does in the whole file.
 */
export function splitDocuments(text: string): { start: number; text: string }[] {
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) if (m.index > 0) starts.push(m.index);
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}

function toYamlDoc(d: Document.Parsed, index: number, text: string, base: number): YamlDoc {
  const start = d.range[0] + base;
  const end = d.range[2] + base;
  const contents = d.contents as Node | null;
  const root = new Cursor(contents, [], null, { start, end: Math.min(end, start + 1) }, base);
  const errors = d.errors.map((e) => ({ message: firstLine(e.message), span: { start: e.pos[0] + base, end: Math.max(e.pos[1], e.pos[0] + 1) + base } }));
  const source = stripComments(text.slice(start, end));
  return { index, span: { start, end }, root, errors, templated: TEMPLATE_ACTION.test(source), empty: contents === null };
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? message : message.slice(0, nl);
}

function stripComments(source: string): string {
  // Good enough for template detection: a `#` at line start or after a space starts a comment.
  return source.replace(/(^|\s)#.*$/gm, '$1');
}
