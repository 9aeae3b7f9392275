/**
 * `history`: which stored runs match, and EVALSIG's table of them (spec §5.5).
 *
 * One fix: `--since`/`--until` compare instants, and a bound is as wide as
 * its precision, so `--until 2026-06-30` includes the whole of June 30th
 * (EVALSIG compared strings and dropped every run after midnight that day).
 */
import { DataError } from '../errors';
import { pyJsonDumps } from '../report/python-json';
import { pyFixed } from '../text/python-format';
import { recordToJson, type RunRecord } from './manifest';
import { parseBound, parseInstant } from './timestamps';

export interface HistoryFilter {
  readonly modelId?: string;
  readonly taskId?: string;
  readonly metricName?: string;
  /** ISO-8601 date or date-time; runs at or after its start. */
  readonly since?: string;
  /** ISO-8601 date or date-time; runs before the end of the span it names. */
  readonly until?: string;
}

/** The records matching every given filter, in manifest order; `manifestFile` names bad timestamps. */
export function queryRecords(records: readonly RunRecord[], filter: HistoryFilter, manifestFile: string): RunRecord[] {
  const since = filter.since === undefined ? undefined : parseBound('--since', filter.since).start;
  const until = filter.until === undefined ? undefined : parseBound('--until', filter.until).end;
  return records.filter((r) => {
    if (filter.modelId !== undefined && r.modelId !== filter.modelId) return false;
    if (filter.taskId !== undefined && r.taskId !== filter.taskId) return false;
    if (filter.metricName !== undefined && r.metricName !== filter.metricName) return false;
    if (since === undefined && until === undefined) return true;
    const at = parseInstant(r.ts)?.start;
    if (at === undefined) throw new DataError(`run ${JSON.stringify(r.runId)} has an unreadable timestamp ${JSON.stringify(r.ts)}`, manifestFile);
    return (since === undefined || at >= since) && (until === undefined || at < until);
  });
}

const RULE = '-'.repeat(110);

/** EVALSIG's history table (no trailing newline); the "No runs found" line when nothing matched. */
export function historyToText(records: readonly RunRecord[], root: string, project: string): string {
  if (records.length === 0) return `No runs found in ${root} (project=${project}).`;
  const header = `${pad('run_id', 24)}${pad('model', 22)}${pad('task', 22)}${pad('metric', 12)}${padStart('delta', 10)}${padStart('verdict', 14)}  ts`;
  const lines = records.map((r) => {
    const delta = r.delta === null ? '-' : signedFixed4(r.delta);
    const verdict = r.verdict || '-'; // Python `verdict or "-"`: an empty verdict shows as "-" too
    return `${pad(r.runId, 24)}${pad(r.modelId, 22)}${pad(r.taskId, 22)}${pad(r.metricName, 12)}${padStart(delta, 10)}${padStart(verdict, 14)}  ${r.ts}`;
  });
  return [header, RULE, ...lines].join('\n');
}

/** `--output json`: the manifest's shape, restricted to the matching runs (strict JSON, 2-space indent). */
export function historyToJson(records: readonly RunRecord[], project: string): string {
  return pyJsonDumps({ project_id: project, runs: records.map(recordToJson) });
}

/**
 * Python's `f"{x:+.4f}"`. toFixed rounds the exact binary value like Python
 * except at exact ties (half-up against half-even), so only values within a
 * hair of a tie take the exact (slower) path; 10,000 rows stay cheap.
 */
function signedFixed4(x: number): string {
  const scaled = Math.abs(x) * 1e4;
  if (!Number.isFinite(x) || Math.abs((scaled % 1) - 0.5) < 1e-6 || scaled >= 1e17) return pyFixed(x, 4, true);
  return `${x < 0 || Object.is(x, -0) ? '-' : '+'}${Math.abs(x).toFixed(4)}`;
}

/** Python's `f"{s:<w}"`: pads to `w` code points, never truncates. */
function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - codePoints(s)));
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - codePoints(s))) + s;
}

const SURROGATE = /[\ud800-\udfff]/;

function codePoints(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // count a surrogate pair once
  }
  return n;
}
