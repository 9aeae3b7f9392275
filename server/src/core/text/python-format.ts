/**
 * Python's number and value formatting, reproduced exactly so that Tollgate's
 * reports match EVALSIG's text byte for byte (`repr(float)`, `f"{x:.4f}"`,
 * `f"{x:.0%}"`, `f"{n:,}"`, `str(value)`).
 *
 * JavaScript differs in three ways that matter here: `toFixed` rounds exact
 * ties up where Python rounds half to even (0.03125 → "0.0313" vs "0.0312"),
 * JS drops the sign of negative zero, and JS switches to exponent notation at
 * other thresholds than Python's repr (1e-7/1e21 against 1e-4/1e16).
 */

/** Python `repr(x)` for a float: shortest round-trip digits, Python's exponent rule. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa = '', expText = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const decpt = Number(expText) + 1; // position of the point relative to the first digit
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const rest = digits.slice(1);
    const expStr = `${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
    return `${sign}${digits[0] ?? ''}${rest ? `.${rest}` : ''}e${expStr}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/**
 * Python `format(x, f".{precision}f")`, with `plus` for the `+` flag.
 * Rounds the exact binary value half to even, as CPython does.
 */
export function pyFixed(x: number, precision: number, plus = false): string {
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? '-' : plus ? '+' : '';
  if (Number.isNaN(x)) return `${plus ? '+' : ''}nan`;
  if (!Number.isFinite(x)) return `${sign}inf`;
  return sign + fixedAbs(Math.abs(x), precision);
}

function fixedAbs(a: number, precision: number): string {
  if (a >= 1e21) {
    // Every double this large is an integer; toFixed would switch to exponent form.
    const int = BigInt(a).toString();
    return precision > 0 ? `${int}.${'0'.repeat(precision)}` : int;
  }
  const rounded = a.toFixed(precision);
  if (precision >= 100) return rounded;
  // A tie can only occur when the exact expansion stops at the digit after
  // `precision`; toFixed(100) shows that expansion exactly for any value whose
  // first dropped digit could be a 5.
  const exact = a.toFixed(100);
  const point = exact.indexOf('.');
  const dropped = exact.slice(point + 1 + precision);
  if (!/^50*$/.test(dropped)) return rounded;
  const keptDigits = exact.slice(0, point) + exact.slice(point + 1, point + 1 + precision);
  let kept = BigInt(keptDigits);
  if (kept % 2n === 1n) kept += 1n;
  const s = kept.toString().padStart(precision + 1, '0');
  return precision > 0 ? `${s.slice(0, s.length - precision)}.${s.slice(s.length - precision)}` : s;
}

/** Python `format(x, f".{precision}%")`: multiply by 100 in doubles, then fixed, then `%`. */
export function pyPercent(x: number, precision: number): string {
  return `${pyFixed(x * 100, precision)}%`;
}

/** Python `format(n, ",")` for an integer. */
export function pyGrouped(n: number | bigint): string {
  const s = (typeof n === 'bigint' ? n : BigInt(Math.trunc(n))).toString();
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return neg ? `-${grouped}` : grouped;
}

/** Python `str(True)` / `str(False)`. */
export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** Python `repr(s)` for a str: quote choice and escapes as CPython prints them. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}
