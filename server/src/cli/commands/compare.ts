/** `tollgate compare`: EVALSIG's compare (two-sided unless --one-sided), always exit 0. */
import { compareAligned } from '../../core/gate/compare';
import { toJson } from '../../core/report/to-json';
import { comparisonToMarkdown, comparisonToText } from '../../core/report/to-text';
import { Args, type CommandSpec, parseArgs, usageError } from '../args';
import { emit } from '../emit';
import { outputKind, RUN_OPTIONS, runPairs, statOptions } from '../run-options';
import type { CommandResult } from './command';
import { readParquetRuns } from '../parquet-runs';
import { familyMembers, textRunReader } from './gate';

export const COMPARE_SPEC: CommandSpec = {
  name: 'compare',
  summary: 'Compare two runs: delta, CI, p-value and MDE.',
  options: [...RUN_OPTIONS, { name: 'one-sided', kind: 'flag', help: 'test only candidate > baseline' }],
};

export async function runCompare(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(COMPARE_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: COMPARE_SPEC };
  const args = new Args(parsed);
  const stats = statOptions(COMPARE_SPEC, args);
  const pairs = runPairs(COMPARE_SPEC, args);
  // Parquet runs load asynchronously (lazy codec), before the synchronous pairing, as in gate.
  const parquet = await readParquetRuns(args, pairs);
  const readText = textRunReader(args);
  const members = familyMembers(COMPARE_SPEC, args, pairs, (path, side, metric) => parquet.get(path) ?? readText(path, side, metric));
  if (members.length !== 1) usageError(COMPARE_SPEC, 'compare takes one --baseline/--candidate pair and one --metric; use gate for several');
  const result = compareAligned(members[0].aligned, { ...stats, oneSided: args.flag('one-sided') });
  const output = outputKind(args);
  const stdout = output === 'json' ? toJson(result) : output === 'markdown' ? comparisonToMarkdown(result) : comparisonToText(result);
  const jsonPath = args.str('json');
  emit({ stdout, jsonPath, json: jsonPath === undefined ? undefined : toJson(result) });
  return { exitCode: 0 };
}
