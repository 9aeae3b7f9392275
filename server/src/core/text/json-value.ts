/**
 * JSON values as Python's `json.loads` sees them. EVALSIG stringifies ids with
 * Python's `str()`, which tells ints from floats (`5` → "5", `5.0` → "5.0"), so
 * a number keeps its lexeme; objects keep key order and where they start.
 */
import { pyBool, pyFloatRepr, pyStrRepr } from './python-format';

export class JsonNumber {
  constructor(
    /** The lexeme as written, e.g. `1.0`, `-3`, `2e5`, `NaN`. */
    readonly raw: string,
    readonly value: number,
    /** Python decodes lexemes without `.`/`e` as int, everything else as float. */
    readonly isInt: boolean,
  ) {}
}

/** A JSON object: insertion-ordered; a repeated key keeps its first place and its last value (Python dict). */
export class JsonObject extends Map<string, JsonValue> {
  constructor(readonly offset: number) {
    super();
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;

/** Python's type name of a decoded value, as used in EVALSIG's messages (`got str`). */
export function pyTypeName(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (v instanceof JsonNumber) return v.isInt ? 'int' : 'float';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

/** Python `str(value)` of a decoded JSON value. */
export function pyStr(v: JsonValue): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/** Python `repr(value)`: what `str()` of a list or dict prints for its elements. */
export function pyRepr(v: JsonValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return pyBool(v);
  if (typeof v === 'string') return pyStrRepr(v);
  if (v instanceof JsonNumber) return pyNumberStr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  const parts: string[] = [];
  for (const [k, val] of v) parts.push(`${pyStrRepr(k)}: ${pyRepr(val)}`);
  return `{${parts.join(', ')}}`;
}

/** Python `str()` of a decoded number: ints keep all their digits, floats use repr. */
export function pyNumberStr(n: JsonNumber): string {
  if (!n.isInt) return pyFloatRepr(n.value);
  const neg = n.raw.startsWith('-');
  const digits = neg ? n.raw.slice(1) : n.raw;
  return digits === '0' ? '0' : `${neg ? '-' : ''}${digits}`;
}

/** Python `float(value)` for the values EVALSIG's readers accept (bool, int, float). */
export function pyFloat(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof JsonNumber) return v.value;
  return undefined;
}

/** `isinstance(v, (int, float))` in Python — which includes bool. */
export function isPyNumber(v: JsonValue | undefined): v is JsonNumber | boolean {
  return typeof v === 'boolean' || v instanceof JsonNumber;
}

/** The value at `key` if `v` is an object (Python `v.get(key)` on a dict). */
export function getKey(v: JsonValue | undefined, key: string): JsonValue | undefined {
  return v instanceof JsonObject ? v.get(key) : undefined;
}
