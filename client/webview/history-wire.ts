/**
 * Rebuilds the history rows from their columnar wire form (packed by the
 * host's `packHistory`). Pure, so a round-trip test pins the two together.
 */
import type { HistoryRow, HistoryViewModel, HistoryWire, Verdict } from './messages';

function str(w: HistoryWire, k: number | undefined): string | null {
  return k === undefined || k < 0 ? null : (w.strings[k] ?? null);
}

function row(w: HistoryWire, i: number): HistoryRow {
  const t = w.t[i] ?? 0;
  return {
    runId: w.runId[i] ?? '',
    ts: t ? new Date(t).toISOString() : '',
    t,
    modelId: str(w, w.model[i]) ?? '',
    taskId: str(w, w.task[i]) ?? '',
    metricName: str(w, w.metric[i]) ?? '',
    nItems: w.nItems[i] ?? 0,
    delta: w.delta[i] ?? null,
    pValue: w.pValue[i] ?? null,
    verdict: str(w, w.verdict[i]) as Verdict | null,
    ci: w.hasCi[i] ? { low: w.ciLow[i] ?? null, high: w.ciHigh[i] ?? null } : null,
    minDelta: w.minDelta[i] ?? null,
    mde: w.mde[i] ?? null,
    method: str(w, w.method[i]),
    file: w.file[i] ?? '',
    envelopeId: w.envelopeId[i] ?? null,
  };
}

export function unpackHistory(w: HistoryWire): HistoryViewModel {
  const rows = new Array<HistoryRow>(w.runId.length);
  for (let i = 0; i < rows.length; i++) rows[i] = row(w, i);
  return { project: w.project, projects: w.projects, root: w.root, rows };
}
