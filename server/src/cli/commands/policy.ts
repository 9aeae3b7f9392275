/**
 * `tollgate policy test FILE…`: run the unit tests of ReleasePolicy files
 * (each file composed onto the default, then onto each other in path order,
 * exactly as the editor does). Exit 1 when a test fails, 65 when a file
 * cannot be read, 0 when all pass.
 */
import { readFileSync } from 'node:fs';
import { composePolicy } from '../../core/policy/compose-policy';
import { describeFailure, runPolicyTests } from '../../core/policy/run-policy-tests';
import { findingRows, rowsToText } from '../../core/report/findings-output';
import { readTextFile } from '../../node/read-run-file';
import { Args, type CommandSpec, parseArgs, usageError } from '../args';
import { emit } from '../emit';
import type { CommandResult } from './command';

export const POLICY_TEST_SPEC: CommandSpec = {
  name: 'policy test',
  summary: 'Run the tests declared in ReleasePolicy files; exit 1 if any fails.',
  options: [],
  positional: { name: 'FILE', min: 1, help: 'policy file(s)' },
};

export function runPolicy(argv: readonly string[]): CommandResult {
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help') return { exitCode: 0, help: POLICY_TEST_SPEC };
  if (sub !== 'test') usageError(POLICY_TEST_SPEC, sub === undefined ? 'a sub-command is required: test' : `unknown sub-command '${sub}' (expected: test)`);
  const parsed = parseArgs(POLICY_TEST_SPEC, rest);
  if (parsed.help) return { exitCode: 0, help: POLICY_TEST_SPEC };
  const files = new Args(parsed).positionals.map((path) => ({ path, text: readTextFile(path) }));
  const composed = composePolicy(files);
  const problems = findingRows(files.map((f) => ({ ...f, findings: (composed.findings.get(f.path) ?? []).filter((x) => x.severity === 'error') })));
  const results = runPolicyTests(composed.policy, (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  });
  const lines = results.map((r) => (r.passed ? `  PASS ${r.test.origin?.uri ?? ''}: ${r.test.name}` : `  FAIL ${r.test.origin?.uri ?? ''}: ${describeFailure(r)}`));
  const failed = results.filter((r) => !r.passed).length;
  const head = problems.length > 0 ? `${rowsToText(problems)}\n` : '';
  const tail = results.length === 0 ? 'no policy tests found' : `${results.length - failed} passed, ${failed} failed`;
  emit({ stdout: `${head}${lines.join('\n')}${lines.length ? '\n' : ''}${tail}` });
  return { exitCode: failed > 0 || problems.length > 0 ? 1 : 0 };
}
