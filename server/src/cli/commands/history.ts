/**
 * `tollgate history`: EVALSIG's listing of stored runs (spec §5.5), same
 * flags and columns, plus `--output json`; `--until` takes whole days.
 */
import { UsageError } from '../../core/errors';
import { checkProjectId, historyToJson, historyToText, queryRecords, type HistoryFilter } from '../../core/store';
import { manifestPath } from '../../core/store/layout';
import { parseBound } from '../../core/store/timestamps';
import { Args, type CommandSpec, parseArgs, usageError } from '../args';
import { nodeRunStore, withStoreErrors } from '../run-store-io';
import type { CommandResult } from './command';

export const HISTORY_SPEC: CommandSpec = {
  name: 'history',
  summary: 'List the runs in a run store, oldest first.',
  options: [
    { name: 'root', kind: 'string', required: true, metavar: 'DIR', help: 'run store directory' },
    { name: 'project', kind: 'string', metavar: 'P', help: 'project id (default: default)' },
    { name: 'model-id', kind: 'string', metavar: 'ID', help: 'only runs of this model' },
    { name: 'task-id', kind: 'string', metavar: 'ID', help: 'only runs of this task' },
    { name: 'metric-name', kind: 'string', metavar: 'NAME', help: 'only runs of this metric' },
    { name: 'since', kind: 'string', metavar: 'ISO', help: 'only runs at or after this date or date-time (UTC unless an offset is given)' },
    { name: 'until', kind: 'string', metavar: 'ISO', help: 'only runs up to this date or date-time, inclusive: 2026-06-30 includes that whole day' },
    { name: 'output', kind: 'string', choices: ['tty', 'json'], help: 'stdout renderer (default tty)' },
  ],
};

export async function runHistory(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(HISTORY_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: HISTORY_SPEC };
  const args = new Args(parsed);
  const root = args.str('root') as string;
  const project = args.str('project') ?? 'default';
  const filter = checkedFilter(args, project);
  const manifest = await withStoreErrors(() => nodeRunStore(root).readManifest(project));
  const records = queryRecords(manifest.runs, filter, manifestPath(root, project));
  const stdout = args.str('output') === 'json' ? historyToJson(records, project) : historyToText(records, root, project);
  process.stdout.write(`${stdout}\n`);
  return { exitCode: 0 };
}

/** The filters, with the project id and the date bounds checked before the store is touched. */
function checkedFilter(args: Args, project: string): HistoryFilter {
  try {
    checkProjectId(project);
    const since = args.str('since');
    const until = args.str('until');
    if (since !== undefined) parseBound('--since', since);
    if (until !== undefined) parseBound('--until', until);
    return { modelId: args.str('model-id'), taskId: args.str('task-id'), metricName: args.str('metric-name'), since, until };
  } catch (e) {
    if (e instanceof UsageError) usageError(HISTORY_SPEC, e.message);
    throw e;
  }
}
