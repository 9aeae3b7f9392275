/**
 * A read-only view of one node of a parsed YAML document that remembers where
 * it came from: its path (for messages such as `spec.strategy.canary.steps[2]`)
 * and its key (so a finding about a missing or null value can point at the
 * key). Rules navigate with `get`/`at`/`items` and never touch `yaml` types.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span } from '../findings';

export type PathSegment = string | number;

export class Cursor {
  private jsCache: unknown;
  private jsDone = false;

  constructor(
    /** The value node; null for `key:` with no value. */
    readonly node: Node | null,
    readonly path: readonly PathSegment[],
    /** The key node when this cursor is the value of a map entry. */
    readonly keyNode: Node | null = null,
    /** Span used when there is no node or key (an empty document). */
    private readonly fallback: Span = { start: 0, end: 0 },
    /**
     * Offset of the node's source text in the file: documents parsed on their
     * own (see YamlParseCache) carry ranges relative to their own start.
     */
    readonly base = 0,
  ) {}

  /** A cursor on another node of the same document (for rules that walk raw nodes). */
  derive(node: Node | null, path: readonly PathSegment[], keyNode: Node | null = null): Cursor {
    return new Cursor(node, path, keyNode, this.fallback, this.base);
  }

  /** The value's source span; for a missing value, the key's. */
  get span(): Span {
    const r = this.node?.range ?? this.keyNode?.range;
    return r ? { start: r[0] + this.base, end: r[1] + this.base } : this.fallback;
  }

  /** The key's span for map entries (where "this field is wrong" reads best), else the value's. */
  get keySpan(): Span {
    const r = this.keyNode?.range;
    return r ? { start: r[0] + this.base, end: r[1] + this.base } : this.span;
  }

  /** Span from the key to the end of the value: the whole entry. */
  get entrySpan(): Span {
    return { start: this.keySpan.start, end: Math.max(this.keySpan.end, this.span.end) };
  }

  get isMap(): boolean {
    return isMap(this.node);
  }

  get isSeq(): boolean {
    return isSeq(this.node);
  }

  get isScalar(): boolean {
    return isScalar(this.node);
  }

  get isNull(): boolean {
    return this.node === null || (isScalar(this.node) && this.node.value === null);
  }

  /** Dotted path as Kubernetes prints it: `spec.strategy.canary.steps[0].setWeight`. */
  get pathText(): string {
    return this.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  }

  /** The plain JavaScript value (maps → objects, seqs → arrays), computed once. */
  get value(): unknown {
    if (!this.jsDone) {
      this.jsCache = this.node ? safeToJs(this.node) : null;
      this.jsDone = true;
    }
    return this.jsCache;
  }

  /** The member `key` of a map; undefined when this is not a map or has no such key. */
  get(key: string): Cursor | undefined {
    if (!isMap(this.node)) return undefined;
    for (const pair of this.node.items) {
      if (keyText(pair) === key) return this.derive(valueNode(pair), [...this.path, key], pair.key as Node | null);
    }
    return undefined;
  }

  /** Follow a path of keys and indices; undefined as soon as a step is missing. */
  at(...path: readonly PathSegment[]): Cursor | undefined {
    return path.reduce<Cursor | undefined>((c, seg) => (typeof seg === 'number' ? c?.items()[seg] : c?.get(seg)), this);
  }

  /** Items of a sequence ([] otherwise). */
  items(): Cursor[] {
    if (!isSeq(this.node)) return [];
    return this.node.items.map((n, i) => this.derive(isPair(n) ? null : (n as Node | null), [...this.path, i]));
  }

  /** Entries of a map ([] otherwise), keys as text. */
  entries(): [string, Cursor][] {
    if (!isMap(this.node)) return [];
    return this.node.items.map((pair) => {
      const k = keyText(pair) ?? '';
      return [k, this.derive(valueNode(pair), [...this.path, k], pair.key as Node | null)];
    });
  }

  /** Keys of a map, in source order. */
  keys(): string[] {
    return this.entries().map(([k]) => k);
  }

  /** A scalar string value (numbers are not strings: `tag: 1.0` is a number in YAML). */
  str(): string | undefined {
    return isScalar(this.node) && typeof this.node.value === 'string' ? this.node.value : undefined;
  }

  /** A scalar's text whatever its type (`1.0`, `true`, `abc`); undefined for maps, seqs, null. */
  text(): string | undefined {
    if (!isScalar(this.node) || this.node.value === null) return undefined;
    const src = (this.node as { source?: unknown }).source;
    return typeof src === 'string' ? src : primitiveText(this.node.value);
  }

  num(): number | undefined {
    return isScalar(this.node) && typeof this.node.value === 'number' ? this.node.value : undefined;
  }

  bool(): boolean | undefined {
    return isScalar(this.node) && typeof this.node.value === 'boolean' ? this.node.value : undefined;
  }
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? '' : primitiveText(k.value);
  return typeof k === 'string' ? k : undefined;
}

/** Text of a scalar value; undefined for anything that is not a primitive (dates and the like included). */
function primitiveText(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined;
}

function valueNode(pair: Pair): Node | null {
  const v = pair.value;
  return v !== null && typeof v === 'object' ? (v as Node) : null;
}

function safeToJs(node: Node): unknown {
  try {
    return node.toJSON();
  } catch {
    // Unresolvable aliases and the like: treat as absent rather than crash a checker.
    return undefined;
  }
}
