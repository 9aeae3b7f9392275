/**
 * The verdict's effect chart: one row per gated comparison, the delta as a
 * marker and its confidence interval as a whisker, drawn against zero, the
 * required improvement (min Δ) and the minimum detectable effect (MDE). A
 * value shared by every row is a full-height line; otherwise each row gets
 * its own short tick.
 */
import { Chart, type ChartConfiguration, type PointStyle } from 'chart.js';
import { interval, pValue, signed } from './format';
import { applyPalette, intervalsPlugin, paddedRange, refLinesPlugin, tooltipColours, type Pt, type RefLine } from './charts';
import type { EffectView, Verdict } from './messages';
import type { Palette } from './theme';

export const POINT_STYLE: Readonly<Record<Verdict, PointStyle>> = { ALLOW: 'circle', REJECT: 'crossRot', INCONCLUSIVE: 'triangle' };

function shared(values: readonly (number | null)[]): number | null {
  const first = values[0];
  return first !== undefined && first !== null && values.every((v) => v === first) ? first : null;
}

function refLines(effects: readonly EffectView[], p: Palette): RefLine[] {
  const lines: RefLine[] = [{ value: 0, colour: p.muted, dash: [], label: '', at: 'start' }];
  const minDelta = shared(effects.map((e) => e.minDelta));
  const mde = shared(effects.map((e) => e.mde));
  if (minDelta !== null) lines.push({ value: minDelta, colour: p.minDelta, dash: [6, 4], label: `min Δ ${signed(minDelta)}`, at: 'start' });
  if (mde !== null) lines.push({ value: mde, colour: p.mde, dash: [2, 3], label: `MDE ${signed(mde)}`, at: 'end' });
  return lines;
}

function tooltipLines(e: EffectView): string[] {
  return [`Δ ${signed(e.delta)}`, `CI ${interval(e.ci)}`, `p ${pValue(e.pValue)}`, `min Δ ${signed(e.minDelta)} · MDE ${signed(e.mde)}`];
}

/** Row ticks for the rows whose min Δ / MDE differ from the others (one chart-wide line would mislead). */
function rowTicks(effects: readonly EffectView[], p: Palette): { data: Pt[]; colours: string[] } {
  const data: Pt[] = [];
  const colours: string[] = [];
  const minDeltaShared = shared(effects.map((e) => e.minDelta)) !== null;
  const mdeShared = shared(effects.map((e) => e.mde)) !== null;
  effects.forEach((e, i) => {
    if (!minDeltaShared && e.minDelta !== null) { data.push({ x: e.minDelta, y: i, i }); colours.push(p.minDelta); }
    if (!mdeShared && e.mde !== null) { data.push({ x: e.mde, y: i, i }); colours.push(p.mde); }
  });
  return { data, colours };
}

function config(effects: readonly EffectView[], p: Palette): ChartConfiguration<'scatter', Pt[]> {
  const points: Pt[] = effects.map((e, i) => ({ x: e.delta ?? 0, y: i, i }));
  const ticks = rowTicks(effects, p);
  const range = paddedRange(effects.flatMap((e) => [e.delta, e.ci.low, e.ci.high, e.minDelta, e.mde]));
  const labels = effects.map((e) => e.label);
  const verdictColour = effects.map((e) => p.verdict[e.verdict]);
  return {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'Δ', data: points, pointStyle: effects.map((e) => POINT_STYLE[e.verdict]), pointRadius: 7, pointHoverRadius: 8, pointBorderWidth: 2.5, pointBackgroundColor: verdictColour, pointBorderColor: verdictColour },
        { label: 'row reference', data: ticks.data, pointStyle: 'line', pointRotation: 90, pointRadius: 9, pointBorderWidth: 2, pointBorderColor: ticks.colours, pointHoverRadius: 9 },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      layout: { padding: { top: 4, right: 12 } },
      scales: {
        // includeBounds: false — the padded range's ends are not round numbers, so they get no tick.
        x: { type: 'linear', min: range.min, max: range.max, title: { display: true, text: 'Δ (candidate − baseline)', color: p.muted }, grid: { color: p.grid }, ticks: { color: p.fg, includeBounds: false, callback: (v) => signed(Number(v), 3) } },
        y: { type: 'linear', display: labels.some((l) => l !== ''), reverse: true, min: -0.5, max: effects.length - 0.5, afterBuildTicks: (axis) => { axis.ticks = labels.map((_, i) => ({ value: i })); }, grid: { display: false }, ticks: { color: p.fg, callback: (v) => labels[Number(v)] ?? '' } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { ...tooltipColours(p), filter: (item) => item.datasetIndex === 0, callbacks: { title: (items) => labels[items[0]?.dataIndex ?? 0] || 'Effect', label: (item) => tooltipLines(effects[item.dataIndex] as EffectView) } },
      },
    },
  };
}

export interface EffectChart {
  restyle(p: Palette): void;
  destroy(): void;
}

/** Draws `effects` on `canvas`; `restyle` re-reads the theme without rebuilding the page. */
export function effectChart(canvas: HTMLCanvasElement, effects: readonly EffectView[], palette: Palette): EffectChart {
  let p = palette;
  applyPalette(p);
  const cfg = config(effects, p);
  cfg.plugins = [
    refLinesPlugin('x', () => refLines(effects, p), () => p.surface),
    intervalsPlugin(() => ({ axis: 'x', limits: (pt) => (effects[pt.i] ? [effects[pt.i]!.ci.low, effects[pt.i]!.ci.high] : null), colour: (d) => (d === 0 ? p.fg : null), width: 2, cap: 6, alpha: 0.9 })),
  ];
  const chart = new Chart(canvas, cfg);
  return {
    restyle(next) {
      p = next;
      applyPalette(p);
      const fresh = config(effects, p);
      chart.options = fresh.options ?? {};
      chart.data.datasets = fresh.data.datasets;
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}
