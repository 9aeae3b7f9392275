/**
 * Client-side filtering of the history rows (pure, no DOM; unit-tested).
 * Text filters match case-insensitively as a substring, except that a value
 * equal to a known id matches exactly — picking `gpt-4o` from the list must
 * not also show `gpt-4o-mini`. Dates are whole UTC days, `until` inclusive,
 * as the store's `--since`/`--until` read them.
 */
import type { HistoryFilters, HistoryRow } from './messages';

export const NO_FILTERS: HistoryFilters = { model: '', task: '', metric: '', since: '', until: '' };

const DAY_MS = 86_400_000;

type Test = (value: string) => boolean;

function textTest(query: string, known: ReadonlySet<string>): Test | null {
  const q = query.trim();
  if (q === '') return null;
  if (known.has(q)) return (v) => v === q;
  const lower = q.toLowerCase();
  return (v) => v.toLowerCase().includes(lower);
}

/** `YYYY-MM-DD` → epoch ms of that UTC midnight, or null. */
export function dayStart(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) ? t : null;
}

export interface Vocabulary {
  readonly models: ReadonlySet<string>;
  readonly tasks: ReadonlySet<string>;
  readonly metrics: ReadonlySet<string>;
}

export function vocabulary(rows: readonly HistoryRow[]): Vocabulary {
  return {
    models: new Set(rows.map((r) => r.modelId)),
    tasks: new Set(rows.map((r) => r.taskId)),
    metrics: new Set(rows.map((r) => r.metricName)),
  };
}

/** Sorted distinct values, for the filters' suggestion lists. */
export function sorted(values: ReadonlySet<string>): string[] {
  return [...values].sort((a, b) => a.localeCompare(b));
}

/** Indices of the rows that pass every filter, newest first (the table's order). */
export function filterRows(rows: readonly HistoryRow[], f: HistoryFilters, vocab: Vocabulary): number[] {
  const model = textTest(f.model, vocab.models);
  const task = textTest(f.task, vocab.tasks);
  const metric = textTest(f.metric, vocab.metrics);
  const since = dayStart(f.since);
  const untilDay = dayStart(f.until);
  const until = untilDay === null ? null : untilDay + DAY_MS;
  const out: number[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i] as HistoryRow;
    if (model && !model(r.modelId)) continue;
    if (task && !task(r.taskId)) continue;
    if (metric && !metric(r.metricName)) continue;
    if (since !== null && r.t < since) continue;
    if (until !== null && r.t >= until) continue;
    out.push(i);
  }
  return out;
}

export function isFiltered(f: HistoryFilters): boolean {
  return [f.model, f.task, f.metric, f.since, f.until].some((v) => v.trim() !== '');
}
