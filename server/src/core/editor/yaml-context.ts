/**
 * Where the cursor is in a YAML document, computed from indentation alone so
 * that it works on the half-typed, unparsable text the user has while typing
 * (completion is asked for exactly then). Gives the path of keys down to the
 * cursor (`'[]'` for a sequence item), whether the cursor is on a key or a
 * value, and the partial word being typed.
 */
import type { Span } from '../findings';

/** Path segment for "an item of a sequence". */
export const ITEM = '[]';

export interface YamlContext {
  /** Keys from the document root to the map holding the cursor; `[]` marks sequence items. */
  readonly path: readonly string[];
  /** On a value: the key it belongs to. Undefined when the cursor is on a key. */
  readonly key: string | undefined;
  /** The word typed so far (a key prefix or a value prefix) and its span. */
  readonly prefix: string;
  readonly prefixSpan: Span;
  /** Text of the line before the cursor (comments: suppression ids). */
  readonly lineBefore: string;
  /** Start offset of the YAML document (between `---` markers) holding the cursor. */
  readonly docStart: number;
}

interface LineShape {
  /** Columns of `- ` sequence markers, left to right. */
  readonly dashes: readonly number[];
  readonly keyCol: number;
  readonly key: string | undefined;
  /** The key has a scalar on the same line (so it cannot be a parent). */
  readonly inlineValue: boolean;
  readonly blank: boolean;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#'"\-[\]{}][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;

/** Shape of one line: sequence dashes, the key and whether a value follows on the line. */
export function lineShape(line: string): LineShape {
  const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
  let col = indent;
  const dashes: number[] = [];
  for (let m = /^-(?:[ \t]+|$)/.exec(line.slice(col)); m; m = /^-(?:[ \t]+|$)/.exec(line.slice(col))) {
    dashes.push(col);
    col += m[0].length;
  }
  const rest = line.slice(col);
  const blank = rest.trim() === '' || rest.trimStart().startsWith('#');
  const km = KEY.exec(rest);
  const key = km?.[1] === undefined ? undefined : unquote(km[1].trim());
  const after = km ? rest.slice(km[0].length).replace(/(^|\s)#.*$/, '').trim() : '';
  // Anchors, tags and block-scalar indicators still open a nested block.
  const inlineValue = after !== '' && !/^(&\S+|!\S+|[|>][-+0-9]*)$/.test(after);
  return { dashes, keyCol: col, key, inlineValue, blank: blank && dashes.length === 0 };
}

/** The YAML context at `offset` of `text`. */
export function yamlContextAt(text: string, offset: number): YamlContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineBefore = text.slice(lineStart, offset);
  const docStart = documentStart(text, lineStart);
  const cur = lineShape(lineBefore);
  const onValue = cur.key !== undefined && KEY.test(lineBefore.slice(cur.keyCol));
  const word = /[^\s:,[\]{}"']*$/.exec(lineBefore)?.[0] ?? '';
  const path: string[] = [];
  let limit = cur.keyCol;
  let seq = false;
  for (let i = cur.dashes.length - 1; i >= 0; i--) {
    path.unshift(ITEM);
    limit = cur.dashes[i] ?? 0;
    seq = true;
  }
  const lines = text.slice(docStart, lineStart).split('\n').reverse();
  for (const line of lines) {
    if (limit === 0 && !seq) break;
    const s = lineShape(line.replace(/\r$/, ''));
    if (s.blank) continue;
    const parent = s.key !== undefined && !s.inlineValue && (s.keyCol < limit || (seq && s.keyCol <= limit));
    if (parent && s.key !== undefined) {
      path.unshift(s.key);
      limit = s.keyCol;
      seq = false;
    }
    for (let i = s.dashes.length - 1; i >= 0; i--) {
      const d = s.dashes[i] ?? 0;
      if (d >= limit) continue;
      path.unshift(ITEM);
      limit = d;
      seq = true;
    }
  }
  return {
    path,
    key: onValue ? cur.key : undefined,
    prefix: word,
    prefixSpan: { start: offset - word.length, end: offset },
    lineBefore,
    docStart,
  };
}

/** Offset just after the `---` line that opens the document holding `lineStart` (0 for the first). */
function documentStart(text: string, lineStart: number): number {
  const re = /^---[^\n]*\n?/gm;
  let start = 0;
  for (let m = re.exec(text); m && m.index < lineStart; m = re.exec(text)) start = m.index + m[0].length;
  return Math.min(start, lineStart);
}

function unquote(s: string): string {
  return (s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")) ? s.slice(1, -1) : s;
}
