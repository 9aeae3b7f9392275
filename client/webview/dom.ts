/**
 * The only way the views build DOM: elements with text set through
 * `textContent` and attributes through a guard, so data can never become
 * markup, an event handler or an inline style (which the CSP would block).
 */
export type Child = Node | string | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly text?: string;
  readonly title?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

function setAttrs(e: Element, attrs: Readonly<Record<string, string>>): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (/^on/i.test(k) || k.toLowerCase() === 'style') throw new Error(`refusing attribute ${k}`);
    e.setAttribute(k, v);
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: readonly Child[] = []): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.class) e.className = props.class;
  if (props.text !== undefined) e.textContent = props.text;
  if (props.title !== undefined) e.title = props.title;
  if (props.attrs) setAttrs(e, props.attrs);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

export function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} is missing`);
  return e as T;
}

/** A plain data table: header cells and rows of cells (strings become text nodes). */
export function table(id: string, caption: string, head: readonly string[], rows: readonly (readonly Child[])[]): HTMLTableElement {
  const thead = el('thead', {}, [el('tr', {}, head.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))]);
  const tbody = el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, [c])))));
  return el('table', { class: 'data-table', attrs: { id } }, [el('caption', { class: 'visually-hidden', text: caption }), thead, tbody]);
}

export function button(label: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  const b = el('button', { ...props, text: label, attrs: { type: 'button', ...props.attrs } });
  b.addEventListener('click', onClick);
  return b;
}

export function section(title: string, children: readonly Child[], cls = ''): HTMLElement {
  return el('section', { class: `card ${cls}`.trim() }, [el('h2', { text: title }), ...children]);
}

/** label, value, optional tooltip, optional `wide` (spans the whole row of the grid). */
export type Stat = readonly [string, Child, string?, 'wide'?];

/** A `<dl>` of label/value pairs laid out as a grid of stats. */
export function stats(pairs: readonly Stat[], cls = 'stats'): HTMLDListElement {
  return el('dl', { class: cls }, pairs.map(([k, v, hint, wide]) => el('div', { class: wide ? 'stat stat--wide' : 'stat' }, [el('dt', { text: k, title: hint }), el('dd', {}, [v])])));
}
