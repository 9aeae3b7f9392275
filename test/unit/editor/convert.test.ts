import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixToCodeAction, findingToDiagnostic, rangeToSpan, rangesOverlap, spanToRange } from '../../../server/src/lsp/convert';
import type { Finding } from '../../../server/src/core/findings';
import { LineIndex } from '../../../server/src/core/text/line-index';

const text = 'a: 1\r\nb: é😀x\nc: 3';
const lines = new LineIndex(text);

test('spans and ranges convert both ways in UTF-16 units, across CRLF', () => {
  const start = text.indexOf('😀');
  const range = spanToRange(lines, { start, end: start + 2 });
  assert.deepEqual(range, { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } });
  assert.deepEqual(rangeToSpan(lines, range), { start, end: start + 2 });
});

test('a finding becomes a diagnostic with code, source, docs link and related spans', () => {
  const f: Finding = { ruleId: 'TG-IMG-001', severity: 'warning', message: 'm', span: { start: 0, end: 1 }, related: [{ span: { start: 6, end: 7 }, message: 'here' }] };
  const d = findingToDiagnostic(f, lines, 'file:///a.yaml');
  assert.equal(d.code, 'TG-IMG-001');
  assert.equal(d.source, 'tollgate');
  assert.equal(d.severity, 2);
  assert.equal(d.codeDescription?.href, 'https://github.com/tollgate-dev/tollgate/blob/main/README.md#tg-img-001');
  assert.deepEqual(d.relatedInformation?.[0]?.location.range.start, { line: 1, character: 0 });
  assert.equal(findingToDiagnostic({ ...f, severity: 'info', related: [] }, lines, 'u').relatedInformation, undefined);
});

test('a fix becomes a quickfix code action with its diagnostic attached', () => {
  const f: Finding = { ruleId: 'TG-X', severity: 'error', message: 'm', span: { start: 3, end: 4 } };
  const d = findingToDiagnostic(f, lines, 'u');
  const a = fixToCodeAction({ title: 'Set 2', edits: [{ span: { start: 3, end: 4 }, newText: '2' }], preferred: true }, d, lines, 'u');
  assert.deepEqual(a, { title: 'Set 2', kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: { changes: { u: [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: '2' }] } } });
});

test('ranges overlap when they share a position', () => {
  const r = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });
  assert.ok(rangesOverlap(r(0, 0, 0, 5), r(0, 5, 0, 5)));
  assert.ok(!rangesOverlap(r(0, 0, 0, 5), r(0, 6, 1, 0)));
  assert.ok(rangesOverlap(r(0, 0, 2, 0), r(1, 3, 1, 4)));
});
