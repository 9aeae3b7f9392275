import { isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import type { Cursor, PathSegment } from '../../../yaml/cursor';
import type { ManifestRule } from '../rule';

/** The inside of an Argo placeholder: `args.name`, `templates.x.y`, `metric.name` … */
const PLACEHOLDER_PATH = /^\s*[A-Za-z_][\w-]*(\.[\w-]+)+\s*$/;

/**
 * TG-ANL-006. `value: {{args.x}}` is valid YAML, but not what the author
 * meant: `{{…}}` is a flow map whose key is another flow map, so Argo gets a
 * map instead of the string `{{args.x}}` (and strict parsers reject the
 * document outright). Quoting the placeholder keeps it a string.
 */
export const unquotedPlaceholderRule: ManifestRule = {
  id: 'TG-ANL-006',
  title: 'Argo placeholders are quoted',
  description:
    'Fires on a value written as an unquoted Argo placeholder (`{{args.name}}`) in an AnalysisTemplate or ClusterAnalysisTemplate: YAML reads it as a nested flow map, not as text.',
  example: 'args:\n- name: service\nmetrics:\n- name: m\n  provider:\n    web:\n      url: {{args.url}}',
  fix: 'Quote the placeholder: `"{{args.url}}"`.',
  kinds: ['AnalysisTemplate', 'ClusterAnalysisTemplate'],
  levels: ['error', 'error', 'error'],
  check(ctx) {
    walk(ctx.doc.root, ctx.doc.root.node, [], null, (c) => {
      const source = ctx.doc.text.slice(c.span.start, c.span.end);
      ctx.report({
        at: c,
        message: `${c.pathText} is the unquoted placeholder ${source}, which YAML reads as a map: quote the placeholder`,
        fixes: [{ title: `Quote as "${source.replace(/"/g, '\\"')}"`, edits: [{ span: c.span, newText: JSON.stringify(source) }], preferred: true }],
      });
    });
  },
};

/**
 * Visit every value on the raw YAML nodes (no cursor per node: templates can be
 * long) and build a Cursor only for `{{a.b}}`-shaped flow maps, not descending into them.
 */
function walk(root: Cursor, node: Node | null, path: PathSegment[], key: Node | null, found: (c: Cursor) => void): void {
  if (placeholderOf(node) !== undefined) {
    found(root.derive(node, [...path], key));
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      path.push(k);
      walk(root, isNode(pair.value) ? pair.value : null, path, isNode(pair.key) ? pair.key : null, found);
      path.pop();
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      path.push(i);
      walk(root, isNode(item) ? item : null, path, null, found);
      path.pop();
    });
  }
}

/** `{{args.x}}` parses as {{ {args.x: null}: null }}: a one-pair flow map whose key is a one-pair flow map. */
function placeholderOf(node: Node | null): string | undefined {
  if (!isMap(node) || !node.flow || node.items.length !== 1) return undefined;
  const outer = node.items[0];
  if (!outer || (outer.value !== null && !(isScalar(outer.value) && outer.value.value === null))) return undefined;
  const key = outer.key;
  if (!isMap(key) || !key.flow || key.items.length !== 1) return undefined;
  const pair = key.items[0];
  const k = pair?.key;
  if (!pair || !isScalar(k) || typeof k.value !== 'string' || (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null))) return undefined;
  return PLACEHOLDER_PATH.test(k.value) ? k.value.trim() : undefined;
}
