/**
 * The outline: one symbol per YAML document (`Rollout web`), with children
 * where a reader navigates: canary steps, containers, policy tiers /
 * environments / tests, EvalGate runs.
 */
import type { Span } from '../findings';
import type { Cursor } from '../yaml/cursor';
import { parseYamlFile, type YamlFile } from '../yaml/yaml-file';

export type SymbolRole = 'resource' | 'step' | 'container' | 'entry';

export interface EditorSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly role: SymbolRole;
  /** The whole construct. */
  readonly span: Span;
  /** What to highlight when selected (the kind or the key). */
  readonly selectionSpan: Span;
  readonly children: readonly EditorSymbol[];
}

/** Outline of a YAML text (or of its parse, when the caller has one); empty for text with no documents. */
export function documentSymbols(source: string | YamlFile): EditorSymbol[] {
  const file = typeof source === 'string' ? parseYamlFile(source) : source;
  return file.docs.filter((d) => !d.empty).map((d) => {
    const root = d.root;
    const kind = root.get('kind')?.str() ?? `document ${d.index + 1}`;
    const name = root.at('metadata', 'name')?.text();
    const head = root.get('kind') ?? root;
    return {
      name: name === undefined ? kind : `${kind} ${name}`,
      ...(root.get('apiVersion')?.str() ? { detail: root.get('apiVersion')?.str() } : {}),
      role: 'resource',
      span: d.span,
      selectionSpan: clamp(head.entrySpan, d.span),
      children: childrenOf(kind, root),
    };
  });
}

function childrenOf(kind: string, root: Cursor): EditorSymbol[] {
  switch (kind) {
    case 'Rollout':
      return [...steps(root), ...containers(root.at('spec', 'template', 'spec'))];
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return containers(root.at('spec', 'template', 'spec'));
    case 'ReleasePolicy':
      return [
        ...list(root.at('spec', 'tiers'), (c) => `tier ${c.get('id')?.text() ?? '?'}${c.get('name')?.text() ? ` ${c.get('name')?.text()}` : ''}`),
        ...list(root.at('spec', 'environments'), (c) => `environment ${c.get('name')?.text() ?? '?'}`),
        ...list(root.at('spec', 'rules'), (c) => `rule ${c.get('rule')?.text() ?? '…'} → ${c.get('severity')?.text() ?? '?'}`),
        ...list(root.at('spec', 'tests'), (c) => `test ${c.get('name')?.text() ?? '?'}`),
      ];
    case 'EvalGate':
      return ['baseline', 'candidate'].flatMap((k) => {
        const c = root.at('spec', k);
        return c ? [leaf(`${k} ${c.text() ?? ''}`.trim(), 'entry', c)] : [];
      });
    default:
      return [];
  }
}

function steps(root: Cursor): EditorSymbol[] {
  return (root.at('spec', 'strategy', 'canary', 'steps')?.items() ?? []).map((s, i) => {
    const [action, value] = s.entries()[0] ?? ['?', undefined];
    const shown = value?.text() ?? (action === 'pause' ? (value?.get('duration')?.text() ?? 'indefinite') : '');
    return leaf(`step ${i + 1}: ${action}${shown ? ` ${shown}` : ''}`, 'step', s);
  });
}

function containers(podSpec: Cursor | undefined): EditorSymbol[] {
  return (podSpec?.get('containers')?.items() ?? []).map((c) => ({
    ...leaf(`container ${c.get('name')?.text() ?? '?'}`, 'container', c),
    ...(c.get('image')?.text() ? { detail: c.get('image')?.text() } : {}),
  }));
}

function list(seq: Cursor | undefined, name: (c: Cursor) => string): EditorSymbol[] {
  return (seq?.items() ?? []).map((c) => leaf(name(c), 'entry', c));
}

function leaf(name: string, role: SymbolRole, c: Cursor): EditorSymbol {
  return { name, role, span: c.entrySpan, selectionSpan: c.entrySpan, children: [] };
}

/** LSP requires the selection inside the full range. */
function clamp(s: Span, outer: Span): Span {
  const start = Math.min(Math.max(s.start, outer.start), outer.end);
  return { start, end: Math.min(Math.max(s.end, start), outer.end) };
}
