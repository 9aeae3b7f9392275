/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence a JSON
 * value hashes as, whoever wrote it and however it was indented.
 *
 *   - object keys sorted by their UTF-16 code units (JavaScript's default
 *     string order), no whitespace anywhere;
 *   - numbers in ECMAScript's Number-to-String form (`1e+30`, `4.5`, `-0` → `0`);
 *     NaN and ±Infinity have no JSON form and are refused;
 *   - strings with the minimal escapes of RFC 8785 §3.2.2.2 (`\"`, `\\`, the
 *     five short control escapes, `\u00xx` for other controls, everything else
 *     literal); a lone surrogate is not Unicode and is refused.
 *
 * The output is a JavaScript string; hash its UTF-8 encoding.
 */

/** A value canonicalisation accepts: what JSON.parse returns. */
export type CanonicalJson = null | boolean | number | string | readonly CanonicalJson[] | { readonly [key: string]: CanonicalJson | undefined };

/** Raised for values JSON cannot represent (NaN, Infinity, lone surrogates, functions, …). */
export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

/**
 * The RFC 8785 canonical text of `value`. Object members whose value is
 * `undefined` are left out, as JSON.stringify does, so optional fields need no
 * special care.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  try {
    write(value, out);
  } catch (e) {
    if (e instanceof CanonicalJsonError) throw new CanonicalJsonError(`${badPath(value, '$') ?? '$'}: ${e.message}`);
    throw e;
  }
  return out.join('');
}

// Pieces are pushed onto one array and joined once, with no per-member path
// strings: verify canonicalises every record, so this is on the hot path. The
// path to a bad value is searched for only after an error.
function write(v: unknown, out: string[]): void {
  switch (typeof v) {
    case 'string':
      out.push(stringText(v));
      return;
    case 'number':
      out.push(numberText(v));
      return;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'object':
      if (v === null) out.push('null');
      else if (Array.isArray(v)) writeArray(v as readonly unknown[], out);
      else if (isPlainObject(v)) writeObject(v as Record<string, unknown>, out);
      else throw new CanonicalJsonError(`${Object.prototype.toString.call(v)} has no JSON form`);
      return;
    default:
      throw new CanonicalJsonError(`${typeof v} has no JSON form`);
  }
}

function writeArray(items: readonly unknown[], out: string[]): void {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    // JSON.stringify writes undefined array slots as null; so do we, to hash what would be written.
    const item = items[i];
    write(item === undefined ? null : item, out);
  }
  out.push(']');
}

function writeObject(obj: Record<string, unknown>, out: string[]): void {
  // Default sort compares UTF-16 code units, which is exactly RFC 8785 §3.2.3.
  const keys = Object.keys(obj).sort();
  let first = true;
  out.push('{');
  for (const key of keys) {
    const value = obj[key];
    if (value === undefined) continue;
    if (!first) out.push(',');
    out.push(stringText(key), ':');
    write(value, out);
    first = false;
  }
  out.push('}');
}

/** Where in `v` the first value without a canonical form is (error messages only). */
function badPath(v: unknown, here: string): string | undefined {
  if (v !== null && typeof v === 'object' && (Array.isArray(v) || isPlainObject(v))) {
    for (const [k, x] of Object.entries(v)) {
      const found = badPath(x, Array.isArray(v) ? `${here}[${k}]` : `${here}.${k}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  try {
    write(v === undefined ? null : v, []);
    return undefined;
  } catch {
    return here;
  }
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function numberText(x: number): string {
  if (!Number.isFinite(x)) throw new CanonicalJsonError(`${x} has no JSON form`);
  // ECMAScript Number::toString is the RFC's serialisation; only -0 needs care (it prints "0").
  return x === 0 ? '0' : String(x);
}

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False when `s` holds a lone surrogate (not valid Unicode, so not canonicalisable). */
export function isWellFormedText(s: string): boolean {
  return !(SURROGATE.test(s) && LONE_SURROGATE.test(s));
}

function stringText(s: string): string {
  if (!isWellFormedText(s)) throw new CanonicalJsonError('string holds a lone surrogate (not valid Unicode)');
  // With no lone surrogates, JSON.stringify's escaping is RFC 8785's: \" \\ \b \f \n \r \t, other controls as \u00xx (lower case).
  return JSON.stringify(s);
}
