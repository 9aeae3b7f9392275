/**
 * The verdict view's sections, built from the view model with DOM APIs only
 * (every value from a run file lands in `textContent`).
 */
import { button, el, section, stats, table, type Child } from './dom';
import { baseName, bytes, dirName, fixed, integer, interval, percent, pValue, signed } from './format';
import type { EffectView, EnvelopeView, InputView, RunView, Verdict, VerdictViewModel } from './messages';
import { VERDICT_ICON } from './theme';
import { post } from './vscode-api';

/** Icon + word in the verdict's colour; `#verdict-badge` holds exactly the word. */
export function verdictPill(v: Verdict, badgeId?: string): HTMLElement {
  const word = el('span', { class: 'verdict-word', text: v, attrs: badgeId ? { id: badgeId } : {} });
  return el('span', { class: `verdict-pill verdict--${v.toLowerCase()}` }, [el('span', { class: 'verdict-icon', text: VERDICT_ICON[v], attrs: { 'aria-hidden': 'true' } }), word]);
}

export function header(m: VerdictViewModel): HTMLElement {
  return el('header', { class: 'page-header' }, [
    verdictPill(m.verdict, 'verdict-badge'),
    el('div', { class: 'heading' }, [el('h1', { text: m.title }), el('p', { class: 'summary', text: m.summary })]),
  ]);
}

function legend(): HTMLElement {
  const item = (cls: string, text: string) => el('li', {}, [el('span', { class: `swatch ${cls}`, attrs: { 'aria-hidden': 'true' } }), text]);
  return el('ul', { class: 'chart-legend', attrs: { 'aria-label': 'Chart legend' } }, [
    item('swatch-delta', 'Δ with its confidence interval'),
    item('swatch-zero', 'no change'),
    item('swatch-min-delta', 'min Δ: required improvement'),
    item('swatch-mde', 'MDE: detectable at the target power'),
  ]);
}

function singleStats(e: EffectView, alpha: number | null): HTMLElement {
  return stats([
    ['Δ', signed(e.delta), 'candidate − baseline'],
    [`CI (${percent(e.ciLevel)})`, interval(e.ci)],
    ['p-value', pValue(e.pValue)],
    ['min Δ', signed(e.minDelta), 'smallest improvement worth shipping'],
    [`MDE (${percent(e.power)} power)`, signed(e.mde), 'minimum detectable effect'],
    ['Method', e.method || '—'],
    ['Pairs (n)', integer(e.n)],
    ['Clusters', e.clusters === null ? 'none' : integer(e.clusters)],
    ['α', fixed(alpha, 3)],
  ]);
}

function same<T>(values: readonly T[]): boolean {
  return values.every((v) => v === values[0]);
}

/** One row per gate; a column whose value every gate shares (min Δ, method) is said once below instead. */
function familyTable(effects: readonly EffectView[]): HTMLElement {
  const sharedMin = same(effects.map((e) => e.minDelta));
  const sharedMethod = same(effects.map((e) => e.method));
  const head = ['Gate', 'Verdict', 'Δ', 'CI', 'p', 'p (adj.)', ...(sharedMin ? [] : ['min Δ']), 'MDE', 'n', ...(sharedMethod ? [] : ['Method'])];
  const rows = effects.map((e): Child[] => [e.label, verdictPill(e.verdict), signed(e.delta), interval(e.ci), pValue(e.pValue), pValue(e.pAdjusted), ...(sharedMin ? [] : [signed(e.minDelta)]), signed(e.mde), integer(e.n), ...(sharedMethod ? [] : [e.method])]);
  return el('div', { class: 'table-scroll effects-table' }, [table('effects', 'Gated comparisons', head, rows)]);
}

function remarks(m: VerdictViewModel): Child[] {
  const named = m.effects.length > 1;
  const prefix = (e: EffectView) => (named ? `${e.label}: ` : '');
  const notes = m.effects.flatMap((e) => e.notes.map((n) => prefix(e) + n));
  const tips = m.effects.filter((e) => e.suggestion).map((e) => prefix(e) + (e.suggestion ?? ''));
  return [
    notes.length > 0 && el('ul', { class: 'notes', attrs: { 'aria-label': 'Notes' } }, notes.map((n) => el('li', { text: n }))),
    ...tips.map((t) => el('div', { class: 'callout callout--info', attrs: { role: 'note' } }, [el('strong', { text: 'Suggestion' }), el('p', { text: t })])),
  ];
}

