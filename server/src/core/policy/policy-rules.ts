/**
 * Findings about policy files themselves. Always errors except a failing
 * policy test, which is an error too: a policy whose own tests fail must not
 * silently gate releases.
 */
import type { RuleDocs } from '../manifest/rules/rule';

export const POLICY_RULES = {
  schema: { id: 'TG-POL-001', title: 'Policy schema', description: 'A ReleasePolicy key is unknown, has the wrong type or is out of range.', example: 'spec:\n  defaultTeir: 2', fix: 'Use the suggested key or a valid value (completion lists them).' },
  unknownRule: { id: 'TG-POL-002', title: 'Unknown rule id', description: 'A rule id (or glob) in `rules`, `tests` or a suppression matches no Tollgate rule.', example: 'rules:\n  - rule: TG-IMG-999\n    severity: off', fix: 'Use an id from the README rule table.' },
  badRegex: { id: 'TG-POL-003', title: 'Invalid regular expression', description: 'A pattern (e.g. `changeTicket.pattern`) is not a valid JavaScript regular expression.', example: 'pattern: "^CHG-[0-9+$"', fix: 'Fix the expression; the message quotes the parser\'s complaint.' },
  undefinedRef: { id: 'TG-POL-004', title: 'Undefined tier or environment', description: 'A tier id or environment name is used but defined by no policy file (nor the defaults).', example: 'rules:\n  - rule: TG-IMG-003\n    severity: error\n    tiers: [3]', fix: 'Define the tier/environment or use an existing one.' },
  duplicate: { id: 'TG-POL-005', title: 'Duplicate definition', description: 'A tier id, environment name or test name is defined twice in one policy file.', example: 'tiers:\n  - id: 2\n  - id: 2', fix: 'Merge or rename the duplicates.' },
  testFailed: { id: 'TG-POL-006', title: 'Policy test failed', description: 'A policy test\'s manifest did not produce the expected findings (or produced unexpected ones) under the composed policy.', example: 'tests:\n  - name: latest is refused\n    manifest: "…image: app:1.0…"\n    expect: {fire: [TG-IMG-001]}', fix: 'Fix the policy or the test; the message lists what fired.' },
  testInput: { id: 'TG-POL-007', title: 'Policy test input unusable', description: 'A policy test has neither `manifest` nor a readable `file`, or both.', example: 'tests:\n  - name: x\n    expect: {fire: [TG-IMG-001]}', fix: 'Give exactly one of `manifest` and `file`.' },
} satisfies Record<string, RuleDocs>;

export const POLICY_RULE_DOCS: readonly RuleDocs[] = Object.values(POLICY_RULES);
