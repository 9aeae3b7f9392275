/**
 * Entry of the history webview (bundled to media/dist/history.js): the runs
 * of one project as a chart and a virtualised table, filtered in the page.
 * Filters, selection and scroll position live in the webview state, so a
 * hidden or restored panel comes back as the user left it.
 */
import { byId, el } from './dom';
import { historyChart } from './history-chart';
import { controls } from './history-controls';
import { details } from './history-details';
import { filterRows, isFiltered, NO_FILTERS, vocabulary, type Vocabulary } from './history-filter';
import { VirtualTable } from './history-table';
import { unpackHistory } from './history-wire';
import type { HistoryState, HistoryViewModel, ToHistory } from './messages';
import { afterPaint } from './paint';
import { readPalette, watchTheme } from './theme';
import { loadState, post, saveState } from './vscode-api';

const app = byId('app');
let model: HistoryViewModel = { project: '', projects: [], root: '', rows: [] };
let vocab: Vocabulary = vocabulary([]);
let selected = -1;
let state: HistoryState = restoredState();
let pending = 0;

function restoredState(): HistoryState {
  const s = loadState() as Partial<HistoryState> | undefined;
  return { project: s?.project ?? null, filters: { ...NO_FILTERS, ...s?.filters }, selected: s?.selected ?? null, scrollTop: s?.scrollTop ?? 0 };
}

const ctl = controls({
  filter: () => { if (!pending) pending = requestAnimationFrame(() => { pending = 0; applyFilters(); }); },
  project: (project) => post({ type: 'selectProject', project }),
  clear: () => { ctl.write(NO_FILTERS); applyFilters(); },
});
const canvas = el('canvas', { attrs: { id: 'history-chart', role: 'img', 'aria-label': 'Delta of each gated run over time, coloured by verdict' } });
const tableRoot = el('div', { class: 'vtable', attrs: { id: 'history-table', 'aria-label': 'Stored runs' } });
const empty = el('div', { class: 'empty-state', attrs: { role: 'status' } });
const detailsPane = el('aside', { class: 'details card', attrs: { id: 'history-details', 'aria-label': 'Run details' } });
const notice = el('div', { class: 'notice' });
app.replaceChildren(ctl.toolbar, ctl.filters, notice, el('section', { class: 'card chart-card' }, [el('div', { class: 'chart-box history-chart-box' }, [canvas])]), el('div', { class: 'split' }, [el('div', { class: 'table-wrap' }, [tableRoot, empty]), detailsPane]));

const table = new VirtualTable(tableRoot, { select: (i) => select(i, true), open: (i) => openRun(i) });
const chart = historyChart(canvas, readPalette(), (i) => select(i, true));
let saveTimer: ReturnType<typeof setTimeout> | undefined;
table.viewport.addEventListener('scroll', () => { clearTimeout(saveTimer); saveTimer = setTimeout(save, 200); });

function save(): void {
  state = { project: model.project || state.project, filters: ctl.read(), selected: model.rows[selected]?.runId ?? null, scrollTop: table.scrollTop };
  saveState<HistoryState>(state);
}

function openRun(i: number): void {
  const r = model.rows[i];
  if (r) post({ type: 'openFile', path: r.file });
}

function select(i: number, reveal: boolean): void {
  selected = i;
  table.select(i, reveal);
  chart.select(i);
  showDetails();
}

function showDetails(): void {
  detailsPane.replaceChildren(...details(model.rows[selected]));
  save();
}

function emptyText(shown: number): string {
  if (shown > 0) return '';
  if (model.rows.length === 0) return `No runs stored in project “${model.project}” yet. Capture audit evidence, or gate with --store, to record some.`;
  return isFiltered(ctl.read()) ? 'No runs match these filters.' : '';
}

/** Re-filters and redraws; `scrollTop` restores a saved position (else the table keeps its own). */
function applyFilters(scrollTop?: number): void {
  const order = filterRows(model.rows, ctl.read(), vocab);
  table.setRows(model.rows, order, scrollTop);
  chart.setData(model.rows, order);
  ctl.setCount(order.length, model.rows.length);
  empty.textContent = emptyText(order.length);
  empty.hidden = order.length > 0;
  save();
}

function show(m: HistoryViewModel): void {
  const sameProject = state.project === m.project;
  model = m;
  vocab = vocabulary(m.rows);
  ctl.setProjects(m.projects, m.project);
  ctl.setVocabulary(vocab);
  ctl.setStatus('');
  notice.replaceChildren();
  ctl.write(sameProject ? state.filters : NO_FILTERS);
  // Selection first (the index into the previous rows means nothing now), so the one render below shows it.
  selected = sameProject && state.selected !== null ? m.rows.findIndex((r) => r.runId === state.selected) : -1;
  table.select(selected, false, false);
  chart.select(selected, false);
  applyFilters(sameProject ? state.scrollTop : 0);
  showDetails();
  app.removeAttribute('aria-busy');
}

function onMessage(m: ToHistory, start: number): void {
  if (m.type === 'history') {
    show(unpackHistory(m.data));
    afterPaint(start, (ms) => post({ type: 'painted', ms, seq: m.seq }));
  } else if (m.type === 'loading') {
    ctl.setStatus(`Loading ${m.project}…`);
    app.setAttribute('aria-busy', 'true');
  } else {
    ctl.setStatus('');
    app.removeAttribute('aria-busy');
    notice.replaceChildren(el('div', { class: 'callout callout--error', attrs: { role: 'alert' } }, [el('strong', { text: 'Could not load the history' }), el('p', { text: m.message })]));
  }
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const m = e.data as Partial<ToHistory> | null;
  if (typeof m === 'object' && m !== null && (m.type === 'history' || m.type === 'loading' || m.type === 'error')) onMessage(m as ToHistory, e.timeStamp);
});

watchTheme(() => chart.restyle(readPalette()));
detailsPane.replaceChildren(...details(undefined));
post({ type: 'ready' });
