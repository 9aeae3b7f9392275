/**
 * The history chart: each gated run's delta over time with its CI whisker,
 * one dataset per verdict (colour and marker shape, so not by colour alone).
 * Built for 10,000 runs: no animation, no parsing (points are given in
 * Chart.js's internal shape), and LTTB decimation down to about one point per
 * two pixels, whiskers drawn only for the points that survive it.
 */
import { Chart, type ChartConfiguration, type ChartDataset, type ActiveElement, type Plugin } from 'chart.js';
import { applyPalette, intervalsPlugin, refLinesPlugin, tooltipColours, type Pt, type RefLine } from './charts';
import { POINT_STYLE } from './effect-chart';
import { interval, pValue, signed, utcDay, utcMinute } from './format';
import { timeTicks } from './time-ticks';
import type { HistoryRow, Verdict } from './messages';
import type { Palette } from './theme';

type Series = Verdict | 'NONE';
const SERIES: readonly Series[] = ['ALLOW', 'REJECT', 'INCONCLUSIVE', 'NONE'];
const SERIES_LABEL: Readonly<Record<Series, string>> = { ALLOW: 'ALLOW', REJECT: 'REJECT', INCONCLUSIVE: 'INCONCLUSIVE', NONE: 'no verdict' };

export interface HistoryChart {
  /** Plots `order` (indices into `rows`, any order). */
  setData(rows: readonly HistoryRow[], order: readonly number[]): void;
  /** Rings the run at `index`; `redraw: false` when a data update follows anyway. */
  select(index: number, redraw?: boolean): void;
  restyle(p: Palette): void;
}

/** Points per series, oldest first (decimation needs x-sorted data). */
function seriesOf(rows: readonly HistoryRow[], order: readonly number[]): Record<Series, Pt[]> {
  const out: Record<Series, Pt[]> = { ALLOW: [], REJECT: [], INCONCLUSIVE: [], NONE: [] };
  const sortedOrder = [...order].sort((a, b) => a - b); // rows are oldest first, so index order is time order
  for (const i of sortedOrder) {
    const r = rows[i] as HistoryRow;
    if (r.delta !== null) out[r.verdict ?? 'NONE'].push({ x: r.t, y: r.delta, i });
  }
  return out;
}

function datasets(series: Record<Series, Pt[]>, p: Palette): ChartDataset<'line', Pt[]>[] {
  return SERIES.map((s) => ({
    label: `${SERIES_LABEL[s]} (${series[s].length.toLocaleString('en-US')})`,
    data: series[s],
    showLine: false,
    pointStyle: s === 'NONE' ? 'rectRot' : POINT_STYLE[s],
    pointRadius: 3,
    pointHoverRadius: 5,
    pointBorderWidth: s === 'REJECT' ? 2 : 1,
    pointBackgroundColor: p.verdict[s],
    pointBorderColor: p.verdict[s],
    hidden: series[s].length === 0,
  }));
}

/** Whiskers fade as runs crowd in: a few dozen read as intervals, thousands as a haze that shows the spread. */
function whiskerAlpha(points: number): number {
  return Math.min(0.6, Math.max(0.12, 40 / Math.sqrt(Math.max(1, points)) / 4));
}

/** The runs' time range plus 2 % each side (Chart.js would round it out to "nice" numbers of milliseconds). */
function timeSpan(series: Record<Series, Pt[]>): { min?: number; max?: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const pts of Object.values(series)) {
    if (pts.length === 0) continue;
    min = Math.min(min, pts[0]!.x);
    max = Math.max(max, pts[pts.length - 1]!.x);
  }
  if (!Number.isFinite(min)) return {};
  const pad = Math.max((max - min) * 0.02, 3_600_000);
  return { min: min - pad, max: max + pad };
}

/** min Δ as a chart-wide line only when every plotted gated run shares it. */
function sharedMinDelta(rows: readonly HistoryRow[], order: readonly number[]): number | null {
  let v: number | null | undefined;
  for (const i of order) {
    const m = (rows[i] as HistoryRow).minDelta;
    if (m === null) continue;
    if (v === undefined) v = m;
    else if (v !== m) return null;
  }
  return v ?? null;
}


type Range = () => { min?: number; max?: number };

