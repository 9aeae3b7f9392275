import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TextEdit } from '../../../server/src/core/findings';
import { insertAfterEntry, insertMapEntry, removeEntry } from '../../../server/src/core/yaml/edits';
import { parseYamlFile } from '../../../server/src/core/yaml/yaml-file';

const apply = (text: string, e: TextEdit | undefined) => (e ? text.slice(0, e.span.start) + e.newText + text.slice(e.span.end) : text);
const root = (text: string) => parseYamlFile(text).docs[0].root;

test('insertAfterEntry keeps the entry indentation and nests maps', () => {
  const text = 'metadata:\n  name: web\n  labels: {a: b}\nspec: {}\n';
  const name = root(text).at('metadata', 'name')!;
  const out = apply(text, insertAfterEntry(text, name, 'annotations', { 'change.ticket/id': 'CHG-0000' }));
  assert.equal(out, 'metadata:\n  name: web\n  annotations:\n    change.ticket/id: "CHG-0000"\n  labels: {a: b}\nspec: {}\n');
  assert.deepEqual(root(out).at('metadata', 'annotations')!.value, { 'change.ticket/id': 'CHG-0000' });
});

test('insertMapEntry in block maps, sequence-item maps and flow maps', () => {
  const block = 'spec:\n  replicas: 2\n';
  assert.equal(apply(block, insertMapEntry(block, root(block).get('spec')!, 'paused', true)), 'spec:\n  paused: true\n  replicas: 2\n');
  const item = 'steps:\n  - setWeight: 5\n';
  const step = root(item).at('steps', 0)!;
  assert.equal(apply(item, insertMapEntry(item, step, 'x', 1)), 'steps:\n  - x: 1\n    setWeight: 5\n');
  const flow = 'a: {b: 1}\n';
  assert.equal(apply(flow, insertMapEntry(flow, root(flow).get('a')!, 'c', 'd')), 'a: {c: "d", b: 1}\n');
  assert.equal(insertMapEntry(flow, root(flow).at('a', 'b')!, 'c', 1), undefined, 'not a map: no edit');
});

test('removeEntry deletes the whole entry, including multi-line values', () => {
  const text = 'a: 1\nb:\n  c: 2\n  d: 3\ne: 4\n';
  assert.equal(apply(text, removeEntry(text, root(text).get('b')!)), 'a: 1\ne: 4\n');
  assert.equal(apply(text, removeEntry(text, root(text).get('a')!)), 'b:\n  c: 2\n  d: 3\ne: 4\n');
});
