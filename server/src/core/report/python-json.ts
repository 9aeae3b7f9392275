/**
 * `json.dumps(payload, indent=2)` as CPython writes it, so report files are
 * byte-identical to EVALSIG's: floats in repr form (`1.0`, `1e-05`), ints
 * without a point, ASCII-only strings (ensure_ascii), 2-space indent.
 *
 * One deliberate difference (a fix): ±∞ become the strings "Infinity" /
 * "-Infinity" and NaN becomes null, so the output is strict JSON. The
 * `evalsig` flavour keeps Python's bare tokens for byte comparisons.
 */
import { pyFloatRepr } from '../text/python-format';

/** Marks a number Python holds as int (no decimal point when printed). */
export class PyInt {
  constructor(readonly value: number) {}
}

export type PyJson = null | boolean | string | number | PyInt | readonly PyJson[] | { readonly [key: string]: PyJson };

export type JsonFlavour = 'strict' | 'evalsig';

export function pyJsonDumps(value: PyJson, flavour: JsonFlavour = 'strict', indent = 2): string {
  return dump(value, flavour, indent, 0);
}

function dump(v: PyJson, flavour: JsonFlavour, indent: number, depth: number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return pyJsonString(v);
  if (typeof v === 'number') return floatToken(v, flavour);
  if (v instanceof PyInt) return String(v.value);
  const pad = '\n' + ' '.repeat(indent * (depth + 1));
  const close = '\n' + ' '.repeat(indent * depth);
  if (Array.isArray(v)) {
    const items = v as readonly PyJson[];
    if (items.length === 0) return '[]';
    return `[${items.map((x) => pad + dump(x, flavour, indent, depth + 1)).join(',')}${close}]`;
  }
  const entries = Object.entries(v as { readonly [key: string]: PyJson });
  if (entries.length === 0) return '{}';
  return `{${entries.map(([k, x]) => `${pad}${pyJsonString(k)}: ${dump(x, flavour, indent, depth + 1)}`).join(',')}${close}}`;
}

function floatToken(x: number, flavour: JsonFlavour): string {
  if (Number.isFinite(x)) return pyFloatRepr(x);
  if (flavour === 'evalsig') return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  return Number.isNaN(x) ? 'null' : x > 0 ? '"Infinity"' : '"-Infinity"';
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A JSON string with Python's ensure_ascii escaping (\uXXXX for anything outside ASCII). */
export function pyJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    const esc = ESCAPES[ch];
    if (esc !== undefined) out += esc;
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}