function options(rows: () => readonly HistoryRow[], range: Range, p: Palette, onPick: (i: number) => void): ChartConfiguration<'line', Pt[]>['options'] {
  const row = (raw: unknown) => rows()[(raw as Pt).i] as HistoryRow;
  const labels = new Map<number, string>(); // tick value → calendar label, from afterBuildTicks for the label callback
  return {
    animation: false,
    parsing: false,
    normalized: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', intersect: true },
    scales: {
      x: {
        type: 'linear', min: range().min, max: range().max, grid: { color: p.grid },
        afterBuildTicks: (axis) => {
          const ticks = timeTicks(axis.min, axis.max, Math.max(2, Math.floor(axis.width / 110)));
          labels.clear();
          for (const t of ticks) labels.set(t.value, t.label);
          axis.ticks = ticks.map((t) => ({ value: t.value }));
        },
        ticks: { color: p.fg, autoSkip: false, maxRotation: 0, callback: (v) => labels.get(Number(v)) ?? utcDay(Number(v)) },
      },
      y: { type: 'linear', grace: '8%', title: { display: true, text: 'Δ', color: p.muted }, grid: { color: p.grid }, ticks: { color: p.fg, callback: (v) => signed(Number(v), 3) } },
    },
    plugins: {
      decimation: { enabled: true, algorithm: 'lttb', samples: 500, threshold: 1000 },
      legend: { position: 'top', align: 'end', labels: { color: p.fg, usePointStyle: true, boxHeight: 7, padding: 14, filter: (item, data) => (data.datasets[item.datasetIndex ?? 0]?.data.length ?? 0) > 0 } },
      tooltip: { ...tooltipColours(p), callbacks: {
        title: (items) => (items[0] ? utcMinute(row(items[0].raw).t, row(items[0].raw).ts) : ''),
        label: (item) => { const r = row(item.raw); return [`${r.verdict ?? 'no verdict'} · Δ ${signed(r.delta)} · p ${pValue(r.pValue)}`, `CI ${interval(r.ci)}`, `${r.modelId} · ${r.taskId} · ${r.metricName}`]; },
      } },
    },
    onClick: (_e, active: ActiveElement[], chart) => {
      const hit = active[0];
      const pt = hit ? (chart.data.datasets[hit.datasetIndex]?.data[hit.index] as Pt | undefined) : undefined;
      if (pt) onPick(pt.i);
    },
  };
}

/** A ring around the selected run's point, so the table and the chart agree on what is selected. */
function selectionPlugin(get: () => { row: HistoryRow | undefined; colour: string }): Plugin {
  return {
    id: 'tollgateSelection',
    afterDatasetsDraw(chart) {
      const { row, colour } = get();
      const { x, y } = chart.scales;
      if (!row || row.delta === null || !x || !y) return;
      const px = x.getPixelForValue(row.t);
      const py = y.getPixelForValue(row.delta);
      const a = chart.chartArea;
      if (px < a.left || px > a.right || py < a.top || py > a.bottom) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(px, py, 7, 0, Math.PI * 2);
      ctx.stroke();
      ctx.restore();
    },
  };
}

export function historyChart(canvas: HTMLCanvasElement, palette: Palette, onPick: (index: number) => void): HistoryChart {
  let p = palette;
  let rows: readonly HistoryRow[] = [];
  let selected = -1;
  let lines: RefLine[] = [];
  let span: { min?: number; max?: number } = {};
  let drawn = 0;
  applyPalette(p);
  const chart = new Chart<'line', Pt[]>(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: options(() => rows, () => span, p, onPick),
    plugins: [
      refLinesPlugin('y', () => lines, () => p.surface),
      intervalsPlugin(() => ({ axis: 'y', limits: (pt) => { const ci = rows[pt.i]?.ci; return ci ? [ci.low, ci.high] : null; }, colour: (d) => p.verdict[SERIES[d] ?? 'NONE'], width: 1, cap: 0, alpha: whiskerAlpha(drawn), open: 10 })),
      selectionPlugin(() => ({ row: rows[selected], colour: p.focus })),
    ],
  });
  const setLines = (order: readonly number[]) => {
    const minDelta = sharedMinDelta(rows, order);
    lines = [{ value: 0, colour: p.muted, dash: [], label: '', at: 'start' }];
    if (minDelta !== null) lines.push({ value: minDelta, colour: p.minDelta, dash: [6, 4], label: `min Δ ${signed(minDelta)}`, at: 'start' });
  };
  let lastOrder: readonly number[] = [];
  return {
    setData(next, order) {
      rows = next;
      lastOrder = order;
      setLines(order);
      const series = seriesOf(rows, order);
      span = timeSpan(series);
      drawn = Math.min(order.length, 1500); // about what decimation leaves visible
      chart.data.datasets = datasets(series, p);
      chart.options.scales!.x!.min = span.min;
      chart.options.scales!.x!.max = span.max;
      chart.update('none');
    },
    select(index, redraw = true) {
      selected = index;
      if (redraw) chart.draw();
    },
    restyle(next) {
      p = next;
      applyPalette(p);
      chart.options = options(() => rows, () => span, p, onPick) ?? {};
      this.setData(rows, lastOrder);
    },
  };
}