/** What the family table leaves out: the correction, and the min Δ / method when every gate shares them. */
function familyNote(m: VerdictViewModel): string {
  const e = m.effects;
  const parts = [
    m.correction ? `${m.correction}-corrected across ${e.length} gates at α ${fixed(m.alpha, 3)}` : `${e.length} gates at α ${fixed(m.alpha, 3)}`,
    same(e.map((x) => x.minDelta)) ? `min Δ ${signed(e[0]?.minDelta ?? null)}` : '',
    same(e.map((x) => x.method)) ? `method ${e[0]?.method ?? '—'}` : '',
  ];
  return `${parts.filter(Boolean).join(' · ')}.`;
}

export function effectSection(m: VerdictViewModel, canvas: HTMLCanvasElement): HTMLElement {
  const box = el('div', { class: 'chart-box' }, [canvas]);
  box.style.height = `${96 + 44 * m.effects.length}px`; // CSSOM, which the CSP allows (inline style attributes it does not)
  const first = m.effects[0];
  const family = m.effects.length > 1;
  const correction = family ? el('p', { class: 'muted', text: familyNote(m) }) : null;
  return section('Effect', [box, legend(), family || !first ? familyTable(m.effects) : singleStats(first, m.alpha), correction, ...remarks(m)]);
}

function fileLink(path: string): HTMLElement {
  const b = button(baseName(path), () => post({ type: 'openFile', path }), { class: 'link', title: `Open ${path}` });
  return el('span', { class: 'file' }, [b, el('span', { class: 'dir', text: dirName(path), title: path })]);
}

/** A hash with a Copy button (the host writes the clipboard); the button says "Copied" for a moment. */
function hash(value: string, label: string): HTMLElement {
  const copy = button('Copy', () => {
    post({ type: 'copy', text: value });
    copy.textContent = 'Copied';
    setTimeout(() => { copy.textContent = 'Copy'; }, 1500);
  }, { class: 'icon-button', title: `Copy ${label}`, attrs: { 'aria-label': `Copy ${label}` } });
  return el('span', { class: 'hash' }, [el('code', { text: value, title: value }), copy]);
}

export function inputsSection(inputs: readonly InputView[]): HTMLElement {
  const rows = inputs.map((i): Child[] => [i.role, fileLink(i.path), hash(i.sha256, `SHA-256 of ${baseName(i.path)}`), el('span', { class: 'num', text: bytes(i.bytes), title: `${i.bytes} bytes` })]);
  const t = table('inputs', 'Gated input files', ['Role', 'File', 'SHA-256', 'Size'], rows);
  return section('Inputs', [el('div', { class: 'table-scroll' }, [t]), inputs.length === 0 && el('p', { class: 'muted', text: 'The server sent no input digests.' })]);
}

export function runsSection(runs: readonly RunView[]): HTMLElement {
  const rows = runs.map((r): Child[] => [r.role, el('code', { text: r.runId }), r.modelId, r.taskId, r.metricName, el('span', { class: 'num', text: integer(r.nItems) })]);
  const t = table('runs', 'Gated runs', ['Role', 'Run id', 'Model', 'Task', 'Metric', 'Items'], rows);
  return section('Runs', [el('div', { class: 'table-scroll' }, [t]), runs.length === 0 && el('p', { class: 'muted', text: 'The server sent no run details.' })]);
}

export function envelopeSection(e: EnvelopeView): HTMLElement {
  const open = button('Open envelope', () => post({ type: 'openFile', path: e.file }), { class: 'primary', attrs: { id: 'open-envelope' } });
  const problem = e.signatureProblem && el('div', { class: 'callout callout--warning', attrs: { role: 'note' } }, [el('strong', { text: 'Not signed' }), el('p', { text: e.signatureProblem })]);
  return section('Audit evidence', [
    stats([['Envelope', el('code', { text: e.id })], ['Sequence', integer(e.sequence)], ['Hash', hash(e.hash, 'envelope hash')]], 'stats stats--wide'),
    problem,
    el('div', { class: 'actions' }, [open, el('span', { class: 'muted', text: e.file, title: e.file })]),
  ], 'evidence');
}
