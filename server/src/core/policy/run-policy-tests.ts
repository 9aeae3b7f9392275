/**
 * Runs a policy's own unit tests: each test's manifest is checked under the
 * composed policy and the rule ids that fired are compared with `expect`.
 * Failures become findings on the test's `name` in its policy file, so the
 * editor shows them where the test is written and the CLI prints them.
 */
import type { Finding } from '../findings';
import { checkManifest } from '../manifest/check-manifest';
import { resolveRelative } from '../text/relative-path';
import { globToRegExp } from './glob';
import type { Policy, PolicyTest } from './model';
import { POLICY_RULES } from './policy-rules';

export interface PolicyTestResult {
  readonly test: PolicyTest;
  readonly passed: boolean;
  /** Rule ids that fired, sorted, unique. */
  readonly fired: readonly string[];
  /** Expected to fire but did not. */
  readonly missing: readonly string[];
  /** Expected not to fire but did. */
  readonly unexpected: readonly string[];
  /** The test could not run (no manifest, unreadable file). */
  readonly error?: string;
}

/** Reads a test's manifest file (resolved against its policy file); undefined when unreadable. */
export type ReadTestFile = (path: string) => string | undefined;

/** Run every test of `policy` (or only those declared in `path`). */
export function runPolicyTests(policy: Policy, readFile: ReadTestFile = () => undefined, path?: string): PolicyTestResult[] {
  return policy.tests.filter((t) => path === undefined || t.origin?.uri === path).map((t) => runOne(policy, t, readFile));
}

function runOne(policy: Policy, test: PolicyTest, readFile: ReadTestFile): PolicyTestResult {
  const input = testInput(test, readFile);
  if ('error' in input) return { test, passed: false, fired: [], missing: [], unexpected: [], error: input.error };
  const fired = [...new Set(checkManifest(input.uri, input.text, { policy }).findings.map((f) => f.ruleId))].sort();
  const matches = (pattern: string) => fired.some((id) => globToRegExp(pattern).test(id));
  const missing = test.expectFire.filter((p) => !matches(p));
  const unexpected = test.expectNotFire.filter(matches);
  return { test, passed: missing.length === 0 && unexpected.length === 0, fired, missing, unexpected };
}

function testInput(test: PolicyTest, readFile: ReadTestFile): { uri: string; text: string } | { error: string } {
  const hasInline = test.manifest.trim().length > 0;
  if (hasInline && test.file !== undefined) return { error: 'give either `manifest` or `file`, not both' };
  if (hasInline) return { uri: `${test.origin?.uri ?? 'policy'}#${test.name}`, text: test.manifest };
  if (test.file === undefined) return { error: 'the test has no `manifest` and no `file`' };
  const path = resolveRelative(test.origin?.uri ?? '', test.file);
  const text = readFile(path);
  return text === undefined ? { error: `cannot read test manifest ${path}` } : { uri: path, text };
}

/** One finding per failing test, at the test in its policy file. */
export function policyTestFindings(results: readonly PolicyTestResult[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const r of results) {
    if (r.passed || !r.test.origin) continue;
    const { uri, start, end } = r.test.origin;
    const rule = r.error ? POLICY_RULES.testInput : POLICY_RULES.testFailed;
    const list = out.get(uri) ?? [];
    list.push({ ruleId: rule.id, severity: 'error', message: describeFailure(r), span: { start, end } });
    out.set(uri, list);
  }
  return out;
}

/** "policy test 'x' failed: expected TG-IMG-001 to fire; fired: TG-TKT-001". */
export function describeFailure(r: PolicyTestResult): string {
  if (r.error) return `policy test '${r.test.name}' cannot run: ${r.error}`;
  const parts = [
    ...(r.missing.length ? [`expected ${r.missing.join(', ')} to fire`] : []),
    ...(r.unexpected.length ? [`expected ${r.unexpected.join(', ')} not to fire`] : []),
  ];
  return `policy test '${r.test.name}' failed: ${parts.join('; ')}; fired: ${r.fired.length ? r.fired.join(', ') : 'nothing'}`;
}
