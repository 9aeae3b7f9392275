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

function isVerdictMessage(m: unknown): m is ToVerdict {
  const o = m as Partial<ToVerdict> | null;
  return typeof o === 'object' && o !== null && o.type === 'verdict' && typeof o.seq === 'number' && typeof o.model === 'object';
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (!isVerdictMessage(e.data)) return;
  const { seq, model } = e.data;
  const start = e.timeStamp;
  render(model);
  afterPaint(start, (ms) => post({ type: 'painted', ms, seq }));
});

watchTheme(() => chart?.restyle(readPalette()));

const saved = loadState() as Partial<VerdictState> | undefined;
if (saved?.model) render(saved.model);
else app.replaceChildren(el('p', { class: 'placeholder', text: 'Waiting for a gate result…' }));
post({ type: 'ready' });
