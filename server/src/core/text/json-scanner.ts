/**
 * A JSON reader with Python `json.loads` semantics and positions.
 *
 * Why not `JSON.parse`: EVALSIG's files may contain `NaN`/`Infinity` (Python
 * writes and reads them), ids must be stringified the Python way (int vs float
 * lexemes), errors must say where they are (line and column, for the CLI and
 * for editor diagnostics), and run files with a million items are read
 * straight into columns without building a million objects first
 * (see runs/read-run-frame.ts, which drives this scanner directly).
 */
import { DataError, positionAt } from '../errors';
import { JsonNumber, JsonObject, type JsonValue } from './json-value';

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters; this finds the run without them.
const PLAIN_STRING = /[^"\\\u0000-\u001f]*/y;

export class JsonScanner {
  pos = 0;

  constructor(readonly text: string) {
    // A UTF-8 byte-order mark is harmless; Python would refuse it, we skip it.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  fail(message: string, at = this.pos): never {
    throw new DataError(`invalid JSON: ${message}`, undefined, positionAt(this.text, at));
  }

  skipWs(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  /** Next non-blank character code (NaN at the end), without consuming it. */
  peek(): number {
    this.skipWs();
    return this.text.charCodeAt(this.pos);
  }

  /** Consumes `ch` (after blanks) or fails with Python's wording. */
  expect(ch: string, what: string): void {
    if (this.peek() !== ch.charCodeAt(0)) this.fail(what);
    this.pos++;
  }

  /** After a value inside a container: true for `,` (more follows), false for `close`. */
  more(close: number, what: string): boolean {
    const c = this.peek();
    if (c === 44) {
      this.pos++;
      return true;
    }
    if (c === close) {
      this.pos++;
      return false;
    }
    return this.fail(`expecting ',' delimiter${what}`);
  }

  /** Reads `"key":` and returns the key. */
  key(): string {
    if (this.peek() !== 34) this.fail('expecting property name enclosed in double quotes');
    const k = this.string();
    this.expect(':', "expecting ':' delimiter");
    return k;
  }

  /** Opens an object; returns false if it is empty (`{}` consumed). */
  openObject(): boolean {
    this.pos++; // '{'
    if (this.peek() === 125) {
      this.pos++;
      return false;
    }
    return true;
  }

  /** Opens an array; returns false if it is empty (`[]` consumed). */
  openArray(): boolean {
    this.pos++; // '['
    if (this.peek() === 93) {
      this.pos++;
      return false;
    }
    return true;
  }

  value(): JsonValue {
    const c = this.peek();
    switch (c) {
      case 34: return this.string();
      case 123: return this.object();
      case 91: return this.array();
      case 116: return this.literal('true', true);
      case 102: return this.literal('false', false);
      case 110: return this.literal('null', null);
      case 78: return this.special('NaN', NaN);
      case 73: return this.special('Infinity', Infinity);
      default: return this.number();
    }
  }

  private literal<T>(word: string, v: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail('expecting value');
    this.pos += word.length;
    return v;
  }

  private special(word: string, v: number): JsonNumber {
    this.literal(word, null);
    return new JsonNumber(word, v, false);
  }

  number(): JsonNumber {
    if (this.text.startsWith('-Infinity', this.pos)) {
      this.pos += 9;
      return new JsonNumber('-Infinity', -Infinity, false);
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail('expecting value');
    this.pos = NUMBER.lastIndex;
    const isInt = m[1] === undefined && m[2] === undefined;
    const v = Number(m[0]);
    // Python ints have no negative zero: `-0` decodes to 0, and float(0) is 0.0.
    return new JsonNumber(m[0], isInt && v === 0 ? 0 : v, isInt);
  }

  /**
   * The plain JSON number at the cursor as a double, without allocating a
   * JsonNumber (the hot path for a million scores). Returns undefined, cursor
   * unmoved, for anything else; `value()` then reads it, or reports the error.
   */
  numberValue(): number | undefined {
    const t = this.text;
    const start = this.pos;
    let p = start;
    let c = t.charCodeAt(p);
    const neg = c === 45;
    if (neg) c = t.charCodeAt(++p);
    let acc = 0;
    if (c === 48) c = t.charCodeAt(++p);
    else if (c >= 49 && c <= 57) {
      do {
        acc = acc * 10 + (c - 48);
        c = t.charCodeAt(++p);
      } while (c >= 48 && c <= 57);
    } else return undefined;
    let integral = true;
    if (c === 46) {
      integral = false;
      p = digitsAfter(t, p + 1);
      if (p < 0) return undefined;
      c = t.charCodeAt(p);
    }
    if (c === 101 || c === 69) {
      integral = false;
      let q = p + 1;
      const sign = t.charCodeAt(q);
      if (sign === 43 || sign === 45) q++;
      p = digitsAfter(t, q);
      if (p < 0) return undefined;
    }
    this.pos = p;
    // Integers of up to 15 digits are exact when accumulated; the rest go through Number().
    if (integral && p - start <= 15) return neg && acc !== 0 ? -acc : acc;
    return Number(t.slice(start, p));
  }

  string(): string {
    const t = this.text;
    const start = this.pos;
    PLAIN_STRING.lastIndex = start + 1;
    PLAIN_STRING.exec(t);
    let p = PLAIN_STRING.lastIndex;
    if (t.charCodeAt(p) === 34) {
      this.pos = p + 1;
      return t.slice(start + 1, p);
    }
    let out = t.slice(start + 1, p);
    for (;;) {
      const c = t.charCodeAt(p);
      if (Number.isNaN(c)) this.fail('unterminated string', start);
      if (c === 34) break;
      if (c < 0x20) this.fail('invalid control character in string', p);
      if (c === 92) {
        const [s, next] = this.escape(p);
        out += s;
        p = next;
      } else {
        out += t[p];
        p++;
      }
    }
    this.pos = p + 1;
    return out;
  }

  private escape(p: number): [string, number] {
    const e = this.text[p + 1];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (e !== undefined && e in simple) return [simple[e] ?? '', p + 2];
    if (e !== 'u') this.fail('invalid \\escape', p);
    const hex = this.text.slice(p + 2, p + 6);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\uXXXX escape', p);
    return [String.fromCharCode(parseInt(hex, 16)), p + 6];
  }

  object(): JsonObject {
    const obj = new JsonObject(this.pos);
    if (!this.openObject()) return obj;
    do {
      const k = this.key();
      obj.set(k, this.value());
    } while (this.more(125, " or '}' in object"));
    return obj;
  }

  array(): JsonValue[] {
    const arr: JsonValue[] = [];
    if (!this.openArray()) return arr;
    do arr.push(this.value());
    while (this.more(93, " or ']' in array"));
    return arr;
  }

  /** Fails unless only blanks remain. */
  end(): void {
    if (!Number.isNaN(this.peek())) this.fail('extra data');
  }
}

/** Index after a non-empty run of digits starting at `p`, or -1 if there is none. */
function digitsAfter(t: string, p: number): number {
  let c = t.charCodeAt(p);
  if (!(c >= 48 && c <= 57)) return -1;
  do c = t.charCodeAt(++p);
  while (c >= 48 && c <= 57);
  return p;
}

/** Parses a whole JSON document the way Python's `json.loads` does. */
export function parseJson(text: string): JsonValue {
  const s = new JsonScanner(text);
  const v = s.value();
  s.end();
  return v;
}
