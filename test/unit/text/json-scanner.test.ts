import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataError } from '../../../server/src/core/errors';
import { parseJson } from '../../../server/src/core/text/json-scanner';
import type { JsonNumber, JsonObject} from '../../../server/src/core/text/json-value';
import { pyStr, pyTypeName } from '../../../server/src/core/text/json-value';

function fails(text: string, message: RegExp, line: number, column: number): void {
  assert.throws(() => parseJson(text), (e: unknown) => {
    assert.ok(e instanceof DataError);
    assert.match(e.message, message);
    assert.equal(e.position?.line, line, 'line');
    assert.equal(e.position?.column, column, 'column');
    return true;
  });
}

test('numbers keep int/float identity and Python str()', () => {
  const v = parseJson('[5, 5.0, -0, 1e2, 12345678901234567890, 0.1]') as JsonNumber[];
  assert.deepEqual(v.map((n) => pyStr(n)), ['5', '5.0', '0', '100.0', '12345678901234567890', '0.1']);
  assert.deepEqual(v.map((n) => pyTypeName(n)), ['int', 'float', 'int', 'float', 'int', 'float']);
});

test('Python literals NaN and Infinity are accepted', () => {
  const v = parseJson('[NaN, Infinity, -Infinity]') as JsonNumber[];
  assert.ok(Number.isNaN(v[0].value));
  assert.equal(v[1].value, Infinity);
  assert.equal(v[2].value, -Infinity);
});

test('objects keep first position and last value for repeated keys, like a Python dict', () => {
  const o = parseJson('{"b": 1, "a": 2, "b": 3}') as JsonObject;
  assert.deepEqual([...o.keys()], ['b', 'a']);
  assert.equal((o.get('b') as JsonNumber).value, 3);
  assert.equal(pyStr(o), "{'b': 3, 'a': 2}");
});

test('strings decode escapes, including surrogate pairs', () => {
  assert.equal(parseJson('"a\\n\\u00e9\\ud83d\\ude00\\/"'), 'a\né😀/');
});

test('syntax errors name line and column', () => {
  fails('{\n  "a": 1\n  "b": 2\n}', /expecting ',' delimiter/, 3, 3);
  fails('[1, 2', /expecting ',' delimiter/, 1, 6);
  fails('', /expecting value/, 1, 1);
  fails('{"a": tru}', /expecting value/, 1, 7);
  fails('"abc', /unterminated string/, 1, 1);
  fails('"a\tb"', /invalid control character/, 1, 3);
  fails('{"a": 1} x', /extra data/, 1, 10);
  fails('{a: 1}', /property name/, 1, 2);
  fails('"\\x"', /invalid \\escape/, 1, 2);
});

test('a byte-order mark is skipped', () => {
  assert.deepEqual(parseJson('\ufeff[]'), []);
});
