/**
 * Go's `time.ParseDuration`, digit for digit: an optional sign, then one or
 * more `<number><unit>` groups (`1h30m`, `1.5s`, `.5m`), units ns, us, µs
 * (U+00B5), μs (U+03BC), ms, s, m, h; `0` alone needs no unit; the total
 * must fit in an int64 of nanoseconds. Anything else (`1d`, `10`, `5 m`) is
 * an error, exactly as the Argo controller sees it.
 */

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const LIMIT = 1n << 63n;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export type GoDuration = { readonly ok: true; readonly nanos: bigint } | { readonly ok: false; readonly error: string };

/** Parse like Go; on success the duration in nanoseconds. */
export function parseGoDuration(input: string): GoDuration {
  let s = input;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanos: 0n };
  if (s === '') return bad(input);
  let total = 0n;
  while (s !== '') {
    const group = parseGroup(s, input);
    if (!group.ok) return group;
    total += group.nanos;
    if (total > LIMIT) return bad(input);
    s = group.rest;
  }
  if (!neg && total > LIMIT - 1n) return bad(input);
  return { ok: true, nanos: neg ? -total : total };
}

type Group = { ok: true; nanos: bigint; rest: string } | { ok: false; error: string };

function parseGroup(s: string, input: string): Group {
  if (!(s[0] === '.' || isDigit(s[0]))) return bad(input);
  let i = 0;
  let v = 0n;
  while (isDigit(s[i])) {
    if (v > LIMIT / 10n) return bad(input);
    v = v * 10n + BigInt(s.charCodeAt(i) - 48);
    if (v > LIMIT) return bad(input);
    i++;
  }
  const pre = i > 0;
  let f = 0n;
  let scale = 1;
  let post = false;
  if (s[i] === '.') {
    i++;
    const start = i;
    let overflow = false;
    for (; isDigit(s[i]); i++) {
      if (overflow) continue;
      const y = f * 10n + BigInt(s.charCodeAt(i) - 48);
      if (f > (LIMIT - 1n) / 10n || y > LIMIT) {
        overflow = true;
        continue;
      }
      f = y;
      scale *= 10;
    }
    post = i > start;
  }
  if (!pre && !post) return bad(input);
  const unitStart = i;
  while (i < s.length && s[i] !== '.' && !isDigit(s[i])) i++;
  if (i === unitStart) return { ok: false, error: `time: missing unit in duration ${JSON.stringify(input)}` };
  const u = s.slice(unitStart, i);
  const unit = UNITS[u];
  if (unit === undefined) return { ok: false, error: `time: unknown unit ${JSON.stringify(u)} in duration ${JSON.stringify(input)}` };
  if (v > LIMIT / unit) return bad(input);
  v *= unit;
  if (f > 0n) {
    v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
    if (v > LIMIT) return bad(input);
  }
  return { ok: true, nanos: v, rest: s.slice(i) };
}

function bad(input: string): { ok: false; error: string } {
  return { ok: false, error: `time: invalid duration ${JSON.stringify(input)}` };
}

const INT32 = /^[+-]?[0-9]+$/;
const INT32_MAX = 2 ** 31 - 1;

/**
 * Argo's `RolloutPause.DurationSeconds` for a string: an int32 (`"30"`) is
 * seconds; otherwise a Go duration truncated to whole seconds; -1 when it
 * does not parse. `overflow` flags values outside int32 (Go's conversion is
 * undefined there; Argo then sees garbage, usually negative).
 */
export function pauseSeconds(text: string): { seconds: number; error?: string; overflow?: boolean } {
  if (INT32.test(text)) {
    const n = Number(text);
    if (Math.abs(n) <= INT32_MAX || n === -(INT32_MAX + 1)) return { seconds: n };
  }
  const d = parseGoDuration(text);
  if (!d.ok) return { seconds: -1, error: d.error };
  const seconds = Math.trunc(Number(d.nanos / 1_000_000_000n) + Number(d.nanos % 1_000_000_000n) / 1e9);
  return seconds > INT32_MAX || seconds < -(INT32_MAX + 1) ? { seconds, overflow: true } : { seconds };
}

const ALIASES: Readonly<Record<string, string>> = {
  sec: 's', secs: 's', second: 's', seconds: 's',
  min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
};

/**
 * A Go duration meaning what the user most likely meant, or undefined:
 * days become hours (`1d` → `24h`, `2d12h` → `60h`), spelled-out units are
 * shortened (`5min` → `5m`). Only whole-number groups are rewritten.
 */
export function suggestGoDuration(text: string): string | undefined {
  const groups = /^(?:\s*[0-9]+\s*[A-Za-zµμ]+)+\s*$/.test(text) ? [...text.matchAll(/([0-9]+)\s*([A-Za-zµμ]+)/g)] : [];
  if (groups.length === 0) return undefined;
  let hours = 0;
  let out = '';
  for (const [, num, unit] of groups) {
    const u = (unit ?? '').toLowerCase();
    if (u === 'd' || u === 'day' || u === 'days') hours += Number(num) * 24;
    else out += `${num}${ALIASES[u] ?? unit}`;
  }
  if (hours > 0) out = mergeHours(hours, out);
  return out !== text && parseGoDuration(out).ok ? out : undefined;
}

function mergeHours(hours: number, rest: string): string {
  const h = /^([0-9]+)h/.exec(rest);
  return h ? `${hours + Number(h[1])}h${rest.slice(h[0].length)}` : `${hours}h${rest}`;
}
