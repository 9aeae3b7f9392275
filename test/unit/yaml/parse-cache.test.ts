/**
 * Parsing document by document with a cache must give exactly what a whole-file
 * parse gives: the same documents, spans, values, errors and, in the end, the
 * same findings — also after edits that reuse cached documents.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkManifest } from '../../../server/src/core/manifest/check-manifest';
import { DEFAULT_POLICY } from '../../../server/src/core/policy/default-policy';
import { parseYamlFile, splitDocuments, YamlParseCache, type YamlFile } from '../../../server/src/core/yaml/yaml-file';
import { mulberry32 } from '../../helpers/seeded-random.cjs';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'manifests');
const texts = readdirSync(FIXTURES).flatMap((dir) => readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(FIXTURES, dir, f), 'utf8')));

function shape(f: YamlFile) {
  return f.docs.filter((d) => !d.empty).map((d) => ({ span: d.span, root: d.root.span, errors: d.errors, templated: d.templated, value: d.root.value, name: d.root.at('metadata', 'name')?.keySpan }));
}

test('splitDocuments cuts at document markers only', () => {
  assert.deepEqual(splitDocuments('a: 1\n---\nb: |\n  ---x\n--- # c\nc: 3\n---\n').map((c) => c.text), ['a: 1\n', '---\nb: |\n  ---x\n', '--- # c\nc: 3\n', '---\n']);
});

test('a cached parse equals a whole parse on every manifest fixture', () => {
  assert.ok(texts.length >= 10, 'fixtures found');
  for (const text of texts) assert.deepEqual(shape(parseYamlFile(text, new YamlParseCache())), shape(parseYamlFile(text)));
});

test('after seeded edits, findings with a reused cache equal findings from scratch', () => {
  const rand = mulberry32(7);
  const cache = new YamlParseCache();
  let text = texts.join('\n---\n');
  for (let i = 0; i < 60; i++) {
    const lines = text.split('\n');
    const at = Math.floor(rand() * lines.length);
    const op = Math.floor(rand() * 3);
    if (op === 0) lines.splice(at, 1);
    else if (op === 1) lines.splice(at, 0, lines[Math.floor(rand() * lines.length)] ?? '');
    else lines[at] = `${lines[at] ?? ''}x`;
    text = lines.join('\n');
    const cached = checkManifest('f.yaml', text, { policy: DEFAULT_POLICY, parsed: parseYamlFile(text, cache) }).findings;
    const fresh = checkManifest('f.yaml', text, { policy: DEFAULT_POLICY }).findings;
    assert.deepEqual(cached, fresh, `edit ${i}`);
  }
});
