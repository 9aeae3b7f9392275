/** RFC 8785 (JCS) test vectors: §3.2.2 (values), §3.2.3 (key order), Appendix B (numbers). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { canonicalJson, CanonicalJsonError } from '../../../server/src/core/evidence/canonical-json';

test('RFC 8785 §3.2.2: literals, numbers and string escapes', () => {
  const input = JSON.parse(String.raw`{
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  }`) as unknown;
  const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
  assert.equal(canonicalJson(input), expected);
});

test('RFC 8785 §3.2.3: keys sorted by UTF-16 code units, and the UTF-8 bytes of the result', () => {
  const input = JSON.parse(String.raw`{
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  }`) as unknown;
  const out = canonicalJson(input);
  // (Not via Object.keys: JavaScript lists integer-like keys such as "1" first.)
  const expected = '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}';
  assert.equal(out, expected);
  const utf8 = Buffer.from(out, 'utf8').toString('hex');
  // RFC 8785 §3.2.4, first line of the hex dump: {"\r":"Carriage Return","1":"One",
  assert.ok(utf8.startsWith('7b225c72223a2243617272696167652052657475726e222c2231223a224f6e65222c'), utf8);
  assert.ok(out.includes('"\u0080":"Control"'), 'U+0080 is written as itself, not escaped');
});

test('RFC 8785 Appendix B: IEEE 754 doubles to ECMAScript text', () => {
  const vectors: [string, string][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  for (const [hex, text] of vectors) {
    const x = Buffer.from(hex, 'hex').readDoubleBE(0);
    assert.equal(canonicalJson(x), text, hex);
  }
});

test('NaN, ±Infinity and lone surrogates have no canonical form', () => {
  for (const bad of [NaN, Infinity, -Infinity, '\ud800', 'x\udc00y', { k: [1, NaN] }]) {
    assert.throws(() => canonicalJson(bad), CanonicalJsonError);
  }
  assert.throws(() => canonicalJson({ d: new Date(0) }), /has no JSON form/);
});

test('layout never changes the hash; undefined members are left out', () => {
  const a = canonicalJson(JSON.parse('{ "b" : [ 1 , 2.0 ], "a" : { "y": null, "x": "é" } }') as unknown);
  const b = canonicalJson({ a: { x: 'é', y: null, z: undefined }, b: [1, 2] });
  assert.equal(a, b);
  assert.equal(a, '{"a":{"x":"é","y":null},"b":[1,2]}');
  assert.equal(createHash('sha256').update(a).digest('hex').length, 64);
});
