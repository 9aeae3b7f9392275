/**
 * The history view's toolbar: project picker (asks the host), text filters
 * with suggestion lists, a date range, and the count of runs shown.
 */
import { button, el } from './dom';
import { sorted, type Vocabulary } from './history-filter';
import type { HistoryFilters } from './messages';

type Key = keyof HistoryFilters;

export interface Controls {
  readonly toolbar: HTMLElement;
  readonly filters: HTMLElement;
  setProjects(projects: readonly string[], current: string): void;
  setVocabulary(v: Vocabulary): void;
  read(): HistoryFilters;
  write(f: HistoryFilters): void;
  setCount(shown: number, total: number): void;
  setStatus(text: string): void;
}

export interface ControlEvents {
  filter(): void;
  project(name: string): void;
  clear(): void;
}

function field(label: string, control: HTMLElement, extra?: HTMLElement): HTMLElement {
  return el('label', { class: 'field' }, [el('span', { class: 'field-label', text: label }), control, extra]);
}

function textFilter(key: Key, placeholder: string, on: ControlEvents): { input: HTMLInputElement; list: HTMLDataListElement } {
  const list = el('datalist', { attrs: { id: `filter-${key}-values` } });
  const input = el('input', { attrs: { id: `filter-${key}`, type: 'search', list: list.id, placeholder, autocomplete: 'off', spellcheck: 'false' }, title: 'Pick a value, or type part of one' });
  input.addEventListener('input', () => on.filter());
  return { input, list };
}

function dateFilter(key: Key, on: ControlEvents): HTMLInputElement {
  const input = el('input', { attrs: { id: `filter-${key}`, type: 'date' }, title: 'UTC day' });
  input.addEventListener('input', () => on.filter());
  return input;
}

export function controls(on: ControlEvents): Controls {
  const project = el('select', { attrs: { id: 'filter-project', 'aria-label': 'Project' } });
  project.addEventListener('change', () => on.project(project.value));
  const model = textFilter('model', 'All models', on);
  const task = textFilter('task', 'All tasks', on);
  const metric = textFilter('metric', 'All metrics', on);
  const inputs: Record<Key, HTMLInputElement> = { model: model.input, task: task.input, metric: metric.input, since: dateFilter('since', on), until: dateFilter('until', on) };
  const count = el('span', { attrs: { id: 'history-count' }, text: '0' });
  const total = el('span', { class: 'muted', text: ' runs' });
  const status = el('span', { class: 'status muted', attrs: { role: 'status', 'aria-live': 'polite' } });
  const toolbar = el('header', { class: 'toolbar' }, [
    el('h1', { text: 'Run history' }),
    field('Project', project),
    el('span', { class: 'spacer' }),
    status,
    el('span', { class: 'count' }, [count, total]),
  ]);
  const filters = el('div', { class: 'filters', attrs: { role: 'search' } }, [
    field('Model', model.input, model.list),
    field('Task', task.input, task.list),
    field('Metric', metric.input, metric.list),
    field('Since', inputs.since),
    field('Until', inputs.until),
    button('Clear', () => on.clear(), { class: 'secondary', attrs: { id: 'filter-clear' } }),
  ]);
  const fill = (list: HTMLDataListElement, values: ReadonlySet<string>) => list.replaceChildren(...sorted(values).map((v) => el('option', { attrs: { value: v } })));
  return {
    toolbar,
    filters,
    setProjects(projects, current) {
      const names = projects.includes(current) ? projects : [current, ...projects];
      project.replaceChildren(...names.map((n) => el('option', { text: n, attrs: { value: n } })));
      project.value = current;
    },
    setVocabulary(v) {
      fill(model.list, v.models);
      fill(task.list, v.tasks);
      fill(metric.list, v.metrics);
    },
    read: () => ({ model: inputs.model.value, task: inputs.task.value, metric: inputs.metric.value, since: inputs.since.value, until: inputs.until.value }),
    write(f) {
      for (const k of Object.keys(inputs) as Key[]) inputs[k].value = f[k];
    },
    setCount(shown, all) {
      count.textContent = String(shown);
      count.dataset.total = String(all);
      total.textContent = shown === all ? ` run${all === 1 ? '' : 's'}` : ` of ${all.toLocaleString('en-US')} runs`;
    },
    setStatus(text) {
      status.textContent = text;
    },
  };
}
