/**
 * `tollgate audit capture|verify`. Verify exits 0 when the chain is intact and
 * every still-present input file matches its hash, 1 otherwise (naming each
 * broken record and why), 65 when an input file exists but cannot be read.
 */
import { DataError, UsageError } from '../../core/errors';
import { verifyEvidence, verifyToText } from '../../core/evidence';
import { nodeFileHasher } from '../../node/file-hash';
import { Args, type CommandSpec, parseArgs } from '../args';
import { runAuditCapture } from './audit-capture';
import type { CommandResult } from './command';
import { nodeEvidenceContext, ROOT_OPTION, withEvidenceErrors } from './evidence-io';
import { existsSync, statSync } from 'node:fs';

export const AUDIT_VERIFY_SPEC: CommandSpec = {
  name: 'audit verify',
  summary: 'Check the evidence chain and the run files it names: exit 0 intact, 1 broken (each broken record is named, with why).',
  options: [
    ROOT_OPTION,
    { name: 'inputs-base', kind: 'string', metavar: 'DIR', help: 'resolve relative input paths against DIR (default: the working directory)' },
    { name: 'output', kind: 'string', choices: ['tty', 'json'], help: 'stdout renderer (default tty)' },
  ],
};

const SUBCOMMANDS: Record<string, (argv: readonly string[]) => Promise<CommandResult>> = {
  capture: runAuditCapture,
  verify: runAuditVerify,
};

const USAGE = 'usage: tollgate audit {capture,verify} ...\n\n  capture    gate two runs, store them, append an audit envelope (exit = verdict)\n  verify     check the chain and its input files (0 intact, 1 broken)';

/** `tollgate audit SUBCOMMAND …` */
export function runAudit(argv: readonly string[]): Promise<CommandResult> {
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return Promise.resolve({ exitCode: 0 });
  }
  const run = sub === undefined ? undefined : SUBCOMMANDS[sub];
  if (run === undefined) throw new UsageError(`${USAGE}\ntollgate audit: error: ${sub === undefined ? 'a subcommand is required' : `unknown subcommand '${sub}'`}`);
  return run(rest);
}

async function runAuditVerify(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(AUDIT_VERIFY_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: AUDIT_VERIFY_SPEC };
  const args = new Args(parsed);
  const root = args.str('root') as string;
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new DataError('no such evidence directory', root);
  const result = await withEvidenceErrors(() => verifyEvidence(nodeEvidenceContext({ bulkRead: true }), root, nodeFileHasher(args.str('inputs-base'))));
  const text = args.str('output') === 'json' ? JSON.stringify({ root, ...result }, null, 2) : verifyToText(result, root);
  process.stdout.write(`${text}\n`);
  return { exitCode: result.ok ? 0 : 1 };
}
