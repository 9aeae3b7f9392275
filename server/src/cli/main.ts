/**
 * `tollgate` command line. Exit codes: the verdict's (0 ALLOW, 1 REJECT,
 * 2 INCONCLUSIVE) for gate, 0 for other successes, 64 usage error, 65 data
 * error, 73 cannot write an output file, 70 internal error (a bug: the stack
 * is printed so it can be reported).
 */
import pkg from '../../../package.json';
import { DataError, UsageError } from '../core/errors';
import { EXIT } from '../core/gate/verdict';
import { helpText } from './args';
import { CliError } from './cli-error';
import type { CommandResult } from './commands/command';
import { runCheck } from './commands/check';
import { runCompare } from './commands/compare';
import { runDoctor } from './commands/doctor';
import { runGate } from './commands/gate';
import { runHistory } from './commands/history';
import { runMde } from './commands/mde';
import { runLsp } from './commands/lsp';
import { runPolicy } from './commands/policy';
import { runAudit } from './commands/audit';
import { runRelease } from './commands/release';
import { runTrace } from './commands/trace';

/** One entry per sub-command; `run` may be async (store and server commands are). */
const COMMANDS: Record<string, { run: (argv: readonly string[]) => CommandResult | Promise<CommandResult>; summary: string }> = {
  gate: { run: runGate, summary: 'release-gate two runs (exit code = verdict)' },
  compare: { run: runCompare, summary: 'compare two runs and print statistics' },
  mde: { run: runMde, summary: 'minimum detectable effect or required N' },
  doctor: { run: runDoctor, summary: 'validate run files' },
  check: { run: runCheck, summary: 'check manifests, policies, eval configs and run files (exit 1 on errors)' },
  policy: { run: runPolicy, summary: 'policy test FILE…: run the tests of ReleasePolicy files' },
  history: { run: runHistory, summary: 'list the runs in a run store (EVALSIG history)' },
  audit: { run: runAudit, summary: 'capture (gate + store + envelope) or verify the audit evidence chain' },
  release: { run: runRelease, summary: 'record a release event; print the last-known-good digest' },
  trace: { run: runTrace, summary: 'trace a digest, commit or ticket through releases and evidence' },
  lsp: { run: runLsp, summary: 'start the language server (--stdio) for any LSP client' },
  version: { run: () => print(`tollgate ${pkg.version}`), summary: 'print the version' },
};

function print(text: string): CommandResult {
  process.stdout.write(`${text}\n`);
  return { exitCode: 0 };
}

function topUsage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: tollgate [-h] [--version] COMMAND ...', '', 'Ship safely and prove it: statistical release gates for LLM evals.', '', 'commands:', ...rows].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) throw new UsageError(`${topUsage()}\ntollgate: error: a command is required`);
    if (command === '-h' || command === '--help') return print(topUsage()).exitCode;
    if (command === '--version') return print(`tollgate ${pkg.version}`).exitCode;
    const cmd = COMMANDS[command];
    if (!cmd) throw new UsageError(`${topUsage()}\ntollgate: error: unknown command '${command}'`);
    const result = await cmd.run(rest);
    if (result.help) return print(helpText(result.help)).exitCode;
    return result.exitCode;
  } catch (e) {
    return report(e);
  }
}

function report(e: unknown): number {
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    return EXIT.usage;
  }
  if (e instanceof DataError) {
    process.stderr.write(`tollgate: data error: ${e.describe()}\n`);
    return EXIT.data;
  }
  if (e instanceof CliError) {
    process.stderr.write(`tollgate: ${e.message}\n`);
    return e.exitCode;
  }
  process.stderr.write(`tollgate: internal error (please report it)\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT.internal;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
