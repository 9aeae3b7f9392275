/** The host's pure mappers from protocol results to the webviews' view models (and the history's wire form). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HistoryRecord, RunGateResult } from '../../../server/src/protocol/protocol';
import { effectsOf, envelopeFiles, epochMs, intervalOf, packHistory, toHistoryViewModel, toVerdictViewModel } from '../../../client/src/webviews/view-models';
import { unpackHistory } from '../../../client/webview/history-wire';
import { ALLOW_REPORT, captureWithPayload, history, INCONCLUSIVE_REPORT, plainGate, SUITE_REPORT, XSS } from '../../webview/fixtures';

test('a capture result maps to one effect, its inputs, runs and envelope', () => {
  const m = toVerdictViewModel(captureWithPayload(), 'a → b');
  assert.equal(m.verdict, 'ALLOW');
  assert.equal(m.title, 'a → b');
  assert.equal(m.alpha, 0.05);
  assert.equal(m.correction, null);
  assert.equal(m.effects.length, 1);
  const e = m.effects[0];
  assert.equal(e.delta, ALLOW_REPORT.comparison.delta);
  assert.deepEqual(e.ci, { low: 0.0222560925, high: null }, '"Infinity" is an unbounded (null) limit');
  assert.equal(e.ciLevel, 0.95);
  assert.equal(e.pValue, ALLOW_REPORT.comparison.p_value);
  assert.equal(e.minDelta, 0.01);
  assert.equal(e.mde, ALLOW_REPORT.comparison.mde);
  assert.equal(e.power, 0.8);
  assert.equal(e.n, 2000);
  assert.equal(e.clusters, null);
  assert.equal(e.method, 'paired_permutation');
  assert.deepEqual(e.notes, ['items with an empty response were scored 0', XSS]);
  assert.equal(e.suggestion, null);
  assert.deepEqual(m.inputs.map((i) => i.role), ['baseline', 'candidate']);
  assert.deepEqual(m.runs.map((r) => r.modelId), ['acme-llm-7b', XSS]);
  assert.deepEqual(m.envelope, { id: 'env-000042-3f9a1c', sequence: 42, hash: captureWithPayload().hash, file: captureWithPayload().file, signatureProblem: null });
  assert.doesNotThrow(() => JSON.stringify(m));
});

test('a plain gate result has no envelope; a suggestion comes through', () => {
  const m = toVerdictViewModel(plainGate(INCONCLUSIVE_REPORT), 't');
  assert.equal(m.envelope, null);
  assert.equal(m.verdict, 'INCONCLUSIVE');
  assert.match(m.effects[0].suggestion ?? '', /underpowered/);
});

test('a family report (suite, several metrics) has one effect per gate, with adjusted p-values', () => {
  const m = toVerdictViewModel(plainGate(SUITE_REPORT), 'suite');
  assert.equal(m.correction, 'holm');
  assert.deepEqual(m.effects.map((e) => e.label), ['refusals/rubric_score', 'summaries/rubric_score', 'triage/rubric_score']);
  assert.deepEqual(m.effects.map((e) => e.verdict), ['REJECT', 'ALLOW', 'ALLOW']);
  assert.ok(m.effects.every((e) => e.pAdjusted !== null));
});

test('a malformed report degrades to blanks instead of throwing', () => {
  const bad: RunGateResult = { verdict: 'ALLOW', exitCode: 0, summary: '', report: { comparison: { delta: 'x', ci: 'nope', p_value: null, notes: [1, 'kept'] }, gates: undefined }, inputs: [], runs: [] };
  const e = toVerdictViewModel(bad, '').effects[0];
  assert.deepEqual([e.delta, e.pValue, e.mde, e.n], [null, null, null, null]);
  assert.deepEqual(e.ci, { low: null, high: null });
  assert.deepEqual(e.notes, ['kept']);
  assert.equal(e.verdict, 'INCONCLUSIVE');
  assert.equal(effectsOf({ gates: [null] })[0].label, 'gate 1', 'a gate without a label is numbered');
  const { runs: _dropped, ...older } = plainGate(ALLOW_REPORT);
  assert.deepEqual(toVerdictViewModel(older as RunGateResult, '').runs, [], 'a server without `runs` still renders');
  assert.deepEqual(intervalOf([1, '-Infinity']), { low: 1, high: null });
});

test('store timestamps are read as UTC, with or without an offset or microseconds', () => {
  assert.equal(epochMs('2024-05-01T12:00:00+00:00'), Date.UTC(2024, 4, 1, 12));
  assert.equal(epochMs('2024-05-01T12:00:00.250000+00:00'), Date.UTC(2024, 4, 1, 12, 0, 0, 250));
  assert.equal(epochMs('2024-05-01T12:00:00'), Date.UTC(2024, 4, 1, 12), 'no offset means UTC, not local time');
  assert.equal(epochMs('2024-05-01T14:00:00+02:00'), Date.UTC(2024, 4, 1, 12));
  assert.equal(epochMs('not a date'), 0);
});

test('history rows are sorted oldest first and carry the gate detail', () => {
  const h = history(50, 1);
  const shuffled = { ...h, records: [...h.records].reverse() };
  const m = toHistoryViewModel(shuffled, 'demo');
  assert.equal(m.rows.length, 50);
  assert.ok(m.rows.every((r, i) => i === 0 || m.rows[i - 1].t <= r.t));
  assert.deepEqual(m.projects, ['demo', 'payments']);
  const baseline = m.rows.find((r) => r.runId === 'run-00000')!;
  assert.deepEqual([baseline.verdict, baseline.delta, baseline.ci], [null, null, null]);
  const gated: HistoryRecord = h.records.find((r) => r.run_id === 'run-00003')!;
  const row = m.rows.find((r) => r.runId === 'run-00003')!;
  assert.deepEqual(row.ci, { low: gated.gate!.ciLow, high: null }, 'an unbounded upper limit stays null');
  assert.equal(row.file, '/store/demo/runs/run-00003.parquet');
  assert.equal(row.verdict, gated.verdict);
  assert.equal(envelopeFiles(h).get('run-00007'), '/store/audit/7.json');
  assert.equal(envelopeFiles(h).has('run-00001'), false);
});

test('the history wire form round-trips and is a fraction of the row objects', () => {
  const m = toHistoryViewModel(history(2000, 5), 'demo');
  const wire = packHistory(m);
  const back = unpackHistory(JSON.parse(JSON.stringify(wire)) as typeof wire);
  assert.equal(back.rows.length, m.rows.length);
  const close = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) <= Math.abs(a) * 1e-5);
  m.rows.forEach((r, i) => {
    const b = back.rows[i];
    assert.deepEqual([b.runId, b.t, b.modelId, b.taskId, b.metricName, b.nItems, b.verdict, b.method, b.file, b.envelopeId], [r.runId, r.t, r.modelId, r.taskId, r.metricName, r.nItems, r.verdict, r.method, r.file, r.envelopeId]);
    assert.ok(close(r.delta, b.delta) && close(r.pValue, b.pValue) && close(r.mde, b.mde) && close(r.minDelta, b.minDelta));
    assert.equal(b.ci === null, r.ci === null);
    if (r.ci && b.ci) assert.ok(close(r.ci.low, b.ci.low) && close(r.ci.high, b.ci.high));
  });
  const ratio = JSON.stringify(wire).length / JSON.stringify(m).length;
  assert.ok(ratio < 0.45, `wire is ${(ratio * 100).toFixed(0)}% of the rows`);
});
