/**
 * Durations as Argo Rollouts reads them. Analysis `interval`/`initialDelay`
 * and experiment durations go through Go's `time.ParseDuration`; a canary
 * `pause.duration` is an IntOrString where an integer (or an all-digit
 * string) means seconds and anything else is a Go duration
 * (`RolloutPause.DurationSeconds` in argo-rollouts `types.go`).
 */
import type { Cursor } from '../../../yaml/cursor';

const UNIT_SECONDS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
/** One `<number><unit>` component of a Go duration (the number may be `1`, `1.5`, `.5` or `1.`). */
const COMPONENT = /^([0-9]*(?:\.[0-9]*)?)([a-zµμ]+)/;

/**
 * Seconds of a Go duration string (`90s`, `1h30m`, `1.5h`, `-2m`, `0`), or
 * undefined when Go would reject it (`1d`, `ten`, `5`, empty).
 */
export function parseGoDuration(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  while (s.length > 0) {
    const m = COMPONENT.exec(s);
    if (!m) return undefined;
    const [all, num = '', unit = ''] = m;
    const factor = UNIT_SECONDS[unit];
    if (factor === undefined || num === '' || num === '.') return undefined;
    total += Number(num) * factor;
    s = s.slice(all.length);
  }
  return sign * total;
}

/** What a `pause` step asks for. */
export type PauseLength =
  | { readonly kind: 'indefinite' }
  | { readonly kind: 'timed'; readonly seconds: number }
  /** A duration Argo cannot read (the Argo parity rules report it). */
  | { readonly kind: 'invalid' };

/**
 * The length of a pause step whose value is `pause` (`{}`, null, or a map
 * with `duration`). Integers are seconds; strings are tried as integers
 * first, then as Go durations, truncated to whole seconds like Argo's int32 cast.
 */
export function pauseLength(pause: Cursor): PauseLength {
  if (pause.isNull) return { kind: 'indefinite' };
  if (!pause.isMap) return { kind: 'invalid' };
  const d = pause.get('duration');
  if (d === undefined || d.isNull) return { kind: 'indefinite' };
  const n = d.num();
  if (n !== undefined) return Number.isInteger(n) ? { kind: 'timed', seconds: n } : { kind: 'invalid' };
  const s = d.str();
  if (s === undefined) return { kind: 'invalid' };
  if (/^[-+]?[0-9]+$/.test(s)) return { kind: 'timed', seconds: Number(s) };
  const secs = parseGoDuration(s);
  return secs === undefined ? { kind: 'invalid' } : { kind: 'timed', seconds: Math.trunc(secs) };
}

/** Seconds as a short Go-style duration: `45s`, `5m`, `1h30m`, `2h0m5s` → `2h5s`. */
export function formatSeconds(seconds: number): string {
  if (seconds <= 0) return `${seconds}s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 ? `${s}s` : ''}`;
}
