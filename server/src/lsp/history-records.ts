/**
 * `tollgate/history` rows: a manifest record in EVALSIG's key spelling, the
 * absolute path of its run file, and how it was gated (from the sidecar), so
 * a history view can draw CIs and open runs and envelopes without reading
 * anything else.
 */
import { join, normalize } from 'node:path';
import type { GateDetailLine, StoredRun } from '../core/store';
import type { GateDetail, HistoryRecord } from '../protocol/protocol';

export function historyRecord(run: StoredRun, detail: GateDetailLine | undefined, root: string): HistoryRecord {
  const r = run.record;
  return {
    run_id: r.runId,
    model_id: r.modelId,
    task_id: r.taskId,
    metric_name: r.metricName,
    ts: r.ts,
    path: r.path,
    n_items: r.nItems,
    config_hash: r.configHash,
    delta: finite(r.delta),
    p_value: finite(r.pValue),
    verdict: r.verdict,
    parent_run_id: r.parentRunId,
    file: normalize(run.file),
    // A detail describes the gate that gave the record its verdict; a run stored again without one has no gate.
    ...(detail && r.verdict !== null ? { gate: gateDetail(detail, root) } : {}),
  };
}

function gateDetail(d: GateDetailLine, root: string): GateDetail {
  return {
    ciLow: finite(d.ciLow),
    ciHigh: finite(d.ciHigh),
    minDelta: finite(d.minDelta),
    mde: finite(d.mde),
    method: d.method,
    alpha: finite(d.alpha),
    envelopeId: d.envelopeId,
    envelopeFile: d.envelopePath === null ? null : join(root, ...d.envelopePath.split('/')),
  };
}

/** JSON-RPC has no Infinity or NaN (JSON.stringify would send null anyway): say it explicitly. */
function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
