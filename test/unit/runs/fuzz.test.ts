/**
 * Seeded mutation fuzzing of every reader: whatever the bytes, a reader
 * returns a run or throws a DataError with a position inside the text —
 * never another exception (which the CLI would report as an internal error).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataError } from '../../../server/src/core/errors';
import { readRun, type RunFormat } from '../../../server/src/core/runs/read-run';
import { mulberry32 } from '../../helpers/seeded-random.cjs';
import { VECTORS } from '../../helpers/golden';

const TOKENS = ['{', '}', '[', ']', ',', ':', '"', '\\', 'null', 'true', 'NaN', '-Infinity', '1e999', '-0', '"score"', '"item_id"', '"items"', '\u0000', '\ud800', ' ', '\n', '0.5', '"epoch"', '-1', '"cluster_id"', '{}'];

function mutate(text: string, r: () => number): string {
  let t = text;
  const edits = 1 + Math.floor(r() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(r() * (t.length + 1));
    const op = r();
    if (op < 0.3) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 8));
    else if (op < 0.7) t = t.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)] + t.slice(at);
    else if (op < 0.9) t = t.slice(0, at) + t.slice(Math.floor(r() * t.length)); // splice two places together
    else t = t.slice(0, at); // truncation, as from a killed writer
  }
  return t;
}

const seeds: [RunFormat, string, string][] = [
  ['runframe', 'run.json', readFileSync(join(VECTORS, 'shared_cluster_bootstrap', 'baseline.json'), 'utf8').slice(0, 1500).replace(/,\s*\{[^{}]*$/, ']}')],
  ['lm_eval', 'samples.jsonl', '{"doc_id": 0, "acc": 1, "doc": {"s": "a"}}\n{"doc_id": 1, "acc": 0}\n{"idx": 2, "exact_match": 1.0}\n'],
  ['inspect', 'inspect.json', '{"eval": {"model": "m", "task": "t"}, "samples": [{"id": 1, "score": {"value": "C"}, "metadata": {"k": 1}}, {"id": 2, "score": 0.5}]}'],
  ['helm', 'helm.json', '{"adapter_spec": {"model": "m"}, "scenario": {"name": "s"}, "request_states": [{"instance": {"id": "a", "c": 1}, "result": {"success": true}}, {"instance": {"id": "b"}, "result": {"stats": {"accuracy": 0.5}}}]}'],
];

test('readers survive 4,000 seeded mutations with a run or a positioned DataError', () => {
  const r = mulberry32(42);
  let parsed = 0;
  let refused = 0;
  for (const [format, name, text] of seeds) {
    assert.doesNotThrow(() => readRun(text, name, { format, clusterKey: 'c' }), `seed input for ${format} is valid`);
    for (let i = 0; i < 1000; i++) {
      const input = mutate(text, r);
      try {
        readRun(input, name, { format, clusterKey: 'c' });
        parsed++;
      } catch (e) {
        if (!(e instanceof DataError)) assert.fail(`${format}: ${String(e)} for input ${JSON.stringify(input)}`);
        assert.equal(e.file, name);
        if (e.position) assert.ok(e.position.offset <= input.length && e.position.line >= 1 && e.position.column >= 1);
        refused++;
      }
    }
  }
  assert.ok(parsed > 100 && refused > 1000, `both outcomes exercised (parsed ${parsed}, refused ${refused})`);
});
