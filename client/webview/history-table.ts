/**
 * A virtualised table for the history: only the rows in (and just around)
 * the viewport exist in the DOM, so 10,000 runs cost what 40 do. Rows have a
 * fixed height; their position is a CSSOM transform (the CSP forbids inline
 * style attributes, not style properties set from script).
 */
import { el } from './dom';
import { integer, interval, pValue, signed, utcMinute } from './format';
import type { HistoryRow } from './messages';
import { VERDICT_ICON } from './theme';

const ROW_HEIGHT = 24; // keep in sync with --row-height in media/history.css
const OVERSCAN = 8;

interface Column {
  readonly title: string;
  readonly cls: string;
  readonly cell: (r: HistoryRow) => string | Node;
}

function verdictCell(r: HistoryRow): Node {
  if (!r.verdict) return el('span', { class: 'muted', text: '—' });
  return el('span', { class: `verdict-text verdict--${r.verdict.toLowerCase()}` }, [el('span', { class: 'verdict-icon', text: VERDICT_ICON[r.verdict], attrs: { 'aria-hidden': 'true' } }), r.verdict]);
}

/** Column classes name the column (media/history.css hides the less important ones in a narrow panel). */
const COLUMNS: readonly Column[] = [
  { title: 'Time (UTC)', cls: 'c-time', cell: (r) => utcMinute(r.t, r.ts) },
  { title: 'Verdict', cls: 'c-verdict', cell: verdictCell },
  { title: 'Δ', cls: 'c-delta num', cell: (r) => signed(r.delta) },
  { title: 'CI', cls: 'c-ci num', cell: (r) => interval(r.ci) },
  { title: 'p', cls: 'c-p num', cell: (r) => pValue(r.pValue) },
  { title: 'Model', cls: 'c-model', cell: (r) => r.modelId },
  { title: 'Task', cls: 'c-task', cell: (r) => r.taskId },
  { title: 'Metric', cls: 'c-metric', cell: (r) => r.metricName },
  { title: 'Items', cls: 'c-items num', cell: (r) => integer(r.nItems) },
  { title: 'Run id', cls: 'c-id', cell: (r) => r.runId },
];

export interface TableEvents {
  select(index: number): void;
  open(index: number): void;
}

export class VirtualTable {
  readonly viewport: HTMLElement;
  private readonly spacer: HTMLElement;
  private rows: readonly HistoryRow[] = [];
  private order: readonly number[] = [];
  private selected = -1;
  private frame = 0;

  constructor(readonly root: HTMLElement, private readonly on: TableEvents) {
    const head = el('div', { class: 'vt-row vt-head', attrs: { role: 'row' } }, COLUMNS.map((c) => el('div', { class: `vt-cell ${c.cls}`, text: c.title, attrs: { role: 'columnheader' } })));
    this.spacer = el('div', { class: 'vt-spacer', attrs: { role: 'rowgroup' } });
    this.viewport = el('div', { class: 'vt-viewport', attrs: { tabindex: '0', 'aria-label': 'Runs' } }, [el('div', { attrs: { role: 'rowgroup' } }, [head]), this.spacer]);
    root.setAttribute('role', 'grid');
    root.replaceChildren(this.viewport);
    this.viewport.addEventListener('scroll', () => this.schedule());
    this.viewport.addEventListener('keydown', (e) => this.key(e));
    this.spacer.addEventListener('click', (e) => this.pick(e, false));
    this.spacer.addEventListener('dblclick', (e) => this.pick(e, true));
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
  }

  /** Shows `order` (indices into `rows`) and renders the visible window now, not on the next frame. */
  setRows(rows: readonly HistoryRow[], order: readonly number[], scrollTop?: number): void {
    this.rows = rows;
    this.order = order;
    this.spacer.style.height = `${order.length * ROW_HEIGHT}px`;
    this.root.setAttribute('aria-rowcount', String(order.length + 1));
    if (scrollTop !== undefined) this.viewport.scrollTop = scrollTop;
    this.render();
  }

  select(index: number, reveal: boolean, render = true): void {
    this.selected = index;
    if (reveal) this.reveal(index);
    if (render) this.render();
  }

  get scrollTop(): number {
    return this.viewport.scrollTop;
  }

  private reveal(index: number): void {
    const pos = this.order.indexOf(index);
    if (pos < 0) return;
    const top = pos * ROW_HEIGHT;
    const view = this.viewport.clientHeight - ROW_HEIGHT * 2; // the sticky header covers the first row's slot
    if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    else if (top > this.viewport.scrollTop + view) this.viewport.scrollTop = top - view;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const height = this.viewport.clientHeight || 600; // before the first layout: assume a tall panel
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.order.length, Math.ceil((this.viewport.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    const out: HTMLElement[] = [];
    for (let pos = first; pos < last; pos++) out.push(this.row(pos));
    this.spacer.replaceChildren(...out);
  }

  private row(pos: number): HTMLElement {
    const index = this.order[pos] as number;
    const r = this.rows[index] as HistoryRow;
    const selected = index === this.selected;
    const e = el('div', { class: `vt-row${selected ? ' selected' : ''}`, attrs: { role: 'row', 'data-run-id': r.runId, 'data-index': String(index), 'aria-rowindex': String(pos + 2), 'aria-selected': String(selected) } },
      COLUMNS.map((c) => {
        const v = c.cell(r);
        return el('div', { class: `vt-cell ${c.cls}`, attrs: { role: 'gridcell' }, title: typeof v === 'string' ? v : undefined }, [v]);
      }));
    e.style.transform = `translateY(${pos * ROW_HEIGHT}px)`;
    return e;
  }

  private pick(e: MouseEvent, open: boolean): void {
    const row = (e.target as Element).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    this.on.select(index);
    if (open) this.on.open(index);
  }

  /** Arrow keys move the selection through the filtered rows; Enter opens the run file. */
  private key(e: KeyboardEvent): void {
    const pos = this.order.indexOf(this.selected);
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 20, PageUp: -20 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      const next = this.order[Math.min(this.order.length - 1, Math.max(0, pos < 0 ? 0 : pos + step))];
      if (next !== undefined) this.on.select(next);
    } else if (e.key === 'Enter' && this.selected >= 0) {
      this.on.open(this.selected);
    }
  }
}
