/**
 * Entry of the verdict webview (bundled to media/dist/verdict.js). Renders the
 * last gate result it was sent; keeps it in the webview state so a panel that
 * was hidden or restored shows it again before the host re-sends it.
 */
import { byId, el } from './dom';
import { effectChart, type EffectChart } from './effect-chart';
import type { ToVerdict, VerdictState, VerdictViewModel } from './messages';
import { afterPaint } from './paint';
import { readPalette, watchTheme } from './theme';
import { effectSection, envelopeSection, header, inputsSection, runsSection } from './verdict-sections';
import { loadState, post, saveState } from './vscode-api';

const app = byId('app');
let chart: EffectChart | undefined;

function render(model: VerdictViewModel): void {
  chart?.destroy();
  const canvas = el('canvas', { attrs: { id: 'effect-chart', role: 'img', 'aria-label': `Effect chart: ${model.summary}` } });
  app.replaceChildren(
    header(model),
    effectSection(model, canvas),
    ...(model.envelope ? [envelopeSection(model.envelope)] : []),
    inputsSection(model.inputs),
    runsSection(model.runs),
  );
  app.removeAttribute('aria-busy');
  chart = effectChart(canvas, model.effects, readPalette());
  saveState<VerdictState>({ model });
}

/** A placeholder line (pending or failed gate); the chart of an older verdict goes with it. */
function placeholder(text: string, busy: boolean): void {
  chart?.destroy();
  chart = undefined;
  app.replaceChildren(el('p', { class: 'placeholder', text }));
  if (busy) app.setAttribute('aria-busy', 'true');
  else app.removeAttribute('aria-busy');
}

function isVerdictMessage(m: unknown): m is ToVerdict {
  const o = m as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null) return false;
  if (o['type'] === 'verdict') return typeof o['seq'] === 'number' && typeof o['model'] === 'object';
  if (o['type'] === 'pending') return typeof o['title'] === 'string';
  return o['type'] === 'failed' && typeof o['title'] === 'string' && typeof o['message'] === 'string';
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (!isVerdictMessage(e.data)) return;
  const m = e.data;
  if (m.type === 'pending') return placeholder(`Gating ${m.title}…`, true);
  if (m.type === 'failed') return placeholder(`No verdict for ${m.title}: ${m.message}`, false);
  const start = e.timeStamp;
  render(m.model);
  afterPaint(start, (ms) => post({ type: 'painted', ms, seq: m.seq }));
});

watchTheme(() => chart?.restyle(readPalette()));

const saved = loadState() as Partial<VerdictState> | undefined;
if (saved?.model) render(saved.model);
else app.replaceChildren(el('p', { class: 'placeholder', text: 'Waiting for a gate result…' }));
post({ type: 'ready' });
