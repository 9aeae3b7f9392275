import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComparisonResult } from '../../../server/src/core/gate/compare';
import { decide } from '../../../server/src/core/gate/gate';
import { PyInt, pyJsonDumps, pyJsonString } from '../../../server/src/core/report/python-json';
import { toJson } from '../../../server/src/core/report/to-json';
import { comparisonToMarkdown, formatCi, gateToText } from '../../../server/src/core/report/to-text';

const c: ComparisonResult = { delta: 0.05, ci: [0.01, Infinity], ciLevel: 0.95, pValue: 1e-5, significant: true, nPairs: 300, nClusters: 30, method: 'cluster_bootstrap', mde: 0.02, notes: ["cluster='é' requested"] };

test('JSON follows Python json.dumps: ensure_ascii, float repr, ints, strict infinities', () => {
  assert.equal(pyJsonString('é"\\\n\u0001😀'), '"\\u00e9\\"\\\\\\n\\u0001\\ud83d\\ude00"');
  assert.equal(pyJsonDumps({ a: 1, b: new PyInt(2), c: [], d: {}, e: [Infinity, -Infinity, NaN] }), '{\n  "a": 1.0,\n  "b": 2,\n  "c": [],\n  "d": {},\n  "e": [\n    "Infinity",\n    "-Infinity",\n    null\n  ]\n}');
  assert.equal(pyJsonDumps([Infinity, NaN], 'evalsig'), '[\n  Infinity,\n  NaN\n]');
  const parsed = JSON.parse(toJson(c)) as Record<string, unknown>;
  assert.deepEqual(parsed['ci'], [0.01, 'Infinity']);
  assert.equal(parsed['p_value'], 1e-5);
  assert.match(toJson(c), /"p_value": 1e-05,/);
  assert.match(toJson(c), /"notes": \[\n {4}"cluster='\\u00e9' requested"\n {2}\]/);
});

test('terminal colour wraps only the verdict, and only when asked', () => {
  const g = decide(c, 0.01, 0.05, 0.8);
  const esc = '\u001b';
  assert.ok(gateToText(g, true).endsWith(`\nVERDICT: ${esc}[92mALLOW${esc}[0m`));
  assert.ok(!gateToText(g, false).includes(esc));
});

test('comparison markdown shows n_clusters only when there are clusters', () => {
  assert.match(comparisonToMarkdown(c), /\| n_clusters \| 30 \|/);
  assert.doesNotMatch(comparisonToMarkdown({ ...c, nClusters: null }), /n_clusters/);
  assert.match(comparisonToMarkdown(c), /\*\*Notes:\*\*\n- cluster='é' requested$/);
});

test('CI formatting spells out infinities and signs', () => {
  assert.equal(formatCi([-0.03125, Infinity]), '[-0.0312, +inf]');
  assert.equal(formatCi([-Infinity, 0]), '[-inf, +0.0000]');
});
