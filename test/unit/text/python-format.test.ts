import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pyFixed, pyFloatRepr, pyGrouped, pyPercent, pyStrRepr } from '../../../server/src/core/text/python-format';

test('repr(float) uses the shortest digits and Python exponent thresholds', () => {
  const cases: [number, string][] = [
    [0, '0.0'], [-0, '-0.0'], [1, '1.0'], [0.1, '0.1'], [0.0001, '0.0001'], [1e-5, '1e-05'],
    [2.182760545631881e-5, '2.182760545631881e-05'], [4.76837158203125e-7, '4.76837158203125e-07'],
    [1e16, '1e+16'], [1234567890123456, '1234567890123456.0'], [1.5e300, '1.5e+300'], [123.456, '123.456'],
    [0.000999000999000999, '0.000999000999000999'], [-0.006640000000000002, '-0.006640000000000002'],
    [Infinity, 'inf'], [-Infinity, '-inf'], [NaN, 'nan'], [5e-324, '5e-324'],
  ];
  for (const [x, want] of cases) assert.equal(pyFloatRepr(x), want, `repr(${x})`);
});

test('fixed-point formatting rounds exact ties half to even like CPython', () => {
  assert.equal(pyFixed(0.03125, 4), '0.0312'); // JS toFixed gives 0.0313
  assert.equal(pyFixed(0.03135, 4), (0.03135).toFixed(4)); // not an exact tie in binary
  assert.equal(pyFixed(2.5, 0), '2');
  assert.equal(pyFixed(3.5, 0), '4');
  assert.equal(pyFixed(0.125, 2), '0.12');
  assert.equal(pyFixed(0.375, 2), '0.38');
  assert.equal(pyFixed(-0.0, 4, true), '-0.0000');
  assert.equal(pyFixed(0, 4, true), '+0.0000');
  assert.equal(pyFixed(-0.00001, 4), '-0.0000');
  assert.equal(pyFixed(0.0436, 4, true), '+0.0436');
  assert.equal(pyFixed(Infinity, 4), 'inf');
  assert.equal(pyFixed(-Infinity, 4, true), '-inf');
  assert.equal(pyFixed(1e22, 2), '10000000000000000000000.00');
});

test('percent and thousands separators', () => {
  assert.equal(pyPercent(0.95, 0), '95%');
  assert.equal(pyPercent(0.8, 0), '80%');
  assert.equal(pyPercent(90 / 110, 1), '81.8%');
  assert.equal(pyPercent(0.005, 0), '0%'); // 0.5 → banker's rounding
  assert.equal(pyPercent(0.015, 0), '2%');
  assert.equal(pyGrouped(9899), '9,899');
  assert.equal(pyGrouped(1234567), '1,234,567');
  assert.equal(pyGrouped(-1000), '-1,000');
  assert.equal(pyGrouped(999), '999');
});

test('repr(str) picks quotes and escapes as CPython', () => {
  assert.equal(pyStrRepr('abc'), "'abc'");
  assert.equal(pyStrRepr("it's"), '"it\'s"');
  assert.equal(pyStrRepr('a\nb\\'), "'a\\nb\\\\'");
  assert.equal(pyStrRepr('\u0001'), "'\\x01'");
});
