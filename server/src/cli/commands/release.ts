/**
 * `tollgate release record|last-good`: release events in the evidence chain,
 * and the last-known-good digest derived from them (definition in
 * core/evidence/last-good.ts).
 */
import { UsageError } from '../../core/errors';
import { chainRecords, lastGoodToText, lastKnownGood, loadChain, recordRelease } from '../../core/evidence';
import { nodeGit } from '../../node/git';
import { Args, type CommandSpec, parseArgs, usageError } from '../args';
import type { CommandResult } from './command';
import { currentUser, nodeEvidenceContext, ROOT_OPTION, TOOL, withEvidenceErrors } from './evidence-io';

const OUTPUT_OPTION = { name: 'output', kind: 'string', choices: ['tty', 'json'], help: 'stdout renderer (default tty)' } as const;

export const RELEASE_RECORD_SPEC: CommandSpec = {
  name: 'release record',
  summary: 'Append a release event (a deployment) to the evidence chain. Exit 0 recorded, 77 refused by separation of duties.',
  options: [
    { name: 'service', kind: 'string', required: true, metavar: 'S', help: 'service deployed' },
    { name: 'env', kind: 'string', required: true, metavar: 'E', help: 'environment deployed to' },
    { name: 'image', kind: 'string', required: true, metavar: 'IMAGE@sha256:…', help: 'image pinned by digest' },
    { name: 'git-sha', kind: 'string', required: true, metavar: 'SHA', help: 'commit the image was built from' },
    { name: 'change-ticket', kind: 'string', required: true, metavar: 'T', help: 'change ticket of the release' },
    { name: 'approved-by', kind: 'string', required: true, metavar: 'WHO', help: 'who approved it' },
    { name: 'evidence', kind: 'string', repeatable: true, metavar: 'ENVELOPE_ID', help: 'audit envelope that justified the release (repeatable)' },
    ROOT_OPTION,
    { name: 'deployed-at', kind: 'string', metavar: 'ISO_TIME', help: 'when it was deployed (default now), e.g. 2026-05-17T10:11:12Z' },
    { name: 'require-separation', kind: 'flag', help: 'separation of duties: refuse when the approver wrote the commit (asks git)' },
    { name: 'tier', kind: 'int', metavar: 'N', help: 'risk tier of the service; tier 2 implies --require-separation' },
    { name: 'recorded-by', kind: 'string', metavar: 'WHO', help: 'who records the event (default: the OS user)' },
    OUTPUT_OPTION,
  ],
};

export const RELEASE_LAST_GOOD_SPEC: CommandSpec = {
  name: 'release last-good',
  summary: 'Print the last-known-good digest of a service in an environment: exit 0 found, 1 none.',
  options: [
    { name: 'service', kind: 'string', required: true, metavar: 'S', help: 'service' },
    { name: 'env', kind: 'string', required: true, metavar: 'E', help: 'environment' },
    ROOT_OPTION,
    OUTPUT_OPTION,
  ],
};

const USAGE = 'usage: tollgate release {record,last-good} ...\n\n  record     append a release event to the evidence chain\n  last-good  print the last-known-good digest of a service in an environment';

/** `tollgate release SUBCOMMAND …` */
export function runRelease(argv: readonly string[]): Promise<CommandResult> {
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return Promise.resolve({ exitCode: 0 });
  }
  if (sub === 'record') return runRecord(rest);
  if (sub === 'last-good') return runLastGood(rest);
  throw new UsageError(`${USAGE}\ntollgate release: error: ${sub === undefined ? 'a subcommand is required' : `unknown subcommand '${sub}'`}`);
}

async function runRecord(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(RELEASE_RECORD_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: RELEASE_RECORD_SPEC };
  const args = new Args(parsed);
  const tier = args.num('tier');
  if (tier !== undefined && !(tier >= 0 && tier <= 9)) usageError(RELEASE_RECORD_SPEC, `--tier must be 0 to 9, got ${tier}`);
  const requireSeparation = args.flag('require-separation') || (tier ?? 0) >= 2;
  const request = {
    service: args.str('service') as string,
    env: args.str('env') as string,
    image: args.str('image') as string,
    gitSha: args.str('git-sha') as string,
    changeTicket: args.str('change-ticket') as string,
    approvedBy: args.str('approved-by') as string,
    deployedAt: args.str('deployed-at'),
    evidence: args.strs('evidence'),
    recordedBy: args.str('recorded-by') ?? currentUser(),
    requireSeparation,
    tool: TOOL,
  };
  const root = args.str('root') as string;
  // The CLI runs where the user ran it: a trusted workspace. git is only asked when the author matters.
  const git = nodeGit({ trusted: true });
  const { record, path } = await withEvidenceErrors(() => recordRelease(nodeEvidenceContext(), root, request, git));
  const text = args.str('output') === 'json'
    ? JSON.stringify(record, null, 2)
    : `tollgate: release event ${record.id} (sequence ${record.sequence}): ${record.service} to ${record.env}, ${record.image_digest}, written to ${root}/${path}`;
  process.stdout.write(`${text}\n`);
  return { exitCode: 0 };
}

async function runLastGood(argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseArgs(RELEASE_LAST_GOOD_SPEC, argv);
  if (parsed.help) return { exitCode: 0, help: RELEASE_LAST_GOOD_SPEC };
  const args = new Args(parsed);
  const [service, env] = [args.str('service') as string, args.str('env') as string];
  const records = chainRecords(await withEvidenceErrors(() => loadChain(nodeEvidenceContext({ bulkRead: true }), args.str('root') as string)));
  const good = lastKnownGood(records, service, env);
  if (args.str('output') === 'json') {
    process.stdout.write(`${JSON.stringify({ service, env, last_good: good?.event ?? null, rolled_back: good?.rolledBack ?? [] }, null, 2)}\n`);
  } else if (good) {
    process.stdout.write(`${lastGoodToText(good)}\n`);
  } else {
    process.stderr.write(`tollgate: no last-known-good release of ${service} in ${env}: no release event cites only ALLOW evidence without having been rolled back\n`);
  }
  return { exitCode: good ? 0 : 1 };
}
