/**
 * `tollgate trace <digest|git-sha|ticket>`: commit → artifact → deployments →
 * environments → approvals → test evidence. Exit 0 when something matched,
 * 1 when nothing did.
 */
import { chainRecords, checkChain, loadChain, traceQuery, traceToText } from '../../core/evidence';
import { Args, type CommandSpec, parseArgs, usageError } from '../args';
import type { CommandResult } from './command';
import { nodeEvidenceContext, ROOT_OPTION, withEvidenceErrors } from './evidence-io';

export const TRACE_SPEC: CommandSpec = {
  name: 'trace',
  summary: 'Trace an image digest, a commit (7+ hex digits) or a change ticket through the evidence: exit 0 found, 1 nothing matched.',
  positional: { name: 'QUERY', min: 1, help: 'sha256:<digest> (or IMAGE@sha256:…), a git sha or prefix, or a change ticket' },
  options: [ROOT_OPTION, { name: 'output', kind: 'string', choices: ['tty', 'json'], help: 'stdout renderer (default tty)' }],
};

/** Runs `tollgate trace`. */
export async function runTrace(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(TRACE_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: TRACE_SPEC };
  const args = new Args(parsed);
  if (args.positionals.length > 1) usageError(TRACE_SPEC, `one QUERY at a time, got ${args.positionals.length}`);
  const root = args.str('root') as string;
  const chain = await withEvidenceErrors(() => loadChain(nodeEvidenceContext({ bulkRead: true }), root));
  const intact = checkChain(chain, root).length === 0;
  const trace = traceQuery(chainRecords(chain), args.positionals[0]);
  const text = args.str('output') === 'json' ? JSON.stringify({ ...trace, chain_intact: intact }, null, 2) : traceToText(trace, intact);
  process.stdout.write(`${text}\n`);
  return { exitCode: trace.commits.length > 0 ? 0 : 1 };
}
