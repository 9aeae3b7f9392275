import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoUtc, parseInstant } from '../../../server/src/core/store';

const micros = (iso: string): number => Date.parse(iso) * 1000;

test('isoUtc is Python isoformat of an aware UTC datetime', () => {
  assert.equal(isoUtc(new Date('2026-05-17T10:11:12.123Z')), '2026-05-17T10:11:12.123000+00:00');
  assert.equal(isoUtc(new Date('2026-05-17T10:11:12Z')), '2026-05-17T10:11:12+00:00');
});

test('a bound covers the span its precision names', () => {
  const day = parseInstant('2026-06-30');
  assert.deepEqual(day, { start: micros('2026-06-30T00:00:00Z'), end: micros('2026-07-01T00:00:00Z') });
  assert.equal(parseInstant('2026-06')?.end, micros('2026-07-01T00:00:00Z'));
  assert.equal(parseInstant('2026')?.end, micros('2027-01-01T00:00:00Z'));
  assert.equal(parseInstant('2026-06-30T12:30')?.end, micros('2026-06-30T12:31:00Z'));
  assert.equal(parseInstant('2026-06-30T12:30:05')?.end, micros('2026-06-30T12:30:06Z'));
  assert.deepEqual(parseInstant('2026-06-30T12:30:05.123456+00:00'), { start: micros('2026-06-30T12:30:05.123Z') + 456, end: micros('2026-06-30T12:30:05.123Z') + 457 });
});

test('offsets are applied; no offset means UTC', () => {
  assert.equal(parseInstant('2026-06-30T02:00:00+02:00')?.start, micros('2026-06-30T00:00:00Z'));
  assert.equal(parseInstant('2026-06-30T00:00:00-0130')?.start, micros('2026-06-30T01:30:00Z'));
  assert.equal(parseInstant('2026-06-30 00:00:00Z')?.start, micros('2026-06-30T00:00:00Z'));
});

test('impossible dates are not instants', () => {
  for (const bad of ['2026-13-01', '2026-02-30', '2026-06-30T24:00', 'yesterday', '', '2026-6-1']) assert.equal(parseInstant(bad), undefined, bad);
});
