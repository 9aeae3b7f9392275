/**
 * Tollgate's gate sidecar, `{root}/{project}/gates.jsonl`: one JSON line per
 * gated candidate with what EVALSIG's manifest has no field for (the CI,
 * min_delta, MDE, method, alpha) and the audit envelope that recorded the
 * gate. The manifest stays byte-compatible with EVALSIG, which never looks
 * at this file.
 *
 * Tollgate only ever replaces the file whole (gate-sidecar.ts), so it is
 * never half-written; still, a reader skips every line it cannot read: a torn
 * or hand-edited line costs that run its details, never the history. Several
 * lines may name one run (gated again, or linked to its envelope once that
 * was appended): the last one wins.
 */
import type { GateReport } from '../gate/gate';

export const GATES_FILE = 'gates.jsonl';

export interface GateDetailLine {
  readonly runId: string;
  /** ±Infinity for an unbounded side (one-sided tests), NaN when the method gave none. */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly minDelta: number | null;
  readonly mde: number | null;
  readonly method: string | null;
  readonly alpha: number | null;
  readonly envelopeId: string | null;
  /** The envelope file relative to the evidence root (`audit/R1/audit.json`). */
  readonly envelopePath: string | null;
}

/** The sidecar line for a candidate gated by `report`, linked to its envelope when there is one. */
export function gateDetailOf(runId: string, report: GateReport, envelope?: { readonly id: string; readonly path: string }): GateDetailLine {
  const c = report.comparison;
  return { runId, ciLow: c.ci[0], ciHigh: c.ci[1], minDelta: report.minDelta, mde: c.mde, method: c.method, alpha: report.alpha, envelopeId: envelope?.id ?? null, envelopePath: envelope?.path ?? null };
}

/** One line (no newline). Non-finite numbers are written as strings, as the JSON reports do: strict JSON has no Infinity. */
export function serializeGateDetail(d: GateDetailLine): string {
  return JSON.stringify({
    run_id: d.runId,
    ci_low: num(d.ciLow),
    ci_high: num(d.ciHigh),
    min_delta: num(d.minDelta),
    mde: num(d.mde),
    method: d.method,
    alpha: num(d.alpha),
    envelope_id: d.envelopeId,
    envelope_path: d.envelopePath,
  });
}

/**
 * `text` (the file as it is, or undefined when there is none) with `lines`
 * appended. A last line without its newline (not Tollgate's doing) is closed
 * first so the new lines never merge into it.
 */
export function appendGateDetails(text: string | undefined, lines: readonly GateDetailLine[]): string {
  const head = text === undefined || text === '' || text.endsWith('\n') ? (text ?? '') : `${text}\n`;
  return head + lines.map((d) => `${serializeGateDetail(d)}\n`).join('');
}

/** The details by run id (last line wins); lines that do not read as a detail are skipped. */
export function parseGateDetails(text: string): Map<string, GateDetailLine> {
  const out = new Map<string, GateDetailLine>();
  for (const line of text.split('\n')) {
    const d = parseLine(line);
    if (d) out.set(d.runId, d);
  }
  return out;
}

function parseLine(line: string): GateDetailLine | undefined {
  if (line.trim() === '') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined; // torn or hand-broken: this run just has no details
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const fields = [o['ci_low'], o['ci_high'], o['min_delta'], o['mde'], o['alpha']].map(readNum);
  const [method, envelopeId, envelopePath] = [o['method'], o['envelope_id'], o['envelope_path']].map(optString);
  if (typeof o['run_id'] !== 'string' || fields.includes(undefined) || [method, envelopeId, envelopePath].includes(undefined)) return undefined;
  if (envelopePath && !isEnvelopePath(envelopePath)) return undefined;
  const [ciLow, ciHigh, minDelta, mde, alpha] = fields as (number | null)[];
  return { runId: o['run_id'], ciLow, ciHigh, minDelta, mde, method: method ?? null, alpha, envelopeId: envelopeId ?? null, envelopePath: envelopePath ?? null };
}

function num(x: number | null): number | string | null {
  return x === null || Number.isFinite(x) ? x : String(x);
}

/** A number, null, or one of the strings `num` writes; undefined for anything else. */
function readNum(v: unknown): number | null | undefined {
  if (v === null || typeof v === 'number') return v;
  return v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === 'NaN' ? NaN : undefined;
}

function optString(v: unknown): string | null | undefined {
  return v === null || v === undefined ? null : typeof v === 'string' ? v : undefined;
}

// eslint-disable-next-line no-control-regex -- control characters are what it excludes.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The path is joined to the evidence root and handed to editors to open, so
 * a hand-edited line must not point anywhere else: relative, `/`-separated,
 * inside `audit/`, no `..`, `.` or empty segments, a `.json` file.
 */
export function isEnvelopePath(path: string): boolean {
  const segs = path.split('/');
  return segs[0] === 'audit' && segs.length >= 3 && path.endsWith('.json') && !CONTROL.test(path) && !path.includes('\\') && !segs.some((s) => s === '' || s === '.' || s === '..');
}
