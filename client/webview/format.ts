/**
 * Number and date formatting shared by both views. Pure (no DOM), so it is
 * unit-tested in Node. The report's conventions: signed deltas with four
 * decimals, `+∞`/`−∞` for unbounded limits, UTC dates as the store keeps them.
 */
import type { Interval } from './messages';

const DASH = '—';
const MINUS = '−';

export function signed(x: number | null, digits = 4): string {
  if (x === null) return DASH;
  const s = Math.abs(x).toFixed(digits);
  return Number(s) === 0 ? s : `${x < 0 ? MINUS : '+'}${s}`;
}

export function fixed(x: number | null, digits = 4): string {
  return x === null ? DASH : x.toFixed(digits);
}

/** `[+0.0223, +∞)`: a bracket is open where the limit is unbounded. */
export function interval(ci: Interval | null, digits = 4): string {
  if (ci === null) return DASH;
  const lo = ci.low === null ? `(${MINUS}∞` : `[${signed(ci.low, digits)}`;
  const hi = ci.high === null ? '+∞)' : `${signed(ci.high, digits)}]`;
  return `${lo}, ${hi}`;
}

/** p-values: three decimals, or scientific below 0.001 (p = 1.0e-4 reads better than 0.000). */
export function pValue(p: number | null): string {
  if (p === null) return DASH;
  if (p > 0 && p < 0.001) return p.toExponential(1).replace('e-', 'e−');
  return p.toFixed(3);
}

export function percent(x: number | null): string {
  return x === null ? DASH : `${Number((x * 100).toFixed(1))}%`;
}

export function integer(x: number | null): string {
  return x === null ? DASH : Math.round(x).toLocaleString('en-US');
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i] ?? 'GB'}`;
}

/** `2024-05-01 14:03` in UTC (the store's clock), or the raw text when it is not a date. */
export function utcMinute(t: number, raw: string): string {
  if (t === 0) return raw;
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}

export function utcDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Last path segment (either separator), for compact file columns. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Everything before the last segment, or ''. */
export function dirName(path: string): string {
  const base = baseName(path);
  return path.length > base.length ? path.slice(0, path.length - base.length) : '';
}
