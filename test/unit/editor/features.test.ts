import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionsAt } from '../../../server/src/core/editor/completion';
import { hoverAt } from '../../../server/src/core/editor/hover';
import { rolloutLenses } from '../../../server/src/core/editor/rollout-summary';
import { allRules, findRule, ruleDocsUrl, ruleMarkdown } from '../../../server/src/core/editor/rule-docs';
import { documentSymbols } from '../../../server/src/core/editor/symbols';
import type { Finding } from '../../../server/src/core/findings';
import { manifestDocs } from '../../../server/src/core/manifest/check-manifest';
import { WorkspaceIndex } from '../../../server/src/core/manifest/workspace-index';
import { DEFAULT_POLICY } from '../../../server/src/core/policy/default-policy';

const ROLLOUT = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
  namespace: prod
  labels:
    tollgate.dev/tier: "2"
spec:
  strategy:
    canary:
      maxSurge: 1
      steps:
      - setWeight: 5
      - pause: {duration: 10m}
      - setWeight: 25
      - pause: {}
      - analysis:
          templates:
          - templateName: success-rate
      - setWeight: 50
      analysis:
        templates:
        - templateName: errors
`;
const TEMPLATE = 'apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: success-rate\n';
const env = { policy: DEFAULT_POLICY, workspace: new WorkspaceIndex(manifestDocs('t.yaml', TEMPLATE)) };
const off = (text: string, needle: string, delta = 0) => text.indexOf(needle) + delta;

test('rule docs: every rule has a link, hover markdown names it', () => {
  assert.ok(allRules().length > 5);
  assert.equal(ruleDocsUrl('TG-IMG-001'), 'https://github.com/tollgate-dev/tollgate/blob/main/README.md#tg-img-001');
  const doc = findRule('TG-DOC-001');
  assert.ok(doc);
  const md = ruleMarkdown(doc);
  assert.ok(md.startsWith(`**TG-DOC-001** — ${doc.title}\n\n${doc.description}`), md);
  assert.match(md, /tier 2 error[\s\S]*\[Documentation\]\(https:\/\/github\.com\/tollgate-dev\/tollgate\/blob\/main\/README\.md#tg-doc-001\)$/);
});

test('hover: field docs with defaults, rule ids in comments, tier values', () => {
  const field = hoverAt(ROLLOUT, off(ROLLOUT, 'maxSurge', 3), env);
  assert.match(field?.markdown ?? '', /^\*\*spec\.strategy\.canary\.maxSurge\*\*[\s\S]*Default: `"25%"`/);
  assert.deepEqual(field?.span, { start: off(ROLLOUT, 'maxSurge'), end: off(ROLLOUT, 'maxSurge', 8) });
  const step = hoverAt(ROLLOUT, off(ROLLOUT, 'setWeight', 1), env);
  assert.match(step?.markdown ?? '', /steps\[\]\.setWeight/);
  const text = `# tollgate-disable-next-line TG-DOC-001 -- why\n${ROLLOUT}`;
  assert.match(hoverAt(text, off(text, 'TG-DOC'), env)?.markdown ?? '', /TG-DOC-001/);
  assert.match(hoverAt(ROLLOUT, off(ROLLOUT, '"2"', 1), env)?.markdown ?? '', /Tier 2 — regulated/);
  assert.equal(hoverAt(ROLLOUT, off(ROLLOUT, 'name: web', 7), env), undefined);
});

test('completion: step kinds, template names, tiers, rule ids in suppressions, enum values', () => {
  const labels = (text: string, offset: number) => completionsAt(text, offset, env).map((c) => c.label);
  const steps = ROLLOUT.replace('      - setWeight: 50\n', '      - setWeight: 50\n      - ');
  const cursor = off(steps, 'setWeight: 50\n      - ', 'setWeight: 50\n      - '.length);
  assert.ok(['setWeight', 'pause', 'analysis', 'experiment'].every((k) => labels(steps, cursor).includes(k)), labels(steps, cursor).join());
  assert.deepEqual(labels(ROLLOUT, off(ROLLOUT, 'success-rate')), ['success-rate']);
  assert.deepEqual(labels(ROLLOUT, off(ROLLOUT, '"2"')), ['0', '1', '2']);
  const sup = '# tollgate-disable-next-line TG-';
  assert.ok(labels(sup, sup.length).includes('TG-DOC-001'));
  const bg = 'kind: Rollout\nspec:\n  strategy:\n    blueGreen:\n      autoPromotionEnabled: ';
  assert.deepEqual(labels(bg, bg.length), ['true', 'false']);
  const top = 'kind: ReleasePolicy\nspec:\n  ';
  assert.ok(labels(top, top.length).includes('tiers'));
  const item = completionsAt(steps, cursor, env).find((c) => c.label === 'pause');
  assert.equal(item?.insertText, 'pause:');
});

test('symbols: one per document with steps and containers', () => {
  const s = documentSymbols(`${ROLLOUT}---\n${TEMPLATE}`);
  assert.deepEqual(s.map((x) => x.name), ['Rollout web', 'AnalysisTemplate success-rate']);
  assert.deepEqual(s[0]?.children.map((c) => c.name), ['step 1: setWeight 5', 'step 2: pause 10m', 'step 3: setWeight 25', 'step 4: pause indefinite', 'step 5: analysis', 'step 6: setWeight 50']);
  assert.deepEqual(documentSymbols(''), []);
});

test('rollout lens: weights, pauses, analyses, tier and findings of that document', () => {
  const finding: Finding = { ruleId: 'TG-X', severity: 'error', message: 'x', span: { start: 10, end: 12 } };
  const lenses = rolloutLenses('r.yaml', ROLLOUT, [finding, { ...finding, span: { start: ROLLOUT.length + 5, end: ROLLOUT.length + 6 } }], DEFAULT_POLICY);
  assert.deepEqual(lenses.map((l) => l.title), ['canary 5→25→50→100 · 2 pauses (1 manual) · 2 analyses · tier 2 (prod) → 1 finding']);
  const bg = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    blueGreen:\n      autoPromotionEnabled: false\n';
  assert.match(rolloutLenses('b.yaml', bg, [], DEFAULT_POLICY)[0]?.title ?? '', /^blueGreen · manual promotion · 0 analyses · tier 1 \(prod\) → no findings$/);
});
