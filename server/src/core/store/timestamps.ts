/**
 * Timestamps as the store writes and compares them. The manifest keeps
 * EVALSIG's text (Python `datetime.isoformat()` of an aware UTC datetime);
 * `--since`/`--until` compare instants, not strings (EVALSIG's lexicographic
 * comparison dropped every run of the `--until` day after midnight).
 */
import { UsageError } from '../errors';

/** Python `datetime.isoformat()` of a UTC datetime: `.ffffff` only when there are microseconds. */
export function isoUtc(date: Date): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const ms = date.getUTCMilliseconds();
  return `${iso.slice(0, 19)}${ms === 0 ? '' : `.${String(ms * 1000).padStart(6, '0')}`}+00:00`;
}

/** Microseconds since the epoch (the Parquet `ts` column). */
export function toMicros(date: Date): bigint {
  return BigInt(date.getTime()) * 1000n;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An instant at microsecond resolution (fits a double exactly until year 2255). */
export type Micros = number;

interface Parsed {
  /** The first instant the text denotes. */
  start: Micros;
  /** The first instant after the span it denotes (its precision: a day, a minute, …). */
  end: Micros;
}

/**
 * Parses an ISO-8601 date or date-time, at any precision from a year to
 * nanoseconds; no offset means UTC. Undefined when the text is not one.
 */
export function parseInstant(text: string): Parsed | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac, zone] = m;
  const parts = [y, mo, d, h, mi, s].map(Number);
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31 || parts[3] > 23 || parts[4] > 59 || parts[5] > 60) return undefined;
  const ms = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
  if (new Date(ms).getUTCDate() !== parts[2]) return undefined; // 2026-02-30
  const fracMicros = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1e6 + 1e-6);
  const start = ms * 1000 + fracMicros - offsetMinutes(zone) * 60e6;
  return { start, end: start + spanMicros(m, parts, frac) };
}

/** The length of the span a partial date-time denotes: `2026-06-30` is a whole day. */
function spanMicros(m: RegExpExecArray, parts: number[], frac: string | undefined): Micros {
  if (frac !== undefined) return Math.max(1, 10 ** Math.max(0, 6 - frac.length));
  if (m[6] !== undefined) return 1e6;
  if (m[5] !== undefined) return 60e6;
  if (m[4] !== undefined) return 3600e6;
  if (m[3] !== undefined) return 86400e6;
  const [y, mo] = parts;
  const next = m[2] !== undefined ? Date.UTC(y, mo, 1) : Date.UTC(y + 1, 0, 1);
  return (next - Date.UTC(y, m[2] !== undefined ? mo - 1 : 0, 1)) * 1000;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** `--since`/`--until` as a UsageError-checked instant span. */
export function parseBound(flag: string, text: string): Parsed {
  const parsed = parseInstant(text);
  if (!parsed) throw new UsageError(`${flag} ${JSON.stringify(text)} is not an ISO-8601 date or date-time (e.g. 2026-06-30 or 2026-06-30T12:00:00Z)`);
  return parsed;
}
