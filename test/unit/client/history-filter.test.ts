/** The history view's client-side filters (pure). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayStart, filterRows, isFiltered, NO_FILTERS, vocabulary } from '../../../client/webview/history-filter';
import type { HistoryRow } from '../../../client/webview/messages';

function row(runId: string, modelId: string, ts: string, taskId = 'qa', metricName = 'accuracy'): HistoryRow {
  return { runId, ts, t: Date.parse(ts), modelId, taskId, metricName, nItems: 1, delta: 0, pValue: 0.5, verdict: 'ALLOW', ci: null, minDelta: null, mde: null, method: null, file: `/s/${runId}`, envelopeId: null };
}

const rows = [
  row('a', 'gpt-4o', '2024-03-01T00:00:00Z'),
  row('b', 'gpt-4o-mini', '2024-03-01T23:59:59Z', 'summaries'),
  row('c', 'Acme-7B', '2024-03-02T00:00:00Z', 'qa', 'rubric_score'),
  row('d', 'gpt-4o', '2024-03-03T12:00:00Z'),
];
const vocab = vocabulary(rows);
const ids = (f: Partial<typeof NO_FILTERS>) => filterRows(rows, { ...NO_FILTERS, ...f }, vocab).map((i) => rows[i].runId);

test('no filter: every row, newest first', () => {
  assert.deepEqual(ids({}), ['d', 'c', 'b', 'a']);
  assert.equal(isFiltered(NO_FILTERS), false);
  assert.equal(isFiltered({ ...NO_FILTERS, until: '2024-01-01' }), true);
});

test('a known id matches exactly; other text matches case-insensitively as a substring', () => {
  assert.deepEqual(ids({ model: 'gpt-4o' }), ['d', 'a'], 'not gpt-4o-mini');
  assert.deepEqual(ids({ model: 'GPT' }), ['d', 'b', 'a']);
  assert.deepEqual(ids({ model: 'acme' }), ['c']);
  assert.deepEqual(ids({ model: '  gpt-4o  ' }), ['d', 'a'], 'surrounding spaces are ignored');
  assert.deepEqual(ids({ task: 'summ', metric: 'acc' }), ['b']);
  assert.deepEqual(ids({ model: 'nope' }), []);
});

test('dates are whole UTC days, until inclusive', () => {
  assert.deepEqual(ids({ since: '2024-03-02' }), ['d', 'c']);
  assert.deepEqual(ids({ until: '2024-03-01' }), ['b', 'a'], 'the last second of the until day is in');
  assert.deepEqual(ids({ since: '2024-03-02', until: '2024-03-02' }), ['c']);
  assert.deepEqual(ids({ since: 'garbage' }), ['d', 'c', 'b', 'a'], 'an unparsable date does not filter');
  assert.equal(dayStart('2024-03-02'), Date.UTC(2024, 2, 2));
  assert.equal(dayStart('2024-3-2'), null);
});
