/**
 * Durations as Argo Rollouts reads them. Analysis `interval`/`initialDelay`
 * and experiment durations go through Go's `time.ParseDuration`; a canary
 * `pause.duration` is an IntOrString where an integer (or an all-digit
 * string) means seconds and anything else is a Go duration
 * (`RolloutPause.DurationSeconds` in argo-rollouts `types.go`).
 */
import type { Cursor } from '../../../yaml/cursor';
import { parseGoDuration as parseExactGoDuration } from '../argo/go-duration';

/**
 * Seconds of a Go duration string (`90s`, `1h30m`, `1.5h`, `-2m`, `0`), or
 * undefined when Go would reject it (`1d`, `ten`, `5`, empty). The exact
 * parser (Go's grammar, overflow and error messages) is the Argo parity one.
 */
export function parseGoDuration(text: string): number | undefined {
  const d = parseExactGoDuration(text);
  return d.ok ? Number(d.nanos) / 1e9 : undefined;
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
