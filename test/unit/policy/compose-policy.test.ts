import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composePolicy } from '../../../server/src/core/policy/compose-policy';
import { DEFAULT_POLICY } from '../../../server/src/core/policy/default-policy';
import { ruleLevel, resolveScope } from '../../../server/src/core/policy/resolve';
import { ManifestDoc } from '../../../server/src/core/manifest/manifest-doc';
import { parseYamlFile } from '../../../server/src/core/yaml/yaml-file';

const head = 'apiVersion: tollgate.dev/v1\nkind: ReleasePolicy\nmetadata:\n  name: payments\n';

function findings(text: string, path = 'policy.yaml') {
  return composePolicy([{ path, text }]).findings.get(path) ?? [];
}

test('a valid policy has no findings and composes onto the default', () => {
  const text = `${head}spec:\n  defaultTier: 2\n  settings:\n    changeTicket: {pattern: "^PAY-[0-9]+$"}\n  tiers:\n    - id: 2\n      settings: {canary: {maxFirstWeight: 2}}\n`;
  const { policy, findings: f } = composePolicy([{ path: 'p.yaml', text }]);
  assert.deepEqual(f.get('p.yaml'), []);
  assert.equal(policy.name, 'payments');
  assert.equal(policy.defaultTier, 2);
  assert.equal(policy.settings.changeTicket.pattern, '^PAY-[0-9]+$');
  assert.equal(policy.settings.changeTicket.annotation, 'change.ticket/id', 'unset fields keep their defaults');
  const t2 = policy.tiers.find((t) => t.id === 2);
  assert.equal(t2?.settings?.canary?.maxFirstWeight, 2);
  assert.equal(t2?.settings?.images?.pinning, 'digest', 'tier settings merge with the default tier');
  assert.deepEqual(policy.sources, ['p.yaml']);
});

test('schema problems: unknown key with a rename fix, wrong type, out of range', () => {
  const text = `${head}spec:\n  defaultTeir: 2\n  settings:\n    canary: {maxFirstWeight: 120}\n  tiers: 3\n`;
  const f = findings(text);
  const messages = f.map((x) => x.message);
  assert.ok(messages.some((m) => /unknown key 'defaultTeir' \(did you mean 'defaultTier'\?\)/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /maxFirstWeight: 120 is out of range \(must be <= 100\)/.test(m)));
  assert.ok(messages.some((m) => /spec\.tiers: expected a list/.test(m)));
  const typo = f.find((x) => x.message.includes('defaultTeir'));
  assert.equal(text.slice(typo!.span.start, typo!.span.end), 'defaultTeir');
  assert.equal(typo?.fixes?.[0]?.edits[0]?.newText, 'defaultTier');
  assert.ok(f.every((x) => x.ruleId === 'TG-POL-001'));
});

test('unknown rule ids, invalid regexes, undefined tiers/environments and duplicates', () => {
  const text = `${head}spec:\n  settings:\n    changeTicket: {pattern: "^CHG-[0-9+$"}\n  tiers:\n    - {id: 1}\n    - {id: 1}\n  rules:\n    - {rule: TG-ARGO-A99, severity: off}\n    - {rule: "TG-ARGO-*", severity: warning, tiers: [7], environments: [prdo]}\n`;
  const f = findings(text);
  const byRule = (id: string) => f.filter((x) => x.ruleId === id).map((x) => text.slice(x.span.start, x.span.end));
  assert.deepEqual(byRule('TG-POL-002'), ['TG-ARGO-A99']);
  assert.deepEqual(byRule('TG-POL-003'), ['"^CHG-[0-9+$"']);
  assert.deepEqual(byRule('TG-POL-004'), ['7', 'prdo']);
  assert.deepEqual(byRule('TG-POL-005'), ['1']);
  const env = f.find((x) => x.message.includes("'prdo'"));
  assert.equal(env?.fixes?.[0]?.edits[0]?.newText, 'prod');
});

test('several files compose in path order; the first environment list replaces the default one', () => {
  const a = `${head}spec:\n  environments:\n    - {name: live, production: true, namespaces: ["pay-*"]}\n  rules:\n    - {rule: "TG-ARGO-*", severity: warning}\n`;
  const b = `${head.replace('payments', 'extra')}spec:\n  environments:\n    - {name: lab, namespaces: [lab]}\n  rules:\n    - {rule: TG-ARGO-A9, severity: off, environments: [lab]}\n`;
  const { policy, findings: f } = composePolicy([{ path: 'b.yaml', text: b }, { path: 'a.yaml', text: a }]);
  assert.deepEqual([...f.values()].flat(), []);
  assert.deepEqual(policy.environments.map((e) => e.name), ['live', 'lab']);
  assert.equal(policy.name, 'payments+extra');
  const rollout = (ns: string) => new ManifestDoc(parseYamlFile(`apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: w, namespace: ${ns}}\n`).docs[0], 'x', '');
  const rule = { id: 'TG-ARGO-A9', levels: ['error', 'error', 'error'] as const };
  const live = resolveScope(policy, rollout('pay-eu'));
  assert.equal(live.environment, 'live');
  assert.equal(ruleLevel(policy, rule, live, 'Rollout'), 'warning');
  assert.equal(ruleLevel(policy, rule, resolveScope(policy, rollout('lab')), 'Rollout'), 'off');
});

test('tiers come from the tier label; unknown namespaces count as production by default', () => {
  const doc = (labels: string, ns: string) => new ManifestDoc(parseYamlFile(`kind: Deployment\nmetadata:\n  name: w\n  namespace: ${ns}\n  labels: {${labels}}\n`).docs[0], 'x', '');
  const s = resolveScope(DEFAULT_POLICY, doc('tollgate.dev/tier: "2"', 'payments'));
  assert.deepEqual([s.tier, s.tierDeclared, s.environment, s.production], [2, true, 'prod', true]);
  assert.equal(s.settings.images.pinning, 'digest');
  const d = resolveScope(DEFAULT_POLICY, doc('', 'team-dev'));
  assert.deepEqual([d.tier, d.tierDeclared, d.environment, d.production], [1, false, 'dev', false]);
  const bad = resolveScope(DEFAULT_POLICY, doc('tollgate.dev/tier: "9"', 'prod'));
  assert.deepEqual([bad.tier, bad.tierDeclared], [1, false]);
});

test('syntax errors in a policy file become one finding and never throw', () => {
  const f = findings(`${head}spec:\n  tiers: [\n`);
  assert.equal(f[0]?.ruleId, 'TG-DOC-001');
  assert.doesNotThrow(() => composePolicy([{ path: 'x', text: '\u0000\t: : {[' }]));
});
