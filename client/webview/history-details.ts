/**
 * Details of the selected run, with its two actions: open the stored run file
 * (any run) and open the audit envelope (runs captured with evidence). The
 * host opens only paths and runs it sent, whatever this page asks.
 */
import { button, el, stats } from './dom';
import { integer, interval, pValue, signed, utcMinute } from './format';
import type { HistoryRow } from './messages';
import { verdictPill } from './verdict-sections';
import { post } from './vscode-api';

export function details(r: HistoryRow | undefined): HTMLElement[] {
  if (!r) return [el('p', { class: 'placeholder', text: 'Select a run in the chart or the table to see its details.' })];
  const openRun = button('Open run file', () => post({ type: 'openFile', path: r.file }), { class: 'primary', attrs: { id: 'open-run' }, title: r.file });
  const openEnvelope = r.envelopeId && button('Open envelope', () => post({ type: 'openEnvelope', runId: r.runId }), { class: 'secondary', attrs: { id: 'open-envelope' } });
  return [
    el('div', { class: 'details-head' }, [r.verdict ? verdictPill(r.verdict) : el('span', { class: 'muted', text: 'Not gated' }), el('h2', { text: r.runId, title: r.runId })]),
    el('div', { class: 'actions' }, [openRun, openEnvelope]), // first, so a short panel still shows them
    stats([
      ['Time (UTC)', utcMinute(r.t, r.ts), undefined, 'wide'],
      ['Model', r.modelId],
      ['Task', r.taskId],
      ['Metric', r.metricName],
      ['Items', integer(r.nItems)],
      ['Δ', signed(r.delta)],
      ['p-value', pValue(r.pValue)],
      ['min Δ', signed(r.minDelta), 'smallest improvement worth shipping'],
      ['MDE', signed(r.mde), 'minimum detectable effect'],
      ['CI', interval(r.ci), undefined, 'wide'],
      ['Method', r.method ?? '—', undefined, 'wide'],
      ['Envelope', r.envelopeId ? el('code', { text: r.envelopeId }) : '—', undefined, 'wide'],
    ], 'stats stats--details'),
    el('p', { class: 'path muted', text: r.file, title: r.file }),
  ];
}
