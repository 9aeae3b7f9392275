/**
 * Chart.js set-up shared by both views: only the pieces we use are
 * registered (smaller bundle), animation is off (a release gate is not a
 * show), and two small plugins draw what Chart.js has no element for:
 * confidence-interval whiskers and labelled reference lines.
 */
import { Chart, Decimation, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip, type ChartArea, type Plugin, type Scale } from 'chart.js';
import type { Palette } from './theme';

Chart.register(ScatterController, LineController, LineElement, PointElement, LinearScale, Tooltip, Legend, Decimation);

/** A data point of ours: chart coordinates plus the index of the row it came from. */
export interface Pt {
  readonly x: number;
  readonly y: number;
  readonly i: number;
}

export type Limits = readonly [number | null, number | null];

/** Global defaults follow the theme (font and colours). */
export function applyPalette(p: Palette): void {
  Chart.defaults.font.family = p.font;
  Chart.defaults.font.size = Math.max(11, p.fontSize - 1);
  Chart.defaults.color = p.fg;
  Chart.defaults.borderColor = p.grid;
}

export function tooltipColours(p: Palette): Record<string, unknown> {
  return { backgroundColor: p.bg, titleColor: p.fg, bodyColor: p.fg, borderColor: p.highContrast ? p.focus : p.grid, borderWidth: 1, padding: 8 };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/**
 * Pixel span of `[lo, hi]` on `scale`, clamped to the plot. An unbounded end
 * runs to the plot's edge, or `open` px past the point when `open` is set
 * (a one-sided CI on a crowded chart: the open end says only "and above").
 */
function span(scale: Scale, area: ChartArea, axis: 'x' | 'y', [lo, hi]: Limits, at: number, open: number | undefined): { a: number; b: number; openA: boolean; openB: boolean } {
  const [min, max] = axis === 'x' ? [area.left, area.right] : [area.top, area.bottom];
  const up = axis === 'x' ? 1 : -1; // pixel direction of growing values (the y axis grows upwards)
  const edge = (dir: number) => (open === undefined ? (dir * up > 0 ? max : min) : clamp(at + dir * up * open, min, max));
  const a = lo === null ? edge(-1) : clamp(scale.getPixelForValue(lo), min, max);
  const b = hi === null ? edge(1) : clamp(scale.getPixelForValue(hi), min, max);
  return { a, b, openA: lo === null, openB: hi === null };
}

function arrowHead(ctx: CanvasRenderingContext2D, axis: 'x' | 'y', at: number, across: number, dir: number, size: number): void {
  if (axis === 'x') {
    ctx.moveTo(at - dir * size, across - size);
    ctx.lineTo(at, across);
    ctx.lineTo(at - dir * size, across + size);
  } else {
    ctx.moveTo(across - size, at - dir * size);
    ctx.lineTo(across, at);
    ctx.lineTo(across + size, at - dir * size);
  }
}

export interface IntervalOptions {
  readonly axis: 'x' | 'y';
  readonly limits: (p: Pt) => Limits | null;
  /** Whisker colour of a dataset; null: that dataset has no whiskers. */
  readonly colour: (datasetIndex: number) => string | null;
  readonly width: number;
  /** Half-length of the end caps (px); 0 for none. */
  readonly cap: number;
  readonly alpha: number;
  /** Draw an unbounded end this many px past the point instead of to the plot's edge. */
  readonly open?: number;
}

/** Whiskers for every drawn point (after decimation, so only what is visible), one path per dataset. */
export function intervalsPlugin(get: () => IntervalOptions): Plugin {
  return {
    id: 'tollgateIntervals',
    beforeDatasetsDraw(chart) {
      const o = get();
      const { ctx, chartArea } = chart;
      const scale = o.axis === 'x' ? chart.scales.x : chart.scales.y;
      if (!scale) return;
      ctx.save();
      ctx.lineWidth = o.width;
      ctx.globalAlpha = o.alpha;
      chart.data.datasets.forEach((ds, d) => {
        const meta = chart.getDatasetMeta(d);
        if (!chart.isDatasetVisible(d)) return;
        const data = ds.data as unknown as readonly Pt[];
        const colour = o.colour(d);
        if (colour === null) return;
        ctx.strokeStyle = colour;
        ctx.beginPath();
        meta.data.forEach((el, j) => {
          const pt = data[j];
          const lim = pt ? o.limits(pt) : null;
          if (lim) whisker(ctx, o, span(scale, chartArea, o.axis, lim, o.axis === 'x' ? el.x : el.y, o.open), o.axis === 'x' ? el.y : el.x);
        });
        ctx.stroke();
      });
      ctx.restore();
    },
  };
}

/** Moves along `axis` from p1 to p2 at cross-position q. */
function segment(ctx: CanvasRenderingContext2D, axis: 'x' | 'y', p1: number, p2: number, q: number): void {
  if (axis === 'x') { ctx.moveTo(p1, q); ctx.lineTo(p2, q); } else { ctx.moveTo(q, p1); ctx.lineTo(q, p2); }
}

/** A closed limit gets a cap across the whisker; an unbounded one an arrow head at the plot's edge. */
function whisker(ctx: CanvasRenderingContext2D, o: IntervalOptions, s: ReturnType<typeof span>, across: number): void {
  segment(ctx, o.axis, s.a, s.b, across);
  const dir = Math.sign(s.b - s.a) || 1;
  for (const [at, open, sign] of [[s.a, s.openA, -dir], [s.b, s.openB, dir]] as const) {
    if (open) arrowHead(ctx, o.axis, at, across, sign, Math.max(3, o.cap));
    else if (o.cap > 0) segment(ctx, o.axis === 'x' ? 'y' : 'x', across - o.cap, across + o.cap, at);
  }
}

export interface RefLine {
  readonly value: number;
  readonly colour: string;
  readonly dash: readonly number[];
  readonly label: string;
  /** Where the label sits along the line. */
  readonly at: 'start' | 'end';
}

/** Straight lines across the plot at fixed values of `axis`: the lines under the data, their labels above it. */
export function refLinesPlugin(axis: 'x' | 'y', get: () => readonly RefLine[], backdrop: () => string): Plugin {
  const pixel = (chart: Chart, l: RefLine): number | null => {
    const scale = axis === 'x' ? chart.scales.x : chart.scales.y;
    if (!scale) return null;
    const p = scale.getPixelForValue(l.value);
    const a = chart.chartArea;
    return (axis === 'x' ? p >= a.left && p <= a.right : p >= a.top && p <= a.bottom) ? p : null;
  };
  return {
    id: 'tollgateRefLines',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: a } = chart;
      ctx.save();
      for (const l of get()) {
        const p = pixel(chart, l);
        if (p === null) continue;
        ctx.strokeStyle = l.colour;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([...l.dash]);
        ctx.beginPath();
        if (axis === 'x') { ctx.moveTo(p, a.top); ctx.lineTo(p, a.bottom); } else { ctx.moveTo(a.left, p); ctx.lineTo(a.right, p); }
        ctx.stroke();
      }
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: a } = chart;
      ctx.save();
      ctx.font = `${Chart.defaults.font.size ?? 12}px ${Chart.defaults.font.family ?? 'sans-serif'}`;
      for (const l of get()) {
        const p = pixel(chart, l);
        if (p !== null && l.label) label(ctx, axis, a, p, l, backdrop());
      }
      ctx.restore();
    },
  };
}

/** The label in the line's colour on a box of the background colour, so points under it cannot hide it. */
function label(ctx: CanvasRenderingContext2D, axis: 'x' | 'y', a: ChartArea, p: number, l: RefLine, bg: string): void {
  const w = ctx.measureText(l.label).width;
  const h = (Chart.defaults.font.size ?? 12) + 4;
  let x: number;
  let y: number;
  if (axis === 'x') {
    x = p + 4 + w <= a.right ? p + 4 : p - 4 - w;
    y = l.at === 'start' ? a.top + 2 : a.bottom - 2 - h;
  } else {
    x = l.at === 'start' ? a.left + 4 : a.right - 4 - w;
    y = p - h - 2;
  }
  ctx.fillStyle = bg;
  ctx.fillRect(x - 3, y, w + 6, h);
  ctx.fillStyle = l.colour;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(l.label, x, y + h / 2);
}

/** x-range covering every finite value, padded so points and labels are not on the frame. */
export function paddedRange(values: readonly (number | null)[], padFraction = 0.12): { min: number; max: number } {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let min = Math.min(...finite, 0);
  let max = Math.max(...finite, 0);
  if (max - min < 1e-9) { min -= 0.01; max += 0.01; }
  const pad = (max - min) * padFraction;
  return { min: min - pad, max: max + pad };
}
